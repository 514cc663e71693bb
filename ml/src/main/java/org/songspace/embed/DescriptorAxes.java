package org.songspace.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.features.TrackDescriptor;
import org.songspace.io.Json;
import org.songspace.io.Npy;
import org.songspace.vectors.Vectors;

/**
 * Linear axes over each track's fixed {@link TrackDescriptor}, set beside a trained encoder's vector: a
 * discriminant between the labels the encoder was trained on and, where the training tracks name enough
 * artists, one between their artists (the tag model's axes). A deep encoder and a linear map of a hand-made
 * summary err on different tracks, so side by side they rank unseen artists' genres better than either
 * (emotify-dev, docs/results.md). Each part is scaled to unit length, the axes parts to {@value #WEIGHT} of the
 * encoder's, and the whole vector to unit length again.
 *
 * <p>Stored in the model folder as {@value #MANIFEST} (written last: without it the folder embeds with the
 * encoder alone) and one {@code .npy} per part, {@code [2 + axes, inputs]}: mean row, scale row, axes rows.
 */
public final class DescriptorAxes {
    public static final String MANIFEST = "descriptor-axes.json";
    static final float WEIGHT = 0.5f;

    /** What the folder holds: the parts in the order they follow the encoder's vector. */
    public record Manifest(int format, List<Part> parts) {
    }

    /** One discriminant: what its groups were, how many it told apart, its axes and file. */
    public record Part(String groups, int count, int axes, String file) {
    }

    private final Manifest manifest;
    private final List<Discriminant> parts;

    private DescriptorAxes(Manifest manifest, List<Discriminant> parts) {
        this.manifest = manifest;
        this.parts = List.copyOf(parts);
    }

    /**
     * Fits on the labelled tracks among {@code ids} (at least two labels needed), and between artists when at
     * least {@link TagModel#MIN_ARTISTS} of them name two or more of {@code ids} (unless the labels are those
     * artists); empty when there is nothing to fit (fewer than two labels).
     */
    public static Optional<DescriptorAxes> fit(FeatureStore store, List<String> ids, Map<String, String> labels,
                                               Map<String, String> artists) throws IOException {
        List<String> labelled = ids.stream().filter(id -> labels.get(id) != null).toList();
        if (labelled.stream().map(labels::get).distinct().count() < 2 || labelled.size() < 3) {
            return Optional.empty();
        }
        try {
            // The artists' discriminant reads the same tracks: each descriptor is made once.
            Map<String, float[]> made = new ConcurrentHashMap<>();
            Function<String, float[]> read = TagModel.descriptorsOf(store);
            Function<String, float[]> descriptorOf = id -> made.computeIfAbsent(id, read);
            List<float[]> inputs = labelled.parallelStream().map(descriptorOf).toList();
            List<String> groups = labelled.stream().map(labels::get).toList();
            List<Discriminant> fitted = new ArrayList<>();
            List<Part> described = new ArrayList<>();
            fitted.add(Discriminant.fit(inputs, groups, Discriminant.Settings.DEFAULT));
            described.add(new Part("labels", (int) groups.stream().distinct().count(), fitted.get(0).dimension(),
                    "descriptor-labels.npy"));
            int artistCount = TagModel.artistsWithTwoTracks(ids, artists);
            // A model trained on the artists themselves (compare --train-on artist) has those axes already.
            boolean labelsAreArtists = labelled.stream().allMatch(id -> Objects.equals(
                    TagModel.artistKey(labels.get(id)), TagModel.artistKey(artists.get(id))));
            if (artistCount >= TagModel.MIN_ARTISTS && !labelsAreArtists) {
                fitted.add(TagModel.fit(ids, artists, descriptorOf));
                described.add(new Part("artists", artistCount, fitted.get(1).dimension(), "descriptor-artists.npy"));
            }
            return Optional.of(new DescriptorAxes(new Manifest(1, described), fitted));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The manifest of the axes a model folder holds, if any (the arrays are not read). */
    public static Optional<Manifest> readManifest(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve(MANIFEST))) {
            return Optional.empty();
        }
        Manifest m = Json.read(folder.resolve(MANIFEST), Manifest.class);
        if (m.format() != 1 || m.parts() == null || m.parts().isEmpty()) {
            throw new IOException(folder.resolve(MANIFEST) + ": unsupported descriptor axes (format " + m.format() + ")");
        }
        return Optional.of(m);
    }

    /** The axes a model folder holds, if any. */
    public static Optional<DescriptorAxes> read(Path folder) throws IOException {
        Optional<Manifest> manifest = readManifest(folder);
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        List<Discriminant> parts = new ArrayList<>();
        for (Part p : manifest.get().parts()) {
            Npy.FloatArray a = Npy.read(folder.resolve(p.file()));
            if (a.rows() != p.axes() + 2) {
                throw new IOException(folder.resolve(p.file()) + " holds " + (a.rows() - 2) + " axes, "
                        + MANIFEST + " says " + p.axes());
            }
            parts.add(Discriminant.ofRows(a.data(), a.cols()));
        }
        return Optional.of(new DescriptorAxes(manifest.get(), parts));
    }

    /** Writes the parts, then the manifest (so a folder never names a part it lacks). */
    public void write(Path folder) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            Discriminant d = parts.get(i);
            Npy.write(folder.resolve(manifest.parts().get(i).file()), d.rows(), d.dimension() + 2, d.mean().length);
        }
        Json.write(folder.resolve(MANIFEST), manifest);
    }

    /** Removes axes a folder held from an earlier run (a retrained model must not keep stale ones). */
    public static void remove(Path folder) throws IOException {
        Optional<Manifest> manifest = readManifest(folder);
        if (manifest.isPresent()) {
            for (Part p : manifest.get().parts()) {
                Files.deleteIfExists(folder.resolve(p.file()));
            }
            Files.delete(folder.resolve(MANIFEST));
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Dimensions the axes add to the encoder's. */
    public int dimension() {
        return dimension(manifest);
    }

    /** Dimensions the axes {@code m} describes add to the encoder's. */
    public static int dimension(Manifest m) {
        return m.parts().stream().mapToInt(Part::axes).sum();
    }

    /** Files in the model folder, manifest first. */
    public List<String> files() {
        return files(manifest);
    }

    /** Files the axes {@code m} describes take in the model folder, manifest first. */
    public static List<String> files(Manifest m) {
        List<String> out = new ArrayList<>(List.of(MANIFEST));
        m.parts().forEach(p -> out.add(p.file()));
        return out;
    }

    /** The encoder's unit vector with each part's axes after it, the whole at unit length. */
    public float[] besides(float[] encoded, MelSpectrogram db) {
        float[] descriptor = TrackDescriptor.of(db);
        float[] out = new float[encoded.length + dimension()];
        int at = place(encoded.clone(), 1f, out, 0);
        for (Discriminant d : parts) {
            at = place(d.apply(descriptor), WEIGHT, out, at);
        }
        return Vectors.normalise(out);
    }

    /** Copies {@code part} (changed in place) scaled to length {@code length}; a zero part stays zero. */
    private static int place(float[] part, float length, float[] out, int at) {
        Vectors.normalise(part);
        for (int i = 0; i < part.length; i++) {
            out[at + i] = part[i] * length;
        }
        return at + part.length;
    }
}
