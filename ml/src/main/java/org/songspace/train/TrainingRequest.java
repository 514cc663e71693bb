package org.songspace.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.songspace.dataset.Split;
import org.songspace.features.FeatureStore;
import org.songspace.model.EncoderType;

/**
 * What to train on and where to put it.
 *
 * @param store       features of every track in the split
 * @param split       track-level split (train is trained on; valid drives early stopping)
 * @param labels      label per track id (may be empty for the CAE on an unlabeled library)
 * @param type        which encoder
 * @param options     how
 * @param outDir      the model folder to write (model.json, parameters.bin, checkpoint/)
 * @param resume      continue from outDir/checkpoint instead of starting afresh
 * @param dataset     a description of the data for model.json
 * @param groups      the artist (or other group) of each track id where known, so a sample of a large
 *                    library is drawn across artists (may be empty)
 */
public record TrainingRequest(FeatureStore store, Split split, Map<String, String> labels, EncoderType type,
                              TrainingOptions options, Path outDir, boolean resume, String dataset,
                              Map<String, String> groups) {

    /** A request with no groups: samples keep each label's share. */
    public TrainingRequest(FeatureStore store, Split split, Map<String, String> labels, EncoderType type,
                           TrainingOptions options, Path outDir, boolean resume, String dataset) {
        this(store, split, labels, type, options, outDir, resume, dataset, Map.of());
    }

    /** Sorted label names of the training tracks. */
    public List<String> labelNames() {
        return split.train().stream().map(labels::get).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }
}
