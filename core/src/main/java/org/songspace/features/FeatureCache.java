package org.songspace.features;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.songspace.audio.Excerpt;

/**
 * Where features of a collection are cached when the user does not say: one folder per (collection,
 * feature config) under {@code $SONGSPACE_CACHE} or {@code ~/.cache/songspace/features}, so every
 * command that needs features of the same files with the same config reuses them.
 */
public final class FeatureCache {
    private FeatureCache() {
    }

    public static Path root() {
        String env = System.getenv("SONGSPACE_CACHE");
        if (env != null && !env.isBlank()) {
            return Paths.get(env).resolve("features");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("songspace").resolve("features");
    }

    /** {@code <root>/<collection folder name>-<hash of its absolute path and the config>}. */
    public static Path folderFor(Path collection, FeatureConfig config) {
        return folderFor(collection, config, Excerpt.WHOLE);
    }

    /** The same for an excerpt of each track (whole tracks keep the folder they always had). */
    public static Path folderFor(Path collection, FeatureConfig config, Excerpt excerpt) {
        Path abs = collection.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "root" : abs.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.endsWith(".csv")) {
            Path parent = abs.getParent();
            name = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "-") + name.replace(".csv", "");
        }
        String key = abs + "|" + config + (excerpt.isWhole() ? "" : "|" + excerpt);
        return root().resolve(name + "-" + hash(key));
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format(Locale.ROOT, "%02x", d[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
