package org.songspace.features;

import java.util.List;

/**
 * The {@code features.json} of a features folder: the config every .npy was made with, and one entry
 * per track. It is also the cache index: a track whose source size and modification time are unchanged
 * and whose .npy exists is not computed again.
 *
 * @param format  file format version, so later readers can migrate
 * @param config  feature parameters shared by every track here
 * @param tracks  tracks in input order
 * @param failed  files that could not be read, with the reason
 */
public record FeatureManifest(int format, FeatureConfig config, List<Track> tracks, List<Failure> failed) {
    public static final String FILE_NAME = "features.json";
    public static final int FORMAT = 1;

    /**
     * One featurised track.
     *
     * @param id             stable id: the path relative to the input root, without extension
     * @param source         the audio file it came from
     * @param npy            the .npy file, relative to the features folder
     * @param sourceBytes    size of the source when it was read (cache key)
     * @param sourceModified modification time of the source in ms (cache key)
     * @param frames         spectrogram frames
     * @param durationSeconds duration of the audio at the target rate
     * @param sourceRate     sample rate of the file
     * @param sourceChannels channels of the file
     */
    public record Track(String id, String source, String npy, long sourceBytes, long sourceModified, int frames,
                        double durationSeconds, int sourceRate, int sourceChannels) {
    }

    /** A file that was reported and skipped. */
    public record Failure(String source, String reason) {
    }
}
