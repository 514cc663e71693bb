package org.songspace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.songspace.audio.Excerpt;
import org.songspace.audio.TrackTags;
import org.songspace.dataset.Dataset;
import org.songspace.dataset.DatasetReader;
import org.songspace.dataset.Layout;
import org.songspace.dataset.Track;
import org.songspace.features.FeatureCache;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureJob;
import org.songspace.features.FeatureManifest;
import org.songspace.features.FeatureStore;
import org.songspace.io.UserError;

/**
 * A collection with its features ready: DATA is an audio collection in any layout (features are computed
 * into the cache on first use, unreadable files are reported and left out) or a features folder (labels
 * then come from each id's first folder, the folder-per-label convention). {@code dataset} holds the
 * tracks whose features exist (null for a features folder); {@code featureRun} is what computing the features
 * did (null for a features folder).
 */
record PreparedData(Path source, Dataset dataset, FeatureStore store, Map<String, String> labels,
                    Map<String, String> artists, Map<String, String> titles, Map<String, String> albums,
                    List<String> ids, FeatureJob.Result featureRun) {

    /**
     * @param modelConfig when a saved model dictates the features (embed, evaluate), a features folder given
     *                    as DATA must have been made with exactly this config
     */
    static PreparedData prepare(Path data, Layout layout, Path featuresDir, FeatureConfig config, boolean quiet,
                                boolean modelConfig) throws IOException {
        return prepare(data, layout, featuresDir, config, quiet, modelConfig, Excerpt.WHOLE);
    }

    /** The same, analysing {@code excerpt} of each track (libraries) rather than the whole. */
    static PreparedData prepare(Path data, Layout layout, Path featuresDir, FeatureConfig config, boolean quiet,
                                boolean modelConfig, Excerpt excerpt) throws IOException {
        if (FeatureStore.isFeatureFolder(data)) {
            FeatureStore store = FeatureStore.open(data);
            if (modelConfig && !store.config().equals(config)) {
                throw new UserError("the features in " + data + " were made with " + store.config()
                        + ", but the model was trained on " + config + "; give the audio instead, or features made "
                        + "with the model's config");
            }
            Map<String, String> labels = new HashMap<>();
            for (String id : store.tracks().keySet()) {
                int slash = id.indexOf('/');
                if (slash > 0) {
                    labels.put(id, id.substring(0, slash));
                }
            }
            return new PreparedData(data, null, store, labels, Map.of(), Map.of(), Map.of(),
                    new ArrayList<>(store.tracks().keySet()), null);
        }
        Dataset ds = DatasetReader.read(data, layout);
        Path dir = featuresDir != null ? featuresDir : FeatureCache.folderFor(ds.root(), config, excerpt);
        List<FeatureJob.Source> sources = ds.tracks().stream().map(t -> new FeatureJob.Source(t.id(), t.path())).toList();
        FeatureJob.Result result;
        try (FeatureProgress progress = new FeatureProgress(quiet)) {
            result = FeatureJob.create(config, 0, progress).withExcerpt(excerpt).run(sources, dir, ds.unread());
        }
        for (FeatureManifest.Failure f : result.failed()) {
            System.err.println("skipped " + f.source() + ": " + f.reason());
        }
        for (FeatureManifest.Failure f : result.damaged()) {
            System.err.println("damaged, analysed what decodes: " + f.source() + ": " + f.reason());
        }
        if (!quiet || !result.allSucceeded()) {
            System.err.println("library " + data + ": " + result.summary());
        }
        FeatureStore store = FeatureStore.open(dir);
        if (!quiet) {
            long bytes = store.diskBytes();
            System.err.printf(java.util.Locale.ROOT, "features cache: %s, %.1f MB (%.0f KB a track)%n", dir, bytes / 1e6,
                    bytes / 1e3 / Math.max(1, store.tracks().size()));
        }
        List<Track> tracks = new ArrayList<>();
        for (Track t : ds.tracks()) {
            store.track(t.id()).ifPresent(f -> tracks.add(withTags(t, f.tags())));
        }
        Dataset readable = new Dataset(ds.root(), ds.layout(), tracks, ds.unread());
        Map<String, String> titles = new HashMap<>();
        Map<String, String> albums = new HashMap<>();
        for (Track t : readable.tracks()) {
            titles.put(t.id(), t.displayTitle());
            if (t.album() != null) {
                albums.put(t.id(), t.album());
            }
        }
        List<String> ids = readable.tracks().stream().map(Track::id).toList();
        return new PreparedData(data, readable, store, readable.labelsById(), readable.artistsById(), titles, albums, ids,
                result);
    }

    /** What a manifest says wins; the file's tags fill in artist, title and album where it says nothing. */
    private static Track withTags(Track t, TrackTags tags) {
        if (tags == null) {
            return t;
        }
        return new Track(t.id(), t.path(), t.label(), t.artist() != null ? t.artist() : tags.groupingArtist(),
                t.title() != null ? t.title() : tags.title(), t.album() != null ? t.album() : tags.album());
    }

    /** What the label-free default is made from. */
    org.songspace.index.LabelFreeModel.Library library() {
        return new org.songspace.index.LabelFreeModel.Library(source, store, ids, dataset, artists);
    }

    /** The readable part of the dataset (tracks whose features exist). */
    Dataset readable() {
        if (dataset == null) {
            List<Track> tracks = new ArrayList<>();
            for (String id : ids) {
                tracks.add(new Track(id, Path.of(store.track(id).orElseThrow().source()), labels.get(id), null));
            }
            return new Dataset(source, Layout.FOLDERS, tracks);
        }
        return dataset;
    }
}
