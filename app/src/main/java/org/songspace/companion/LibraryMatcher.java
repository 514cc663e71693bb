package org.songspace.companion;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.songspace.audio.TrackTags;
import org.songspace.index.IndexedTrack;

/**
 * Ties another server's songs to the index's tracks by the best evidence there is, in this order: the file's
 * path (the longest run of trailing folders and file name that one indexed file alone has: the two sides
 * may see the library under different roots, /music/... against ~/Music/...), the MusicBrainz recording
 * id, the ISRC, and artist + title with a duration within 2 s. A song that nothing ties to exactly one
 * track is reported with the reason.
 */
final class LibraryMatcher {
    /** How a song was tied to a track. */
    enum Evidence { PATH, MUSICBRAINZ_ID, ISRC, ARTIST_TITLE_DURATION }

    record Unmapped(RemoteSong song, String reason) {
    }

    /** The outcome: remote id to track, the first remote id of each track, counts, and what was not tied. */
    record Mapping(Map<String, IndexedTrack> byRemoteId, Map<String, String> remoteIdOf, Map<Evidence, Integer> counts,
                   List<Unmapped> unmapped) {
    }

    static final int MAX_SUFFIX = 4;
    static final double DURATION_SLACK_SECONDS = 2;

    private final Path root;
    private final Map<String, List<IndexedTrack>> bySuffix = new HashMap<>();
    private final Map<String, List<IndexedTrack>> byMusicBrainz = new HashMap<>();
    private final Map<String, List<IndexedTrack>> byIsrc = new HashMap<>();
    private final Map<String, List<IndexedTrack>> byArtistTitle = new HashMap<>();

    LibraryMatcher(Collection<IndexedTrack> tracks, String libraryRoot) {
        this.root = libraryRoot == null ? null : Path.of(libraryRoot);
        for (IndexedTrack t : tracks) {
            List<String> parts = parts(relative(t.path()));
            for (int k = 1; k <= Math.min(MAX_SUFFIX, parts.size()); k++) {
                bySuffix.computeIfAbsent(suffixKey(parts, k), x -> new ArrayList<>()).add(t);
            }
            TrackTags tags = t.tags() == null ? TrackTags.NONE : t.tags();
            add(byMusicBrainz, tags.musicBrainzRecordingId(), t);
            add(byIsrc, tags.isrc(), t);
            // The manifest's artist and title may differ from the tags' (a compilation's track artist): both count.
            for (String artist : distinct(t.artist(), tags.artist(), tags.albumArtist())) {
                for (String title : distinct(t.title(), tags.title())) {
                    add(byArtistTitle, normal(artist) + "\u0000" + normal(title), t);
                }
            }
        }
    }

    Mapping map(List<RemoteSong> songs) {
        Map<String, IndexedTrack> byRemoteId = new LinkedHashMap<>();
        Map<String, String> remoteIdOf = new LinkedHashMap<>();
        Map<Evidence, Integer> counts = new EnumMap<>(Evidence.class);
        List<Unmapped> unmapped = new ArrayList<>();
        for (RemoteSong s : songs) {
            IndexedTrack found = null;
            Evidence how = null;
            String why = null;
            if (s.path() != null) {
                found = byPath(s.path());
                how = Evidence.PATH;
            }
            if (found == null && s.musicBrainzId() != null) {
                found = unique(byMusicBrainz.get(s.musicBrainzId().toLowerCase(Locale.ROOT)));
                how = Evidence.MUSICBRAINZ_ID;
            }
            if (found == null && s.isrc() != null) {
                found = unique(byIsrc.get(s.isrc().toLowerCase(Locale.ROOT)));
                how = Evidence.ISRC;
            }
            if (found == null && s.artist() != null && s.title() != null) {
                List<IndexedTrack> named = byArtistTitle.getOrDefault(normal(s.artist()) + "\u0000" + normal(s.title()), List.of());
                List<IndexedTrack> close = named.stream().filter(t -> s.durationSeconds() <= 0
                        || Math.abs(t.durationSeconds() - s.durationSeconds()) <= DURATION_SLACK_SECONDS).toList();
                found = unique(close);
                how = Evidence.ARTIST_TITLE_DURATION;
                if (found == null && close.size() > 1) {
                    why = close.size() + " indexed songs have this artist, title and duration";
                } else if (found == null && !named.isEmpty()) {
                    why = "an indexed song has this artist and title, but its duration differs by more than 2 s";
                }
            }
            if (found == null) {
                unmapped.add(new Unmapped(s, why != null ? why : "no indexed file has this path"
                        + (s.musicBrainzId() == null && s.isrc() == null ? "" : " or MusicBrainz id/ISRC")
                        + (s.artist() == null || s.title() == null ? ", and the server gives no artist and title"
                        : ", and no indexed song has this artist and title")));
                continue;
            }
            byRemoteId.put(s.id(), found);
            remoteIdOf.putIfAbsent(found.id(), s.id());
            counts.merge(how, 1, Integer::sum);
        }
        return new Mapping(byRemoteId, remoteIdOf, counts, unmapped);
    }

    /** The one track whose path ends the same way, with as many trailing parts as the two paths share. */
    private IndexedTrack byPath(String remotePath) {
        List<String> parts = parts(remotePath);
        for (int k = Math.min(MAX_SUFFIX, parts.size()); k >= 1; k--) {
            List<IndexedTrack> candidates = bySuffix.get(suffixKey(parts, k));
            if (candidates != null) {
                return unique(candidates);
            }
        }
        return null;
    }

    private String relative(String path) {
        Path p = Path.of(path);
        return root != null && p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    private static List<String> parts(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (!part.isEmpty()) {
                out.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String suffixKey(List<String> parts, int k) {
        return String.join("/", parts.subList(parts.size() - k, parts.size()));
    }

    private static void add(Map<String, List<IndexedTrack>> map, String key, IndexedTrack t) {
        if (key != null && !key.isBlank()) {
            List<IndexedTrack> list = map.computeIfAbsent(key.toLowerCase(Locale.ROOT), x -> new ArrayList<>());
            if (!list.contains(t)) {
                list.add(t);
            }
        }
    }

    private static List<String> distinct(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).distinct().toList();
    }

    private static IndexedTrack unique(List<IndexedTrack> candidates) {
        return candidates != null && candidates.size() == 1 ? candidates.get(0) : null;
    }

    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
