package org.songspace.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.songspace.features.FeatureConfig;
import org.songspace.features.FeatureStore;
import org.songspace.features.MelSpectrogram;
import org.songspace.features.Mfcc;
import org.songspace.io.AtomicFiles;
import org.songspace.io.Json;
import org.songspace.io.Npy;
import org.songspace.io.UserError;
import org.songspace.vectors.GaussianTimbre;
import org.songspace.vectors.TimbreFilter;

/**
 * The classic timbre model as a model folder: nothing is learned, so "training" ({@link #build}) computes
 * every track's Gaussian of 25 MFCCs (from the same log-mel as the encoders) and the library statistics
 * its index searches by ({@link TimbreFilter}), in seconds, and saves them. Embedding a track is fitting its
 * Gaussian: the vector is the packed Gaussian, compared by the Jensen-Shannon divergence ({@link GaussianTimbre}).
 * Folder: {@value #MANIFEST} (id, feature config, coefficients, filter), {@value #GAUSSIANS} and
 * {@value #IDS} (the training library's Gaussians, one row per id).
 */
public final class TimbreModel extends SummaryModel {
    public static final String MANIFEST = "timbre-model.json";
    public static final String GAUSSIANS = "gaussians.npy";
    public static final String IDS = "gaussian-ids.txt";
    /** 2: Jensen-Shannon over [mean, covariance, log-determinant]; 1 (symmetrised KL) is refused. */
    public static final int FORMAT = 2;

    /** The stored manifest. */
    public record Manifest(int format, String id, String kind, FeatureConfig features, int coefficients,
                           TimbreFilter filter, int tracks, String library, String created) {
    }

    private final Manifest manifest;

    private TimbreModel(Manifest manifest) {
        super(manifest.features());
        this.manifest = manifest;
    }

    public static boolean isTimbreModel(Path folder) {
        return Files.isRegularFile(folder.resolve(MANIFEST));
    }

    public static TimbreModel open(Path folder) throws IOException {
        return new TimbreModel(read(folder));
    }

    static Info info(Path folder) throws IOException {
        Manifest m = read(folder);
        return new Info(m.id(), m.features(), GaussianTimbre.packedLength(m.coefficients()), m.filter(), List.of(MANIFEST), true);
    }

    private static Manifest read(Path folder) throws IOException {
        try {
            Manifest m = Json.read(folder.resolve(MANIFEST), Manifest.class);
            if (m.format() < FORMAT) {
                throw new UserError(folder + " is a timbre model of an older songspace (format " + m.format()
                        + ", symmetrised KL); make it again: songspace train --model timbre DATA --out " + folder);
            }
            if (m.format() != FORMAT || m.filter() == null || m.features() == null) {
                throw new UserError(folder.resolve(MANIFEST) + " is not a timbre model of format " + FORMAT);
            }
            return m;
        } catch (IOException e) {
            throw new UserError(folder.resolve(MANIFEST) + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Fits every track's Gaussian and the library statistics, and writes the model folder. */
    public static Manifest build(FeatureStore store, List<String> ids, Path out, String library) throws IOException {
        if (ids.isEmpty()) {
            throw new UserError("the timbre model needs at least one track");
        }
        int d = GaussianTimbre.COEFFICIENTS;
        List<float[]> gaussians = new ArrayList<>();
        float[] rows = new float[ids.size() * GaussianTimbre.packedLength(d)];
        for (int i = 0; i < ids.size(); i++) {
            float[] g = fit(store.load(ids.get(i)));
            gaussians.add(g);
            System.arraycopy(g, 0, rows, i * g.length, g.length);
        }
        Instant now = Instant.now();
        String id = "timbre-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(now);
        Manifest m = new Manifest(FORMAT, id, "timbre", store.config(), d, TimbreFilter.fit(gaussians), ids.size(), library,
                DateTimeFormatter.ISO_INSTANT.format(now));
        Files.createDirectories(out);
        Npy.write(out.resolve(GAUSSIANS), rows, ids.size(), GaussianTimbre.packedLength(d));
        AtomicFiles.writeString(out.resolve(IDS), String.join("\n", ids) + "\n");
        // The manifest last: a folder without it is not a model, whatever else a killed run left.
        Json.write(out.resolve(MANIFEST), m);
        return m;
    }

    private static float[] fit(MelSpectrogram db) {
        return GaussianTimbre.fit(Mfcc.frames(db, GaussianTimbre.COEFFICIENTS));
    }

    public Manifest manifest() {
        return manifest;
    }

    public TimbreFilter filter() {
        return manifest.filter();
    }

    @Override
    public String modelId() {
        return manifest.id();
    }

    @Override
    public int dimension() {
        return GaussianTimbre.packedLength(manifest.coefficients());
    }

    @Override
    public float[] embed(MelSpectrogram db) {
        return fit(db);
    }
}
