package org.songspace.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.songspace.audio.AudioFiles;

/**
 * Stable track ids from paths: the path relative to the input root, with '/' separators and without the
 * extension ({@code blues/blues.00000}). When two files differ only by extension (song.wav, song.mp3)
 * both keep it ({@code song.wav}, {@code song.mp3}) so no output overwrites another.
 */
public final class TrackIds {
    private TrackIds() {
    }

    public static List<String> assign(List<AudioFiles.Found> files) {
        List<String> stems = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (AudioFiles.Found f : files) {
            String stem = stem(withSlashes(f.relative().toString()));
            stems.add(stem);
            counts.merge(stem, 1, Integer::sum);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String stem = stems.get(i);
            ids.add(counts.get(stem) > 1 ? withSlashes(files.get(i).relative().toString()) : stem);
        }
        return ids;
    }

    static String withSlashes(String path) {
        return path.replace('\\', '/');
    }

    /** The id of a relative path: '/' separators, a leading "./" and the extension removed. */
    public static String idOf(String relativePath) {
        String p = withSlashes(relativePath);
        return stem(p.startsWith("./") ? p.substring(2) : p);
    }

    static String stem(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }
}
