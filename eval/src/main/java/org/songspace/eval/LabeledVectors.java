package org.songspace.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.songspace.vectors.EmbeddingSet;

/**
 * Vectors with integer labels (indices into {@code labelNames}) and track ids: what every evaluation
 * here works on. Tracks without a label are left out, since nothing can be scored on them.
 */
public record LabeledVectors(List<String> ids, float[][] vectors, int[] labels, List<String> labelNames) {

    public LabeledVectors {
        if (ids.size() != vectors.length || vectors.length != labels.length) {
            throw new IllegalArgumentException("ids, vectors and labels differ in count");
        }
    }

    /** From an embedding set, taking labels from its CSV column (or from {@code labelOf} when given). */
    public static LabeledVectors of(EmbeddingSet set, Map<String, String> labelOf) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < set.entries().size(); i++) {
            EmbeddingSet.Entry e = set.entries().get(i);
            String label = labelOf != null && labelOf.containsKey(e.id()) ? labelOf.get(e.id()) : e.label();
            if (label == null || label.isBlank()) {
                continue;
            }
            ids.add(e.id());
            vectors.add(set.vectors()[i]);
            labels.add(label);
        }
        return of(ids, vectors, labels);
    }

    public static LabeledVectors of(List<String> ids, List<float[]> vectors, List<String> labels) {
        List<String> names = labels.stream().distinct().sorted().toList();
        int[] idx = new int[labels.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = names.indexOf(labels.get(i));
        }
        return new LabeledVectors(List.copyOf(ids), vectors.toArray(new float[0][]), idx, names);
    }

    public int size() {
        return ids.size();
    }

    public int dimension() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }

    /** The rows whose ids are in {@code keep}, in this set's order. */
    public LabeledVectors subset(java.util.Collection<String> keep) {
        java.util.Set<String> wanted = new java.util.HashSet<>(keep);
        List<String> ids2 = new ArrayList<>();
        List<float[]> v2 = new ArrayList<>();
        List<Integer> l2 = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (wanted.contains(ids.get(i))) {
                ids2.add(ids.get(i));
                v2.add(vectors[i]);
                l2.add(labels[i]);
            }
        }
        return new LabeledVectors(ids2, v2.toArray(new float[0][]), l2.stream().mapToInt(Integer::intValue).toArray(),
                labelNames);
    }
}
