package org.songspace.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.songspace.io.UserError;

/**
 * Track-level splits. Stratified splits keep each label's share within one track of its target in every
 * part; group-aware splits (by artist) keep all tracks of a group in one part, so no artist is both
 * trained on and tested on. The same seed always gives the same split.
 */
public final class Splitter {
    private Splitter() {
    }

    /**
     * The holdout songspace uses by default: whole artists on one side when the dataset names any (so no
     * artist is on both sides of an unseen-artist figure), else stratified by label.
     */
    public static Split leakFree(Dataset dataset, double validFraction, double testFraction, long seed) {
        return dataset.hasArtists() ? groupHoldout(dataset, validFraction, testFraction, seed)
                : holdout(dataset, validFraction, testFraction, seed);
    }

    /** k folds, artist-grouped when the dataset names artists, else stratified by label. */
    public static List<Fold> leakFreeKFold(Dataset dataset, int k, long seed) {
        return dataset.hasArtists() ? groupKFold(dataset, k, seed) : kFold(dataset, k, seed);
    }

    /**
     * Stratified holdout: per label, {@code round(n * testFraction)} tracks to test and
     * {@code round(n * validFraction)} to valid, the rest to train. Unlabeled tracks are split as one class.
     */
    public static Split holdout(Dataset dataset, double validFraction, double testFraction, long seed) {
        checkFractions(validFraction, testFraction);
        List<String> train = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        List<String> test = new ArrayList<>();
        Random random = new Random(seed);
        for (List<String> ids : idsByLabel(dataset).values()) {
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            int nTest = (int) Math.round(shuffled.size() * testFraction);
            int nValid = (int) Math.round(shuffled.size() * validFraction);
            nValid = Math.min(nValid, shuffled.size() - nTest);
            test.addAll(shuffled.subList(0, nTest));
            valid.addAll(shuffled.subList(nTest, nTest + nValid));
            train.addAll(shuffled.subList(nTest + nValid, shuffled.size()));
        }
        return new Split(String.format(Locale.ROOT, "stratified holdout valid=%.2f test=%.2f seed=%d", validFraction, testFraction,
                seed), sort(train), sort(valid), sort(test));
    }

    /**
     * Stratified k-fold: tracks of each label are shuffled and dealt to folds in turn, continuing the
     * turn across labels, so every fold holds each label within +-1 and fold sizes differ by at most 1.
     */
    public static List<Fold> kFold(Dataset dataset, int k, long seed) {
        checkK(k, dataset.tracks().size());
        List<List<String>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int turn = 0;
        for (List<String> ids : idsByLabel(dataset).values()) {
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            for (String id : shuffled) {
                folds.get(turn++ % k).add(id);
            }
        }
        return toFolds(folds);
    }

    /**
     * Group-aware holdout: whole groups (artists; a track without artist is its own group) go to one
     * part, chosen greedily, largest groups first, where they best keep every part's label counts and size
     * in proportion to its share.
     */
    public static Split groupHoldout(Dataset dataset, double validFraction, double testFraction, long seed) {
        checkFractions(validFraction, testFraction);
        double[] shares = {1 - validFraction - testFraction, validFraction, testFraction};
        List<List<String>> parts = assignGroups(dataset, shares, seed);
        return new Split(String.format(Locale.ROOT, "group holdout (artist) valid=%.2f test=%.2f seed=%d", validFraction,
                testFraction, seed), sort(parts.get(0)), sort(parts.get(1)), sort(parts.get(2)));
    }

    /** Group-aware k-fold: like {@link #groupHoldout} with k equal shares. */
    public static List<Fold> groupKFold(Dataset dataset, int k, long seed) {
        checkK(k, dataset.tracks().size());
        double[] shares = new double[k];
        java.util.Arrays.fill(shares, 1.0 / k);
        return toFolds(assignGroups(dataset, shares, seed));
    }

    private static List<List<String>> assignGroups(Dataset dataset, double[] shares, long seed) {
        Map<String, List<Track>> groups = new TreeMap<>();
        for (Track t : dataset.tracks()) {
            groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t);
        }
        List<List<Track>> ordered = new ArrayList<>(groups.values());
        Collections.shuffle(ordered, new Random(seed));
        ordered.sort(Comparator.comparingInt((List<Track> g) -> g.size()).reversed());   // stable: ties keep the shuffle

        Map<String, Integer> labelTotals = new HashMap<>();
        dataset.tracks().forEach(t -> labelTotals.merge(labelOf(t), 1, Integer::sum));
        int parts = shares.length;
        List<Map<String, Integer>> counts = new ArrayList<>();
        List<List<String>> out = new ArrayList<>();
        int[] sizes = new int[parts];
        for (int p = 0; p < parts; p++) {
            counts.add(new HashMap<>());
            out.add(new ArrayList<>());
        }
        int total = dataset.tracks().size();
        int nLabels = labelTotals.size();
        for (List<Track> group : ordered) {
            Map<String, Integer> groupLabels = new HashMap<>();
            group.forEach(t -> groupLabels.merge(labelOf(t), 1, Integer::sum));
            int best = -1;
            double bestDelta = Double.POSITIVE_INFINITY;
            for (int p = 0; p < parts; p++) {
                if (shares[p] <= 0) {
                    continue;
                }
                // Squared error of each part's counts, scaled by its share, against the totals: how much
                // worse (or better) the balance gets if this group goes here; per label and overall size.
                double delta = 0;
                for (var e : groupLabels.entrySet()) {
                    int have = counts.get(p).getOrDefault(e.getKey(), 0);
                    int want = labelTotals.get(e.getKey());
                    delta += sq((have + e.getValue()) / shares[p] - want) - sq(have / shares[p] - want);
                }
                delta += (sq((sizes[p] + group.size()) / shares[p] - total) - sq(sizes[p] / shares[p] - total)) / nLabels;
                if (delta < bestDelta) {
                    bestDelta = delta;
                    best = p;
                }
            }
            for (Track t : group) {
                out.get(best).add(t.id());
                counts.get(best).merge(labelOf(t), 1, Integer::sum);
                sizes[best]++;
            }
        }
        return out;
    }

    private static double sq(double x) {
        return x * x;
    }

    private static String labelOf(Track t) {
        return t.label() == null ? "" : t.label();
    }

    private static Map<String, List<String>> idsByLabel(Dataset dataset) {
        Map<String, List<String>> byLabel = new TreeMap<>();
        for (Track t : dataset.tracks()) {
            byLabel.computeIfAbsent(labelOf(t), l -> new ArrayList<>()).add(t.id());
        }
        return new LinkedHashMap<>(byLabel);
    }

    private static List<Fold> toFolds(List<List<String>> folds) {
        List<Fold> result = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            List<String> train = new ArrayList<>();
            for (int j = 0; j < folds.size(); j++) {
                if (j != i) {
                    train.addAll(folds.get(j));
                }
            }
            result.add(new Fold(i, sort(train), sort(folds.get(i))));
        }
        return result;
    }

    private static List<String> sort(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return copy;
    }

    private static void checkFractions(double valid, double test) {
        if (valid < 0 || test < 0 || valid + test >= 1) {
            throw new UserError("need valid >= 0, test >= 0 and valid + test < 1, got valid="
                    + valid + " test=" + test);
        }
    }

    private static void checkK(int k, int tracks) {
        if (k < 2 || k > tracks) {
            throw new UserError("k-fold needs 2 <= k <= tracks (" + tracks + "), got k=" + k);
        }
    }
}
