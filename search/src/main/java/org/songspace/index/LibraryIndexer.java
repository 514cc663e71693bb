package org.songspace.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.songspace.audio.Excerpt;
import org.songspace.embed.TrackEmbedder;
import org.songspace.features.FeatureStore;
import org.songspace.io.Json;
import org.songspace.io.UserError;

/**
 * Builds and updates an index folder: {@code index.json}, {@code model/} (a copy of the model, so queries
 * need nothing else), {@code lucene/} (vectors + metadata) and {@code map.json} (2-D positions of every
 * track for the web map). Only new or changed files (by size and modification time) are embedded again;
 * a track whose tags changed keeps its vector; tracks no longer in the library are removed. An index
 * refuses a model other than the one it was built with. One Lucene writer serves the whole update and
 * commits every {@value #COMMIT_EVERY} embeddings, so a killed update keeps what it embedded.
 */
public final class LibraryIndexer {
    public static final String MODEL_DIR = "model";
    static final int COMMIT_EVERY = 256;
    /** When more than this share of the library is new, placing tracks among too few anchors is poor: lay out anew. */
    static final double RELAYOUT_SHARE = 0.5;

    private LibraryIndexer() {
    }

    /** Computes the embeddings of library tracks (tracks of the update's source list). */
    @FunctionalInterface
    public interface VectorSource {
        float[] vectorFor(IndexedTrack track) throws IOException;

        /** The embeddings of several tracks, in order; override when a batch is cheaper than its tracks. */
        default List<float[]> vectorsFor(List<IndexedTrack> tracks) throws IOException {
            List<float[]> out = new ArrayList<>();
            for (IndexedTrack t : tracks) {
                out.add(vectorFor(t));
            }
            return out;
        }
    }

    /** Tracks embedded together: enough segments for an efficient forward batch. */
    static final int EMBED_GROUP = 4;

    /** What an update did; {@code relaidOut} tells whether the whole map was laid out anew. */
    public record Result(int added, int updated, int removed, int unchanged, int total, boolean relaidOut) {
    }

    /**
     * Brings {@code indexDir} in line with {@code sources} (tracks without vectors; their stamps say what
     * changed), embedding their features from {@code store} with the index's copy of the model.
     */
    public static Result update(Path indexDir, Path modelDir, String library, List<IndexedTrack> sources,
                                FeatureStore store, boolean relayout, Listener listener) throws IOException {
        Excerpt excerpt = store.excerpt();
        TrackEmbedder.Info model = prepare(indexDir, modelDir, library, store);
        if (!store.config().equals(model.features())) {
            throw new UserError("features in " + store.dir() + " were made with another config than the model's");
        }
        Result result;
        try (TrackEmbedder embedder = TrackEmbedder.open(indexDir.resolve(MODEL_DIR))) {
            result = apply(indexDir, sources, new VectorSource() {
                @Override
                public float[] vectorFor(IndexedTrack t) throws IOException {
                    return embedder.embed(store.load(t.id()));
                }

                @Override
                public List<float[]> vectorsFor(List<IndexedTrack> tracks) throws IOException {
                    List<org.songspace.features.MelSpectrogram> dbs = new ArrayList<>();
                    for (IndexedTrack t : tracks) {
                        dbs.add(store.load(t.id()));
                    }
                    return embedder.embedAll(dbs);
                }
            }, relayout, listener);
        }
        Json.write(indexDir.resolve(IndexManifest.FILE_NAME), manifest(model, excerpt, library, result.total()));
        return result;
    }

