package org.songspace.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads any supported audio file into a mono clip at a target rate: the equivalent of
 * {@code librosa.load(path, sr=22050, mono=True)}. The format is chosen by the file's leading bytes,
 * not its extension, so a mislabelled file is still read and a text file named .wav is refused.
 */
public final class AudioLoader {
    /** Extensions searched for when a folder is scanned. */
    public static final Set<String> EXTENSIONS = Set.of("wav", "wave", "au", "snd", "mp3", "flac", "ogg", "oga");

    private static final List<AudioDecoder> DECODERS = List.of(
            new WavDecoder(), new AuDecoder(), new FlacDecoder(), new OggVorbisDecoder(), new Mp3Decoder());

    private final Resampler resampler;

    public AudioLoader(Resampler resampler) {
        this.resampler = resampler;
    }

    /** A loader with librosa's default resampler (kaiser_best). */
    public static AudioLoader standard() {
        return new AudioLoader(Resampler.kaiserBest());
    }

    public static boolean hasAudioExtension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Decodes a file at its own sample rate. */
    public static AudioClip decode(Path path) throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (data.length == 0) {
            throw new AudioFormatException("empty file (0 bytes)").in(path);
        }
        try {
            return decode(data);
        } catch (AudioFormatException e) {
            throw e.in(path);
        }
    }

    /** Decodes in-memory file bytes at their own sample rate. */
    public static AudioClip decode(byte[] data) throws AudioFormatException {
        for (AudioDecoder decoder : DECODERS) {
            if (decoder.recognises(data)) {
                return decoder.decode(data);
            }
        }
        throw new AudioFormatException("not a recognised audio format (supported: WAV, AU, MP3, FLAC, Ogg Vorbis)");
    }

    /** Decodes and resamples to {@code targetRate}. */
    public AudioClip load(Path path, int targetRate) throws IOException {
        return resampler.resample(decode(path), targetRate);
    }

    public Resampler resampler() {
        return resampler;
    }
}
