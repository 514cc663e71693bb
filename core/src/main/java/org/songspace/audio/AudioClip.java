package org.songspace.audio;

/**
 * Mono audio in [-1, 1] at a known sample rate, plus what the source file was.
 *
 * @param samples        mono samples (stereo and multichannel sources are averaged, as librosa does)
 * @param sampleRate     rate of {@code samples} in Hz
 * @param sourceRate     rate of the file before any resampling
 * @param sourceChannels channel count of the file
 * @param damage         what was wrong with the file yet decoded around (bad frames skipped, seconds decoded of
 *                       seconds declared), or null for an intact file
 */
public record AudioClip(float[] samples, int sampleRate, int sourceRate, int sourceChannels, String damage) {

    public AudioClip {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }

    /** A clip straight from a decoder: its rate is the source rate. */
    public static AudioClip decoded(float[] samples, int sampleRate, int channels) {
        return new AudioClip(samples, sampleRate, sampleRate, channels, null);
    }

    /** The same clip marked damaged ({@code what} joins any damage already noted). */
    public AudioClip withDamage(String what) {
        if (what == null) {
            return this;
        }
        return new AudioClip(samples, sampleRate, sourceRate, sourceChannels, damage == null ? what : damage + "; " + what);
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /** The same clip with other samples at another rate (the source description is kept). */
    public AudioClip withSamples(float[] newSamples, int newRate) {
        return new AudioClip(newSamples, newRate, sourceRate, sourceChannels, damage);
    }
}