    /** Checks that the index (if any) was built with this model, or starts one with a copy of it. */
    private static TrackEmbedder.Info prepare(Path indexDir, Path modelDir, String library, FeatureStore store)
            throws IOException {
        TrackEmbedder.Info model = TrackEmbedder.info(modelDir);
        Path manifestPath = indexDir.resolve(IndexManifest.FILE_NAME);
        if (Files.isRegularFile(manifestPath)) {
            IndexManifest existing = Json.read(manifestPath, IndexManifest.class);
            if (!existing.modelId().equals(model.id())) {
                throw new UserError(indexDir + " was built with model " + existing.modelId() + ", not "
                        + model.id() + " (" + modelDir + "); vectors of different models cannot be mixed: use another "
                        + "--out, or delete the index to rebuild it");
            }
            if (!existing.excerptOrWhole().equals(store.excerpt())) {
                throw new UserError(indexDir + " was built from " + existing.excerptOrWhole().describe() + " of each track, "
                        + "not " + store.excerpt().describe() + "; use the same --excerpt, or another --out");
            }
            if (existing.format() < IndexManifest.FORMAT) {
                rewriteDocuments(indexDir);
            }
        } else {
            Files.createDirectories(indexDir.resolve(MODEL_DIR));
            for (String f : model.files()) {
                Files.copy(modelDir.resolve(f), indexDir.resolve(MODEL_DIR).resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            // Written first, so that an update killed half way is recognised (and continued) by the next run.
            Json.write(manifestPath, manifest(model, store.excerpt(), library, 0));
        }
        return model;
    }

    /** Rewrites every document from its stored vector, so that an index of an older format gains the new fields. */
    private static void rewriteDocuments(Path indexDir) throws IOException {
        List<IndexedTrack> all;
        try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
            all = index.all();
        }
        try (IndexUpdate update = IndexUpdate.open(indexDir)) {
            for (IndexedTrack t : all) {
                update.upsert(t);
            }
        }
    }

    private static IndexManifest manifest(TrackEmbedder.Info model, Excerpt excerpt, String library, int tracks) {
        return new IndexManifest(IndexManifest.FORMAT, model.id(), model.dimension(), model.features(), excerpt,
                library, tracks, Instant.now().toString(), model.timbre());
    }

    /** Hears how an update goes: how many tracks it will embed, then each one embedded. */
    public interface Listener {
        default void planned(int toEmbed) {
        }

        default void embedded(int done) {
        }
    }

    /** What an update will do, decided from the sources' stamps before anything is embedded. */
    private record Plan(List<IndexedTrack> toEmbed, List<IndexedTrack> retagged, int unchanged, List<String> removed,
                        Set<String> before) {
        static Plan of(Map<String, IndexedTrack> existing, List<IndexedTrack> sources) {
            List<IndexedTrack> toEmbed = new ArrayList<>();
            List<IndexedTrack> retagged = new ArrayList<>();
            int unchanged = 0;
            Set<String> seen = new HashSet<>();
            for (IndexedTrack s : sources) {
                seen.add(s.id());
                IndexedTrack old = existing.get(s.id());
                if (old == null || !old.sameSource(s.sourceBytes(), s.sourceModified())) {
                    toEmbed.add(s);
                } else if (sameMetadata(old, s)) {
                    unchanged++;
                } else {
                    retagged.add(s);
                }
            }
            List<String> removed = existing.keySet().stream().filter(id -> !seen.contains(id)).toList();
            return new Plan(toEmbed, retagged, unchanged, removed, Set.copyOf(existing.keySet()));
        }
    }

    /** The model-independent part of {@link #update}: Lucene and the map (benchmarks call it directly). */
    public static Result apply(Path indexDir, List<IndexedTrack> sources, VectorSource vectors, boolean relayout,
                               Listener listener) throws IOException {
        Map<String, IndexedTrack> existing = Map.of();
        if (Files.isDirectory(indexDir.resolve(SimilarityIndex.LUCENE_DIR))) {
            try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
                existing = index.tracks();
            }
        }
        Plan plan = Plan.of(existing, sources);
        listener.planned(plan.toEmbed().size());
        List<IndexedTrack> embedded = new ArrayList<>();
        try (IndexUpdate update = IndexUpdate.open(indexDir)) {
            List<IndexedTrack> todo = plan.toEmbed();
            for (int from = 0; from < todo.size(); from += EMBED_GROUP) {
                List<IndexedTrack> group = todo.subList(from, Math.min(todo.size(), from + EMBED_GROUP));
                List<float[]> v = vectors.vectorsFor(group);
                for (int i = 0; i < group.size(); i++) {
                    IndexedTrack track = group.get(i).withVector(v.get(i));
                    update.upsert(track);
                    embedded.add(track);
                    listener.embedded(embedded.size());
                }
                if (update.pending() >= COMMIT_EVERY) {
                    update.commit();
                }
            }
            reuseVectors(indexDir, plan.retagged(), update);
            for (String id : plan.removed()) {
                update.delete(id);
            }
        }
        int added = (int) embedded.stream().filter(t -> !plan.before().contains(t.id())).count();
        boolean changed = !embedded.isEmpty() || !plan.removed().isEmpty();
        boolean mapDue = changed || relayout || !LibraryMap.exists(indexDir);
        boolean statsDue = changed || !HubnessStats.exists(indexDir);
        boolean relaidOut = false;
        if (mapDue || statsDue) {
            // One reader, and every vector read at most once, for both after-steps.
            try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
                LibraryVectors library = new LibraryVectors(index);
                if (mapDue) {
                    relaidOut = updateMap(indexDir, index, library, embedded, plan.removed(), relayout);
                }
                if (statsDue) {
                    HubnessStats.update(indexDir, index.size(), library, embedded, plan.removed());
                }
            }
        }
        int total = plan.before().size() + added - plan.removed().size();
        return new Result(added, embedded.size() - added + plan.retagged().size(), plan.removed().size(),
                plan.unchanged(), total, relaidOut);
    }

    private static boolean sameMetadata(IndexedTrack a, IndexedTrack b) {
        return Objects.equals(a.path(), b.path()) && Objects.equals(a.label(), b.label())
                && Objects.equals(a.artist(), b.artist()) && Objects.equals(a.album(), b.album())
                && Objects.equals(a.title(), b.title()) && Objects.equals(a.tags(), b.tags());
    }

    /** Tracks whose file is unchanged but whose tags or labels changed keep their stored vector. */
    private static void reuseVectors(Path indexDir, List<IndexedTrack> retagged, IndexUpdate update) throws IOException {
        if (retagged.isEmpty()) {
            return;
        }
        try (SimilarityIndex index = SimilarityIndex.open(indexDir)) {
            for (IndexedTrack t : retagged) {
                update.upsert(t.withVector(index.get(t.id()).orElseThrow().vector()));
            }
        }
    }

    /** Lays the map out anew or places the new tracks on it; true when laid out anew. */
    private static boolean updateMap(Path indexDir, SimilarityIndex index, LibraryVectors library,
                                     List<IndexedTrack> embedded, List<String> removed, boolean relayout) throws IOException {
        boolean full = relayout || !LibraryMap.exists(indexDir) || embedded.size() > RELAYOUT_SHARE * index.size();
        // The map is laid out from what HNSW indexes (for Gaussians, their keys).
        VectorSpace space = index.space();
        LibraryMap map = full ? LibraryMap.layout(space.reranks()
                ? library.all().stream().map(t -> t.withVector(space.key(t.vector()))).toList() : library.all())
                : LibraryMap.read(indexDir).without(removed).place(embedded, index);
        map.write(indexDir);
        return full;
    }

    public static IndexManifest manifest(Path indexDir) throws IOException {
        Path p = indexDir.resolve(IndexManifest.FILE_NAME);
        if (!Files.isRegularFile(p)) {
            throw new IOException(indexDir + " is not a songspace index (no " + IndexManifest.FILE_NAME + ")");
        }
        return Json.read(p, IndexManifest.class);
    }
}
