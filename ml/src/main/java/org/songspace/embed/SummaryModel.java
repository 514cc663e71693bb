package org.songspace.embed;

import java.util.List;
import org.songspace.audio.AudioClip;
import org.songspace.features.FeatureConfig;
import org.songspace.features.LogMelExtractor;
import org.songspace.features.MelSpectrogram;

/**
 * A model that turns a track's log-mel into its vector by plain arithmetic (the timbre model's Gaussian, the
 * tag model's descriptor and discriminant): no native state, so tracks are embedded side by side, and a
 * clip is embedded through the same log-mel its features were made with.
 */
abstract class SummaryModel implements TrackEmbedder {
    private final FeatureConfig features;
    private final LogMelExtractor extractor;

    SummaryModel(FeatureConfig features) {
        this.features = features;
        this.extractor = new LogMelExtractor(features);
    }

    @Override
    public final FeatureConfig features() {
        return features;
    }

    /** Tracks side by side on the common pool: each is a pure function of its spectrogram. */
    @Override
    public final List<float[]> embedAll(List<MelSpectrogram> dbs) {
        return dbs.parallelStream().map(this::embed).toList();
    }

    @Override
    public final float[] embedClip(AudioClip clip) {
        return embed(extractor.logMel(clip));
    }

    @Override
    public final void close() {
        // nothing native
    }
}
