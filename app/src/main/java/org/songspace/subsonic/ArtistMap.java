package org.songspace.subsonic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.songspace.index.IndexedTrack;
import org.songspace.index.VectorSpace;
import org.songspace.similarity.SimilarityService;

/**
 * Artists on the map, for "similar artists" without the internet: each artist is the centre of its songs in
 * the index's own space (the centroid of unit embeddings, or the blended Gaussian of the timbre model), and
 * two artists are as similar as the index says their centres are. Also says how central each song is to its
 * artist (its similarity to the centre), for an artist's top songs. Computed on the first call that needs it
 * (one pass over the index), then kept.
 */
final class ArtistMap {
    private final SimilarityService service;
    private final SubsonicCatalog catalog;
    private Map<String, float[]> centroids;
    private final Map<String, List<IndexedTrack>> typical = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Thread warmUp;

    ArtistMap(SimilarityService service, SubsonicCatalog catalog) {
        this.service = service;
        this.catalog = catalog;
    }

    /**
     * Works out the artists' centres and reads what the search keeps in memory on a background thread, so
     * that a listener's first radio button does not wait for them (seconds on a 50,000-track timbre index).
     */
    void warmUp() {
        warmUp = new Thread(() -> {
            try {
                service.warmUp();
                centroids();
            } catch (IOException | RuntimeException e) {
                // The first request that needs them does the same work and reports what went wrong.
            }
        }, "artist-map-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Waits for the warm-up to end, so that the index is never closed under its reads. */
    void awaitWarmUp() {
        Thread t = warmUp;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The {@code count} artists closest to {@code artist}, closest first, never itself. */
    List<SubsonicCatalog.Artist> similar(SubsonicCatalog.Artist artist, int count) {
        Map<String, float[]> c = centroids();
        float[] own = c.get(artist.id());
        if (own == null) {
            return List.of();
        }
        List<SubsonicCatalog.Artist> others = new ArrayList<>();
        for (SubsonicCatalog.Artist a : catalog.artists()) {
            if (!a.id().equals(artist.id()) && c.containsKey(a.id()) && !a.name().equals(SubsonicCatalog.UNKNOWN_ARTIST)) {
                others.add(a);
            }
        }
        VectorSpace space = service.space();
        Map<String, Double> similarity = new HashMap<>();
        others.forEach(a -> similarity.put(a.id(), space.similarity(own, c.get(a.id()))));
        others.sort(Comparator.comparingDouble((SubsonicCatalog.Artist a) -> -similarity.get(a.id())).thenComparing(SubsonicCatalog.Artist::id));
        return others.subList(0, Math.min(count, others.size()));
    }

    /**
     * The artist's songs, most typical first (most similar to the artist's centre; ties by id): worked out
     * once per artist, since each similarity of the timbre model is a divergence; the songs' vectors are read
     * then rather than kept for every song of the library.
     */
    List<IndexedTrack> mostTypical(SubsonicCatalog.Artist artist) {
        return typical.computeIfAbsent(artist.id(), id -> {
            float[] centre = centroids().get(id);
            Map<String, Double> score = new HashMap<>();
            List<IndexedTrack> songs = new ArrayList<>();
            artist.albums().forEach(a -> songs.addAll(a.songs()));
            try {
                for (IndexedTrack t : songs) {
                    float[] v = service.vector(t.id()).orElse(null);
                    score.put(t.id(), centre == null || v == null ? -2 : service.space().similarity(centre, v));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            songs.sort(Comparator.comparingDouble((IndexedTrack t) -> -score.get(t.id())).thenComparing(IndexedTrack::id));
            return List.copyOf(songs);
        });
    }

    private synchronized Map<String, float[]> centroids() {
        if (centroids == null) {
            Map<String, float[]> centres = new HashMap<>();
            try {
                for (SubsonicCatalog.Artist a : catalog.artists()) {
                    List<float[]> own = new ArrayList<>();
                    for (SubsonicCatalog.Album album : a.albums()) {
                        for (IndexedTrack t : album.songs()) {
                            service.vector(t.id()).ifPresent(own::add);
                        }
                    }
                    if (!own.isEmpty()) {
                        centres.put(a.id(), service.space().centre(own));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            centroids = centres;
        }
        return centroids;
    }
}
