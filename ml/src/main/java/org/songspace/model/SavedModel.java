package org.songspace.model;

import java.util.List;
import java.util.Map;
import org.songspace.features.FeatureConfig;

/**
 * The {@code model.json} of a saved model folder: everything needed to rebuild the encoder and embed new
 * audio exactly as in training, plus how it was trained.
 *
 * @param format       file format version
 * @param id           unique model id, stored with every embedding it makes
 * @param spec         architecture
 * @param features     feature config the model was trained on (new audio is featurised the same way)
 * @param normaliser   per-band standardisation from the training tracks
 * @param labels       label names seen in training (empty for an unlabeled library)
 * @param training     training options
 * @param history      one record per finished epoch
 * @param bestEpoch    the epoch whose parameters are saved (-1 before the first evaluation)
 * @param split        the track-level split used
 * @param dataset      where the training data came from
 * @param versions     library versions
 * @param created      ISO-8601 time the run started
 */
public record SavedModel(int format, String id, EncoderSpec spec, FeatureConfig features, Normaliser normaliser,
                         List<String> labels, TrainingSettings training, List<EpochRecord> history, int bestEpoch,
                         SplitRecord split, String dataset, Map<String, String> versions, String created) {
    public static final int FORMAT = 1;

    /**
     * One epoch: mean training loss, validation k-NN accuracy (NaN when not evaluated), its whole time and the
     * validation's share of it, the learning rate at its end, and every score measured (by name).
     */
    public record EpochRecord(int epoch, double loss, double validAccuracy, double seconds, double learningRate,
                              double validationSeconds, Map<String, Double> metrics) {
        public EpochRecord {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }
    }

    /** The split as stored: how it was made and the track ids of each part. */
    public record SplitRecord(String method, List<String> train, List<String> valid, List<String> test) {
    }

    /**
     * The options a model was trained with (a plain copy of every trainer option, for the record; models
     * written before 2026-12-02 lack the last seven, read as 0 or null: 3 s crops, average pooling, no mixup, no
     * descriptor axes; whether a folder has descriptor axes is decided by its files, this is the record).
     * {@code stepsPerEpoch} 0: one pass over the training data an epoch.
     */
    public record TrainingSettings(int epochs, int labelsPerBatch, int segmentsPerLabel, double learningRate,
                                   double finalLearningRate, double margin, String mining, int patience, long seed,
                                   boolean augment, int kNeighbours, String device, String normalisation,
                                   String keep, String objective, double temperature, int stepsPerEpoch,
                                   int maxTracksInMemory, int embeddingDim, double cropSeconds, String pooling,
                                   double mixup, String descriptorAxes) {
    }

    public SavedModel withProgress(List<EpochRecord> newHistory, int newBestEpoch) {
        return new SavedModel(format, id, spec, features, normaliser, labels, training, List.copyOf(newHistory),
                newBestEpoch, split, dataset, versions, created);
    }
}
