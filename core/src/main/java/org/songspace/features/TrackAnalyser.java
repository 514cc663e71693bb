package org.songspace.features;

import java.io.IOException;
import java.nio.file.Path;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioLoader;
import org.songspace.audio.Excerpt;
import org.songspace.audio.TagReader;
import org.songspace.audio.TrackTags;

/**
 * What songspace reads from one audio file, wherever it runs (a feature job, a Spark partition): the
 * excerpt decoded and turned into log-mel dB, and the file's tags. Thread-safe.
 */
public final class TrackAnalyser {
    /** One file analysed: its log-mel, its tags, what the decoder saw, and its damage (null: intact). */
    public record Analysis(MelSpectrogram logMel, TrackTags tags, double seconds, int sourceRate, int sourceChannels,
                           String damage) {
    }

    private final LogMelExtractor extractor;
    private final Excerpt excerpt;

    public TrackAnalyser(FeatureConfig config, Excerpt excerpt) {
        this.extractor = new LogMelExtractor(config);
        this.excerpt = excerpt;
    }

    public FeatureConfig config() {
        return extractor.config();
    }

    public Excerpt excerpt() {
        return excerpt;
    }

    /** Decodes, featurises and reads the tags of {@code source}, timing each stage into {@code clock}. */
    public Analysis analyse(Path source, StageClock clock) throws IOException {
        long t0 = System.nanoTime();
        AudioClip clip = AudioLoader.decode(source, excerpt);
        clock.add(StageClock.Stage.DECODE, System.nanoTime() - t0);
        MelSpectrogram db = extractor.logMel(clip, clock);
        long t2 = System.nanoTime();
        TrackTags tags = TagReader.read(source);
        clock.add(StageClock.Stage.TAGS, System.nanoTime() - t2);
        return new Analysis(db, tags, clip.samples().length / (double) clip.sampleRate(), clip.sourceRate(),
                clip.sourceChannels(), clip.damage());
    }
}
