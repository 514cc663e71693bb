package org.songspace.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads any supported audio file into a mono clip at a target rate: the equivalent of
 * {@code librosa.load(path, sr=22050, mono=True)}. WAV and AU are read in pure Java (exact and fast,
 * chosen by the file's leading bytes, so a mislabelled file is still read); everything else goes through
 * FFmpeg in-process, which on MP3 is ~4x faster than JLayer and matches {@code mpg123 -e f32} to 3e-6
 * without JLayer's 16-bit clipping. Where FFmpeg's natives do not load, the pure-Java MP3, FLAC and
 * Ogg Vorbis decoders still read those formats.
 */
public final class AudioLoader {
    /** Extensions searched for when a folder is scanned. */
    public static final Set<String> EXTENSIONS = Set.of("wav", "wave", "au", "snd", "mp3", "flac", "ogg", "oga",
            "opus", "m4a", "m4b", "mp4", "aac", "alac", "wma", "ape", "wv", "aif", "aiff", "aifc", "mka", "webm", "mpc",
            "ac3", "caf", "mp2");

    /** The exact pure-Java decoders, tried first by leading bytes. */
    private static final List<AudioDecoder> PCM_DECODERS = List.of(new WavDecoder(), new AuDecoder());
    /** Used only when FFmpeg is not available. */
    private static final List<AudioDecoder> FALLBACK_DECODERS = List.of(
            new FlacDecoder(), new OggVorbisDecoder(), new Mp3Decoder());
    /** A whole-file PCM decode reads the file into memory; above this FFmpeg streams it instead. */
    private static final long MAX_IN_MEMORY_BYTES = 256L << 20;
    /** Longest audio decoded from one file, and the time one decode may take. */
    static final double MAX_DECODED_SECONDS = 30 * 60;
    static final double DECODE_TIMEOUT_SECONDS = 120;
    private static final FfmpegDecoder FFMPEG = new FfmpegDecoder(MAX_DECODED_SECONDS, DECODE_TIMEOUT_SECONDS);

    private final Resampler resampler;

    public AudioLoader(Resampler resampler) {
        this.resampler = resampler;
    }

    /** A loader with librosa's default resampler (kaiser_best). */
    public static AudioLoader standard() {
        return new AudioLoader(Resampler.kaiserBest());
    }

    /** Decodes a whole file at its own sample rate. */
    public static AudioClip decode(Path path) throws IOException {
        return decode(path, Excerpt.WHOLE);
    }

    /** Decodes {@code excerpt} of a file at its own sample rate. */
    public static AudioClip decode(Path path, Excerpt excerpt) throws IOException {
        long size;
        byte[] head;
        try {
            size = Files.size(path);
            head = readHead(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        try {
            if (size == 0) {
                throw new AudioFormatException("empty file (0 bytes)");
            }
            AudioDecoder pcm = find(PCM_DECODERS, head);
            if (pcm != null && (size <= MAX_IN_MEMORY_BYTES || !FfmpegDecoder.available())) {
                return cut(pcm.decode(Files.readAllBytes(path)), excerpt);
            }
            if (FfmpegDecoder.available()) {
                AudioClip clip = FFMPEG.decode(path, excerpt);
                if (Samples.startsWith(head, 0, "OggS") && !OggPages.endsWithEndOfStream(path)) {
                    // FFmpeg decodes a cut Ogg file up to the cut without a word, and Ogg declares no length to
                    // compare with: what is there is kept, and said to be cut off.
                    return clip.withDamage("cut off (the last Ogg page is not marked end-of-stream)");
                }
                return clip;
            }
            return cut(decodeInMemory(Files.readAllBytes(path)), excerpt);
        } catch (AudioFormatException e) {
            throw e.in(path);
        }
    }

    /** Decodes in-memory file bytes (an upload) at their own sample rate. */
    public static AudioClip decode(byte[] data) throws IOException {
        if (data.length == 0) {
            throw new AudioFormatException("empty file (0 bytes)");
        }
        if (find(PCM_DECODERS, data) != null || !FfmpegDecoder.available()) {
            return decodeInMemory(data);
        }
        // FFmpeg reads files; an upload is small, so a temporary file costs little.
        Path tmp = Files.createTempFile("songspace-upload", ".audio");
        try {
            Files.write(tmp, data);
            return FFMPEG.decode(tmp, Excerpt.WHOLE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A whole file through the pure-Java decoders only (JLayer, jflac, JOrbis; the fallback where FFmpeg
     * does not load), for benchmarks and tests that compare them with the default.
     */
    public static AudioClip decodeInJava(Path path) throws IOException {
        try {
            return decodeInMemory(Files.readAllBytes(path));
        } catch (AudioFormatException e) {
            throw e.in(path);
        }
    }

    /** The pure-Java decoders only, on a file's bytes. */
    static AudioClip decodeInMemory(byte[] data) throws AudioFormatException {
        AudioDecoder decoder = find(PCM_DECODERS, data);
        if (decoder == null) {
            decoder = find(FALLBACK_DECODERS, data);
        }
        if (decoder == null) {
            throw new AudioFormatException("not a recognised audio format (supported without FFmpeg: WAV, AU, MP3, "
                    + "FLAC, Ogg Vorbis)");
        }
        return decoder.decode(data);
    }

    private static AudioDecoder find(List<AudioDecoder> decoders, byte[] head) {
        for (AudioDecoder decoder : decoders) {
            if (decoder.recognises(head)) {
                return decoder;
            }
        }
        return null;
    }

    private static byte[] readHead(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(64);
        }
    }

    /** The excerpt's windows of an already decoded clip, joined. */
    static AudioClip cut(AudioClip clip, Excerpt excerpt) {
        List<Excerpt.Window> windows = excerpt.windowsFor(clip.durationSeconds());
        if (windows.size() == 1 && windows.get(0).start() == 0 && Double.isInfinite(windows.get(0).length())) {
            return clip;
        }
        float[] x = clip.samples();
        SampleSink sink = new SampleSink((int) Math.min(x.length, excerpt.seconds() * clip.sampleRate() + 16));
        for (Excerpt.Window w : windows) {
            int from = (int) Math.min(x.length, Math.round(w.start() * clip.sampleRate()));
            int count = (int) Math.min(x.length - from, Math.round(w.length() * clip.sampleRate()));
            sink.append(x, from, count);
        }
        return new AudioClip(sink.toArray(), clip.sampleRate(), clip.sourceRate(), clip.sourceChannels(), clip.damage());
    }

    /** Decodes an excerpt and resamples it to {@code targetRate}. */
    public AudioClip load(Path path, Excerpt excerpt, int targetRate) throws IOException {
        return resampler.resample(decode(path, excerpt), targetRate);
    }

    /** Decodes and resamples to {@code targetRate}. */
    public AudioClip load(Path path, int targetRate) throws IOException {
        return resampler.resample(decode(path), targetRate);
    }

    public Resampler resampler() {
        return resampler;
    }
}
