package org.songspace.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.songspace.audio.ScanReport;

/**
 * A collection of tracks read from disk, with the layout it was read as.
 *
 * @param root   the folder (or CSV file) it was read from
 * @param layout how it was read
 * @param tracks tracks in a stable order (sorted by id)
 * @param unread the files of a scanned folder that are not tracks (skipped with a reason, or not audio)
 */
public record Dataset(Path root, Layout layout, List<Track> tracks, ScanReport unread) {

    public Dataset {
        tracks = List.copyOf(tracks);
        unread = unread == null ? ScanReport.NONE : unread;
    }

    /** A dataset that did not come from scanning a folder (a manifest, a subset). */
    public Dataset(Path root, Layout layout, List<Track> tracks) {
        this(root, layout, tracks, ScanReport.NONE);
    }

    public boolean isLabeled() {
        return !tracks.isEmpty() && tracks.stream().allMatch(t -> t.label() != null);
    }

    /** Sorted distinct labels; empty for an unlabeled library. */
    public List<String> labels() {
        TreeSet<String> labels = new TreeSet<>();
        tracks.forEach(t -> t.labelIfKnown().ifPresent(labels::add));
        return List.copyOf(labels);
    }

    public Map<String, Integer> countsByLabel() {
        Map<String, Integer> counts = new TreeMap<>();
        tracks.forEach(t -> t.labelIfKnown().ifPresent(l -> counts.merge(l, 1, Integer::sum)));
        return counts;
    }

    /** Label of every labelled track, by id. */
    public Map<String, String> labelsById() {
        Map<String, String> out = new LinkedHashMap<>();
        tracks.forEach(t -> t.labelIfKnown().ifPresent(l -> out.put(t.id(), l)));
        return out;
    }

    /** Artist of every track whose artist is known, by id. */
    public Map<String, String> artistsById() {
        Map<String, String> out = new LinkedHashMap<>();
        tracks.stream().filter(t -> t.artist() != null).forEach(t -> out.put(t.id(), t.artist()));
        return out;
    }

    public boolean hasArtists() {
        return tracks.stream().anyMatch(t -> t.artist() != null);
    }

    public Optional<Track> byId(String id) {
        return tracks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Map of id to track, in the dataset's order. */
    public Map<String, Track> index() {
        Map<String, Track> byId = new LinkedHashMap<>();
        tracks.forEach(t -> byId.put(t.id(), t));
        return Collections.unmodifiableMap(byId);
    }

    /** Fails with a message naming the command when labels are required but absent. */
    public void requireLabels(String purpose) throws DatasetException {
        if (!isLabeled()) {
            List<String> unlabeled = new ArrayList<>();
            tracks.stream().filter(t -> t.label() == null).limit(3).forEach(t -> unlabeled.add(t.id()));
            throw new DatasetException(purpose + " needs labels, but " + root + " was read as a "
                    + layout.displayName() + " library" + (unlabeled.isEmpty() ? "" : " (unlabeled: "
                    + String.join(", ", unlabeled) + (tracks.size() > 3 ? ", ..." : "") + ")")
                    + "; use a folder-per-label tree or a CSV manifest with a label column");
        }
    }
}
