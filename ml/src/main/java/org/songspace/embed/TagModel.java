package org.songspace.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.features.TrackDescriptor;
import org.songspace.io.Json;
import org.songspace.io.Npy;
import org.songspace.io.UserError;

/**
 * The model a library's own tags teach: every track's {@link TrackDescriptor}, mapped by a {@link Discriminant}
 * fitted to tell the library's artists apart (no label typed by anyone; tracks without an artist tag are
 * embedded but not learned from). Fitting takes seconds and reads a bounded sample (at most
 * {@value #PER_ARTIST} tracks of an artist, {@value #MAX_TRACKS} in all), so its cost does not grow with the
 * library. Vectors compare by cosine, ranked by mutual proximity (docs/results.md). Folder: {@value #MANIFEST},
 * {@value #STANDARDISE} (mean and scale rows) and {@value #AXES} ({@code [dimension][inputs]}).
 */
public final class TagModel extends SummaryModel {
    public static final String MANIFEST = "tag-model.json";
    public static final String STANDARDISE = "tag-standardise.npy";
    public static final String AXES = "tag-axes.npy";
    public static final int FORMAT = 1;
    static final int PER_ARTIST = 25;
    static final int MAX_TRACKS = 4000;
    /** Artists naming two or more tracks from which the tag model ranks unseen artists better than the timbre model. */
    public static final int MIN_ARTISTS = 20;

    /** The stored manifest: what was learned from, and how. */
    public record Manifest(int format, String id, String kind, FeatureConfig features, String groups, int artists,
                           int tracks, Discriminant.Settings settings, int dimension, String library, String created) {
    }

    private final Manifest manifest;
    private final Discriminant discriminant;

    private TagModel(Manifest manifest, Discriminant discriminant) {
        super(manifest.features());
        this.manifest = manifest;
        this.discriminant = discriminant;
    }

    public static boolean isTagModel(Path folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST));
    }

    public static TagModel open(Path folder) throws IOException {
        Manifest m = read(folder);
        try {
            Npy.FloatArray standardise = Npy.read(folder.resolve(STANDARDISE));
            Npy.FloatArray axes = Npy.read(folder.resolve(AXES));
            int inputs = standardise.shape()[1];
            if (standardise.shape()[0] != 2 || axes.shape()[0] != m.dimension() || axes.shape()[1] != inputs) {
                throw new UserError(folder + " holds a tag model whose arrays do not match its manifest");
            }
            float[] rows = java.util.Arrays.copyOf(standardise.data(), (2 + m.dimension()) * inputs);
            System.arraycopy(axes.data(), 0, rows, 2 * inputs, m.dimension() * inputs);
            return new TagModel(m, Discriminant.ofRows(rows, inputs));
        } catch (IOException e) {
            throw new UserError(folder + " holds a tag model that cannot be read: " + e.getMessage(), e);
        }
    }

    static Info info(Path folder) throws IOException {
        Manifest m = read(folder);
        return new Info(m.id(), m.features(), m.dimension(), null, List.of(MANIFEST, STANDARDISE, AXES), true);
    }

    private static Manifest read(Path folder) throws IOException {
        try {
            Manifest m = Json.read(folder.resolve(MANIFEST), Manifest.class);
            if (m.format() != FORMAT || m.features() == null || m.dimension() < 1) {
                throw new UserError(folder.resolve(MANIFEST) + " is not a tag model of format " + FORMAT);
            }
            return m;
        } catch (IOException e) {
            throw new UserError(folder.resolve(MANIFEST) + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every track's descriptor, in order. */
    public static List<float[]> descriptors(FeatureStore store, List<String> ids) throws IOException {
        List<float[]> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(TrackDescriptor.of(store.load(id)));
        }
        return out;
    }

    /** The artist a tag names, case and spacing aside; null for no artist. */
    public static String artistKey(String tag) {
        return tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
    }

    /** How many artists name at least two of {@code ids} (the groups the discriminant can learn within). */
    public static int artistsWithTwoTracks(List<String> ids, Map<String, String> artists) {
        return (int) byArtist(ids, artists).values().stream().filter(t -> t.size() >= 2).count();
    }

    /** Positions in {@code ids} by artist key, in first-seen order. */
    private static Map<String, List<Integer>> byArtist(List<String> ids, Map<String, String> artists) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String key = artistKey(artists.get(ids.get(i)));
            if (key != null) {
                out.computeIfAbsent(key, a -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    /** A track's descriptor from its stored features. */
    public static Function<String, float[]> descriptorsOf(FeatureStore store) {
        return id -> {
            try {
                return TrackDescriptor.of(store.load(id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Fits on the tracks whose artist is known, at most {@value #PER_ARTIST} of one artist and
     * {@value #MAX_TRACKS} in all (drawn at random, seeded); only their descriptors are asked for.
     */
    public static Discriminant fit(List<String> ids, Map<String, String> artists, Function<String, float[]> descriptorOf) {
        Map<String, List<Integer>> byArtist = byArtist(ids, artists);
        Random random = new Random(42);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> tracks : byArtist.values()) {
            Collections.shuffle(tracks, random);
            chosen.addAll(tracks.subList(0, Math.min(PER_ARTIST, tracks.size())));
        }
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, Math.min(MAX_TRACKS, chosen.size()));
        long groups = byArtist.values().stream().filter(t -> t.size() >= 2).count();
        if (groups < 2) {
            throw new UserError("the tag model learns from artist tags: at least 2 artists with 2 or more tagged tracks "
                    + "each are needed, the library has " + groups + "; use --model timbre");
        }
        // Descriptors side by side on the common pool (order kept): reading and summarising is most of the fit.
        List<float[]> inputs = chosen.parallelStream().map(i -> descriptorOf.apply(ids.get(i))).toList();
        List<String> labels = chosen.stream().map(i -> artistKey(artists.get(ids.get(i)))).toList();
        return Discriminant.fit(inputs, labels, Discriminant.Settings.DEFAULT);
    }

    /** Fits the model on a library's tracks and their artist tags, and writes the model folder. */
    public static Manifest build(FeatureStore store, List<String> ids, Map<String, String> artists, Path out,
                                 String library) throws IOException {
        Discriminant d;
        try {
            d = fit(ids, artists, descriptorsOf(store));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, List<Integer>> byArtist = byArtist(ids, artists);
        long artistCount = byArtist.size();
        long tagged = byArtist.values().stream().mapToInt(List::size).sum();
        Instant now = Instant.now();
        String id = "tags-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(now);
        Manifest m = new Manifest(FORMAT, id, "tags", store.config(), "artist", (int) artistCount, (int) tagged,
                Discriminant.Settings.DEFAULT, d.dimension(), library, DateTimeFormatter.ISO_INSTANT.format(now));
        Files.createDirectories(out);
        int inputs = d.mean().length;
        float[] rows = d.rows();
        Npy.write(out.resolve(STANDARDISE), java.util.Arrays.copyOf(rows, 2 * inputs), 2, inputs);
        Npy.write(out.resolve(AXES), java.util.Arrays.copyOfRange(rows, 2 * inputs, rows.length), d.dimension(), inputs);
        // The manifest last: a folder without it is not a model, whatever else a killed run left.
        Json.write(out.resolve(MANIFEST), m);
        return m;
    }

    public Manifest manifest() {
        return manifest;
    }

    @Override
    public String modelId() {
        return manifest.id();
    }

    @Override
    public int dimension() {
        return manifest.dimension();
    }

    @Override
    public float[] embed(MelSpectrogram db) {
        return discriminant.apply(TrackDescriptor.of(db));
    }
}
