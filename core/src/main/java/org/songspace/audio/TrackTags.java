package org.songspace.audio;

/**
 * What a file's tags say about it (ID3v1/v2, Vorbis comments, FLAC, MP4 atoms, APE, ASF). Every field may
 * be null: untagged files are normal.
 *
 * @param trackNumber           position on its disc (the number before any "/total")
 * @param durationSeconds       length of the whole file, from its header (not the analysed excerpt)
 * @param musicBrainzRecordingId MusicBrainz recording id (Picard's MUSICBRAINZ_TRACKID)
 * @param musicBrainzReleaseId  MusicBrainz release (album) id
 */
public record TrackTags(String artist, String albumArtist, String album, String title, Integer trackNumber,
                        Integer year, String genre, Double durationSeconds, String musicBrainzRecordingId,
                        String musicBrainzReleaseId, String isrc) {
    public static final TrackTags NONE = new TrackTags(null, null, null, null, null, null, null, null, null, null, null);

    public TrackTags {
        artist = clean(artist);
        albumArtist = clean(albumArtist);
        album = clean(album);
        title = clean(title);
        genre = clean(genre);
        musicBrainzRecordingId = clean(musicBrainzRecordingId);
        musicBrainzReleaseId = clean(musicBrainzReleaseId);
        isrc = clean(isrc);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u0000', ' ').strip();
        return t.isEmpty() ? null : t;
    }

    /** The artist to keep apart in splits and variety rules: the track artist, else the album artist. */
    public String groupingArtist() {
        return artist != null ? artist : albumArtist;
    }

    /** The leading number of "7", "07/12" or "7 of 12"; null when there is none. */
    static Integer leadingNumber(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int end = 0;
        while (end < t.length() && end < 9 && Character.isDigit(t.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Integer.valueOf(t.substring(0, end));
    }
}
