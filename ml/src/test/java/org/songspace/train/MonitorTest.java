package org.songspace.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.songspace.model.SavedModel;

/** The score that decides the kept epoch, against figures worked out by hand. */
class MonitorTest {

    private static List<SavedModel.EpochRecord> history(String metric, double... values) {
        List<SavedModel.EpochRecord> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Map<String, Double> m = new HashMap<>();
            m.put(metric, values[i]);
            out.add(new SavedModel.EpochRecord(i + 1, 1.0, Double.NaN, 1, 1e-3, 0, m));
        }
        return out;
    }

    @Test
    void accuracyIsAveragedOverTheLastThreeEpochs() {
        List<SavedModel.EpochRecord> h = history(Monitor.VALID_KNN, 0.5, 0.9, 0.4, 0.8);
        assertEquals(0.5, Monitor.validKnn().score(h.subList(0, 1)), 1e-12, "one epoch: itself");
        assertEquals(0.7, Monitor.validKnn().score(h.subList(0, 2)), 1e-12);
        assertEquals(0.6, Monitor.validKnn().score(h.subList(0, 3)), 1e-12);
        assertEquals(0.7, Monitor.validKnn().score(h), 1e-12, "(0.9 + 0.4 + 0.8) / 3");
    }

    @Test
    void lossesScoreLowerAsBetterAndTheTrainingLossAlone() {
        List<SavedModel.EpochRecord> h = history(Monitor.VALID_CONTRAST, 4.0, 3.0, 3.5);
        assertEquals(-3.5, Monitor.validContrast().score(h), 1e-12, "-(4 + 3 + 3.5) / 3");
        List<SavedModel.EpochRecord> t = history(Monitor.TRAIN_LOSS, 2.0, 1.0, 1.5);
        assertEquals(-1.5, Monitor.trainLoss().score(t), 1e-12, "the last epoch alone");
    }

    @Test
    void anEpochThatDidNotMeasureHasNoScoreAndGapsAreSkipped() {
        List<SavedModel.EpochRecord> h = history(Monitor.VALID_KNN, 0.6, Double.NaN, 0.9);
        assertTrue(Double.isNaN(Monitor.validKnn().score(h.subList(0, 2))));
        assertEquals(0.75, Monitor.validKnn().score(h), 1e-12, "(0.6 + 0.9) / 2: the unmeasured epoch is left out");
    }
}
