package org.songspace.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.songspace.audio.Excerpt;
import org.songspace.io.Json;
import org.songspace.io.Npy;

/** Read access to a features folder written by {@link FeatureJob}: its manifest and each track's log-mel. */
public final class FeatureStore {
    private final Path dir;
    private final FeatureManifest manifest;
    private final Map<String, FeatureManifest.Track> byId;

    private FeatureStore(Path dir, FeatureManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
        Map<String, FeatureManifest.Track> index = new LinkedHashMap<>();
        manifest.tracks().forEach(t -> index.put(t.id(), t));
        this.byId = Collections.unmodifiableMap(index);
    }

    /** Opens a features folder; fails naming the folder when it has no features.json. */
    public static FeatureStore open(Path dir) throws IOException {
        Path file = dir.resolve(FeatureManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a features folder (no " + FeatureManifest.FILE_NAME
                    + "; make one with: songspace features INPUT --out " + dir + ")");
        }
        return new FeatureStore(dir, Json.read(file, FeatureManifest.class));
    }

    public static boolean isFeatureFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(FeatureManifest.FILE_NAME));
    }

    public Path dir() {
        return dir;
    }

    public FeatureManifest manifest() {
        return manifest;
    }

    public FeatureConfig config() {
        return manifest.config();
    }

    /** The part of each track the features were computed from. */
    public Excerpt excerpt() {
        return manifest.excerptOrWhole();
    }

    public Map<String, FeatureManifest.Track> tracks() {
        return byId;
    }

    public Optional<FeatureManifest.Track> track(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Bytes of the tracks' feature files on disk (files gone since are not counted). */
    public long diskBytes() {
        long total = 0;
        for (FeatureManifest.Track t : byId.values()) {
            try {
                total += Files.size(dir.resolve(t.npy()));
            } catch (IOException e) {
                // A file removed behind our back holds no bytes.
            }
        }
        return total;
    }

    /** Loads one track's dB spectrogram. */
    public MelSpectrogram load(String id) throws IOException {
        FeatureManifest.Track track = byId.get(id);
        if (track == null) {
            throw new IOException("track " + id + " is not in the features folder " + dir);
        }
        Npy.FloatArray array = Npy.read(dir.resolve(track.npy()));
        if (array.shape().length != 2 || array.rows() != manifest.config().nMels()) {
            throw new IOException(dir.resolve(track.npy()) + ": expected [" + manifest.config().nMels()
                    + ", frames], found shape " + java.util.Arrays.toString(array.shape()));
        }
        return new MelSpectrogram(array.rows(), array.cols(), array.data(), true);
    }
}
