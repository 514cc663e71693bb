package org.songspace.democorpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioLoader;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.DatasetReader;
import org.songspace.dataset.Layout;
import org.songspace.dataset.Track;
import org.songspace.features.FeatureConfig;
import org.songspace.features.LogMelExtractor;
import org.songspace.features.SummaryFeatures;
import org.songspace.vectors.Knn;

class DemoCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFilesAndEveryStyleIsMade() throws IOException {
        DemoCorpus.Spec spec = DemoCorpus.Spec.of(1, 3, 7);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        DemoCorpus.generate(a, spec, 2, p -> { });
        DemoCorpus.generate(b, spec, 1, p -> { });
        Dataset ds = DatasetReader.read(a);
        assertEquals(Layout.MANIFEST, ds.layout());
        assertEquals(DemoCorpus.styleNames().stream().sorted().toList(), ds.labels());
        for (Track t : ds.tracks()) {
            Path other = b.resolve(a.relativize(t.path()));
            assertArrayEquals(Files.readAllBytes(t.path()), Files.readAllBytes(other), t.id() + " differs between runs");
            AudioClip clip = AudioLoader.decode(t.path());
            assertEquals(22050, clip.sampleRate());
            assertEquals(3.0, clip.durationSeconds(), 1e-9);
            double energy = 0;
            for (float v : clip.samples()) {
                energy += v * v;
            }
            assertTrue(energy / clip.samples().length > 1e-4, t.id() + " is (nearly) silent");
        }
        DemoCorpus.Spec other = DemoCorpus.Spec.of(1, 3, 8);
        assertTrue(!java.util.Arrays.equals(DemoCorpus.renderClip(Styles.byName("rock"), 0, spec),
                DemoCorpus.renderClip(Styles.byName("rock"), 0, other)), "another seed gives another clip");
    }

    /**
     * Styles must be separable but not trivially: leave-one-out 1-NN on MFCC mean/std, never using a clip
     * of the same band as neighbour, is far above chance (10 %) and below 100 %.
     */
    @Test
    void stylesAreSeparableButNotTrivially() throws IOException {
        Path out = tmp.resolve("corpus");
        DemoCorpus.generate(out, DemoCorpus.Spec.of(8, 6, 42), Runtime.getRuntime().availableProcessors(), p -> { });
        Dataset ds = DatasetReader.read(out);
        LogMelExtractor extractor = new LogMelExtractor(FeatureConfig.librosaDefaults());
        List<String> labels = ds.labels();
        List<String> bands = new ArrayList<>();
        float[][] x = new float[ds.tracks().size()][];
        int[] y = new int[x.length];
        int[] groups = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            Track t = ds.tracks().get(i);
            x[i] = SummaryFeatures.mfccMeanStd(extractor.logMel(AudioLoader.decode(t.path())), 20);
            y[i] = labels.indexOf(t.label());
            if (!bands.contains(t.artist())) {
                bands.add(t.artist());
            }
            groups[i] = bands.indexOf(t.artist());
        }
        SummaryFeatures.standardise(x);
        double acc = Knn.leaveOneOutAccuracy(x, y, groups, 1, Knn.Metric.EUCLIDEAN);
        System.out.printf(Locale.ROOT, "demo corpus baseline: leave-one-band-out 1-NN on MFCC mean/std = %.3f (%d clips)%n", acc, x.length);
        assertTrue(acc > 0.35, "styles should be learnable from timbre summaries, got " + acc);
        assertTrue(acc < 0.98, "styles should not be trivially separable, got " + acc);
    }
}
