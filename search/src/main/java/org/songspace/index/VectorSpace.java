package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.songspace.io.Json;
import org.songspace.io.UserError;
import org.songspace.vectors.GaussianTimbre;
import org.songspace.vectors.TimbreFilter;
import org.songspace.vectors.Vectors;

/**
 * What an index's vectors are and how they compare: learned embeddings by cosine, or the classic timbre
 * model's Gaussians by their Jensen-Shannon divergence on the library's own scale ({@link TimbreFilter#similarity}). Every
 * search, mix, path and hubness figure goes through it, so the timbre model is searched by its own
 * divergence, never by cosine on its numbers. HNSW indexes {@link #key}: the vector itself for cosine, a
 * {@link TimbreFilter} summary for Gaussians (whose candidates are then re-ranked by the divergence).
 */
public sealed interface VectorSpace {
    VectorSpace COSINE = new Cosine();

    /** Similarity in (-1, 1], 1 for the same track. */
    double similarity(float[] a, float[] b);

    /** The unit vector HNSW indexes and searches for {@code v}. */
    float[] key(float[] v);

    /** Whether HNSW candidates need re-ranking by {@link #similarity} (keys are only an approximation). */
    boolean reranks();

    /** A point {@code t} of the way from {@code a} to {@code b} (a path's target). */
    float[] between(float[] a, float[] b, double t);

    /** The centre of several vectors (a mix's seeds). */
    default float[] centre(List<float[]> vectors) {
        double[] weights = new double[vectors.size()];
        java.util.Arrays.fill(weights, 1);
        return centre(vectors, weights);
    }

    /**
     * The centre of several vectors, each counting by its weight (an artist's songs, a listener's plays): a
     * unit vector for cosine, the moment-matched Gaussian for the timbre model, so it is compared like any track.
     */
    float[] centre(List<float[]> vectors, double[] weights);

    /** The space of the index in {@code indexDir}: timbre when its manifest says so, else cosine. */
    static VectorSpace of(Path indexDir) throws IOException {
        Path manifest = indexDir.resolve(IndexManifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return COSINE;
        }
        return of(Json.read(manifest, IndexManifest.class));
    }

    static VectorSpace of(IndexManifest manifest) {
        if (manifest.timbre() == null) {
            return COSINE;
        }
        if (!manifest.timbre().current()) {
            throw new UserError("this index holds timbre Gaussians of an older songspace (symmetrised KL, model "
                    + manifest.modelId() + "); index the library again with a timbre model made by this version");
        }
        return new Timbre(manifest.timbre());
    }

    /** Learned embeddings: unit vectors compared by cosine; HNSW is the search. */
    record Cosine() implements VectorSpace {
        @Override
        public double similarity(float[] a, float[] b) {
            return Vectors.cosine(a, b);
        }

        @Override
        public float[] key(float[] v) {
            return Vectors.normalise(v.clone());
        }

        @Override
        public boolean reranks() {
            return false;
        }

        @Override
        public float[] between(float[] a, float[] b, double t) {
            float[] v = new float[a.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((1 - t) * a[i] + t * b[i]);
            }
            return Vectors.normalise(v);
        }

        @Override
        public float[] centre(List<float[]> vectors, double[] weights) {
            float[] sum = new float[vectors.get(0).length];
            for (int k = 0; k < vectors.size(); k++) {
                float[] v = vectors.get(k);
                double scale = weights[k] / Math.max(1e-12, Math.sqrt(Vectors.dot(v, v)));
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += (float) (scale * v[i]);
                }
            }
            return Vectors.normalise(sum);
        }
    }

    /** Packed Gaussians ({@link GaussianTimbre}), keyed for HNSW by {@code filter}. */
    record Timbre(TimbreFilter filter) implements VectorSpace {
        @Override
        public double similarity(float[] a, float[] b) {
            return filter.similarity(a, b);
        }

        @Override
        public float[] key(float[] v) {
            return filter.key(v);
        }

        @Override
        public boolean reranks() {
            return true;
        }

        @Override
        public float[] between(float[] a, float[] b, double t) {
            return GaussianTimbre.blend(List.of(a, b), new double[] {1 - t, t});
        }

        @Override
        public float[] centre(List<float[]> vectors, double[] weights) {
            return GaussianTimbre.blend(vectors, weights);
        }
    }
}
