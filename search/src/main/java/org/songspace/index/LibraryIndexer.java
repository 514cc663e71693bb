package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.songspace.embed.Embedder;
import org.songspace.features.FeatureManifest;
import org.songspace.features.FeatureStore;
import org.songspace.io.Json;
import org.songspace.map.Projection;
import org.songspace.model.ModelFolder;
import org.songspace.model.SavedModel;

/**
 * Builds and updates an index folder: {@code index.json}, {@code model/} (a copy of the model, so queries
 * need nothing else), {@code lucene/} (vectors + metadata) and {@code map.json} (2-D positions of every
 * track for the web map). Only new or changed files (by size and modification time) are embedded again;
 * tracks no longer in the library are removed. An index refuses a model other than the one it was built with.
 * Embeddings are committed every {@value #COMMIT_EVERY} tracks, so a killed update keeps what it embedded and
 * the next run continues from there.
 */
public final class LibraryIndexer {
    /** Above this many tracks the map uses PCA instead of UMAP, to keep updates quick. */
    static final int UMAP_LIMIT = 20_000;
    public static final String MAP_FILE = "map.json";
    public static final String MODEL_DIR = "model";
    static final int COMMIT_EVERY = 256;

    private LibraryIndexer() {
    }

    /** A library track to index; its features must be in the store. */
    public record Source(String id, String label, String artist, String title) {
    }

    /** What an update did. */
    public record Result(int added, int updated, int removed, int unchanged, int total) {
    }

    /** Track positions on the library map, by id. */
    public record MapPositions(List<String> ids, float[][] xy) {
    }

    public static Result update(Path indexDir, Path modelDir, String library, List<Source> sources, FeatureStore store,
                                IntConsumer onEmbedded) throws IOException {
        SavedModel model = ModelFolder.read(modelDir);
        Path manifestPath = indexDir.resolve(IndexManifest.FILE_NAME);
        if (Files.isRegularFile(manifestPath)) {
            IndexManifest existing = Json.read(manifestPath, IndexManifest.class);
            if (!existing.modelId().equals(model.id())) {
                throw new IllegalArgumentException(indexDir + " was built with model " + existing.modelId() + ", not "
                        + model.id() + " (" + modelDir + "); vectors of different models cannot be mixed: use another "
                        + "--out, or delete the index to rebuild it");
            }
        } else {
            Files.createDirectories(indexDir.resolve(MODEL_DIR));
            for (String f : List.of(ModelFolder.PARAMETERS, ModelFolder.MANIFEST)) {
                Files.copy(modelDir.resolve(f), indexDir.resolve(MODEL_DIR).resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            // Written first, so that an update killed half way is recognised (and continued) by the next run.
            Json.write(manifestPath, new IndexManifest(IndexManifest.FORMAT, model.id(), model.spec().embeddingDim(),
                    model.features(), library, 0, Instant.now().toString()));
        }
        if (!store.config().equals(model.features())) {
            throw new IllegalArgumentException("features in " + store.dir() + " were made with another config than the model's");
        }
        Map<String, IndexedTrack> existing = new LinkedHashMap<>();
        if (Files.isDirectory(indexDir.resolve(SimilarityIndex.LUCENE_DIR))) {
            try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
                existing.putAll(index.tracks());
            }
        }
        List<IndexedTrack> upserts = new ArrayList<>();
        int embedded = 0;
        Set<String> seen = new HashSet<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        try (Embedder embedder = Embedder.open(indexDir.resolve(MODEL_DIR))) {
            for (Source s : sources) {
                FeatureManifest.Track f = store.track(s.id()).orElseThrow(
                        () -> new IOException("no features for " + s.id() + " in " + store.dir()));
                seen.add(s.id());
                IndexedTrack old = existing.get(s.id());
                boolean same = old != null && old.sourceBytes() == f.sourceBytes() && old.sourceModified() == f.sourceModified()
                        && java.util.Objects.equals(old.label(), s.label()) && java.util.Objects.equals(old.artist(), s.artist())
                        && java.util.Objects.equals(old.title(), s.title());
                if (same) {
                    unchanged++;
                    continue;
                }
                float[] vector = embedder.embed(store.load(s.id()));
                upserts.add(new IndexedTrack(s.id(), f.source(), s.label(), s.artist(), f.durationSeconds(),
                        f.sourceBytes(), f.sourceModified(), vector, s.title()));
                if (old == null) {
                    added++;
                } else {
                    updated++;
                }
                onEmbedded.accept(++embedded);
                if (upserts.size() >= COMMIT_EVERY) {
                    SimilarityIndex.update(indexDir, upserts, List.of(), false);
                    upserts.clear();
                }
            }
        }
        List<String> removed = existing.keySet().stream().filter(id -> !seen.contains(id)).toList();
        SimilarityIndex.update(indexDir, upserts, removed, true);
        int total;
        try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
            total = index.size();
            if (embedded > 0 || !removed.isEmpty() || !Files.exists(indexDir.resolve(MAP_FILE))) {
                writeMap(indexDir, index.all());
            }
        }
        Json.write(manifestPath, new IndexManifest(IndexManifest.FORMAT, model.id(), model.spec().embeddingDim(),
                model.features(), library, total, Instant.now().toString()));
        return new Result(added, updated, removed.size(), unchanged, total);
    }

    private static void writeMap(Path indexDir, List<IndexedTrack> tracks) throws IOException {
        float[][] vectors = tracks.stream().map(IndexedTrack::vector).toArray(float[][]::new);
        float[][] xy = vectors.length == 0 ? new float[0][2] : Projection.project(vectors,
                vectors.length > UMAP_LIMIT ? Projection.Method.PCA : Projection.Method.UMAP, 2, 42);
        Json.write(indexDir.resolve(MAP_FILE), new MapPositions(tracks.stream().map(IndexedTrack::id).toList(), xy));
    }

    public static IndexManifest manifest(Path indexDir) throws IOException {
        Path p = indexDir.resolve(IndexManifest.FILE_NAME);
        if (!Files.isRegularFile(p)) {
            throw new IOException(indexDir + " is not a songspace index (no " + IndexManifest.FILE_NAME + ")");
        }
        return Json.read(p, IndexManifest.class);
    }

    public static MapPositions map(Path indexDir) throws IOException {
        return Json.read(indexDir.resolve(MAP_FILE), MapPositions.class);
    }
}
