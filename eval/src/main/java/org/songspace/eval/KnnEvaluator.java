package org.songspace.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.songspace.dataset.Fold;
import org.songspace.io.UserError;
import org.songspace.vectors.Distance;
import org.songspace.vectors.Knn;

/**
 * k-NN evaluation of embeddings: held-out tracks are classified by majority vote of their k nearest
 * training tracks (ties go to the label with the closer neighbour). Labels are indices into the set's
 * label names; a label that appears only in the test part can never be predicted and counts as wrong.
 */
public final class KnnEvaluator {
    private final int k;
    private final Distance metric;
    private final boolean mutualProximity;

    /** @param k neighbours that vote (5 by default in the CLI); metric cosine or euclidean */
    public KnnEvaluator(int k, Distance metric) {
        this(k, metric, false);
    }

    /** @param mutualProximity rank neighbours by mutual proximity (hubness reduction) */
    public KnnEvaluator(int k, Distance metric, boolean mutualProximity) {
        if (k <= 0) {
            throw new UserError("k must be positive, got " + k);
        }
        this.k = k;
        this.metric = metric;
        this.mutualProximity = mutualProximity;
    }

    /** Classifies {@code testIds} using {@code trainIds} as the reference set. */
    public ClassificationReport holdout(LabeledVectors data, List<String> trainIds, List<String> testIds) {
        LabeledVectors train = data.subset(trainIds);
        LabeledVectors test = data.subset(testIds);
        if (train.size() == 0) {
            throw new UserError("no labelled training tracks to classify against");
        }
        if (test.size() == 0) {
            throw new UserError("no labelled held-out tracks to classify");
        }
        Knn knn = new Knn(train.vectors(), train.labels(), k, metric, mutualProximity);
        int[] predicted = new int[test.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = knn.predict(test.vectors()[i]);
        }
        return ClassificationReport.from(data.labelNames(), test.labels(), predicted);
    }

    /** Mean and standard deviation of accuracy over folds, with each fold's figure. */
    public record FoldSummary(double mean, double std, double[] accuracies) {
    }

    public FoldSummary kFold(LabeledVectors data, List<Fold> folds) {
        Set<String> present = Set.copyOf(data.ids());
        double[] acc = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            List<String> train = new ArrayList<>(folds.get(f).train());
            List<String> test = new ArrayList<>(folds.get(f).test());
            train.retainAll(present);
            test.retainAll(present);
            acc[f] = holdout(data, train, test).accuracy();
        }
        double mean = 0;
        for (double a : acc) {
            mean += a;
        }
        mean /= acc.length;
        double var = 0;
        for (double a : acc) {
            var += (a - mean) * (a - mean);
        }
        return new FoldSummary(mean, Math.sqrt(var / acc.length), acc);
    }
}
