package org.songspace.index;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.songspace.audio.TrackTags;
import org.songspace.io.Json;

/** How an {@link IndexedTrack} is stored as a Lucene document: the field names live here only. */
final class TrackDocuments {
    static final String ID = "id";
    static final String PATH = "path";
    static final String LABEL = "label";
    static final String ARTIST = "artist";
    static final String ALBUM = "album";
    static final String TITLE = "title";
    private static final String TAGS = "tags";
    /** Indexed lookup keys from the tags: MusicBrainz recording id, ISRC, and "artist - title". */
    static final String MBID = "mbid";
    static final String ISRC = "isrc";
    static final String ARTIST_TITLE = "artist_title";
    static final String VECTOR = "vector";
    /** The full vector, stored when HNSW indexes only a key of it (the timbre model's Gaussians). */
    static final String RAW_VECTOR = "raw_vector";
    private static final String DURATION = "duration";
    private static final String BYTES = "bytes";
    private static final String MODIFIED = "modified";
    private static final String DAMAGE = "damage";

    private TrackDocuments() {
    }

    static Document toDocument(IndexedTrack t, VectorSpace space) throws IOException {
        Document d = new Document();
        d.add(new StringField(ID, t.id(), Field.Store.YES));
        // Indexed (not only stored) so that "the path of an indexed file" resolves with one term lookup.
        d.add(new StringField(PATH, orEmpty(t.path()), Field.Store.YES));
        d.add(new StringField(LABEL, orEmpty(t.label()), Field.Store.YES));
        d.add(new StringField(ARTIST, orEmpty(t.artist()), Field.Store.YES));
        d.add(new StringField(ALBUM, orEmpty(t.album()), Field.Store.YES));
        d.add(new StoredField(TITLE, orEmpty(t.title())));
        if (t.tags() != null) {
            d.add(new StoredField(TAGS, Json.mapper().writeValueAsString(t.tags())));
            if (t.tags().musicBrainzRecordingId() != null) {
                d.add(new StringField(MBID, mbidKey(t.tags().musicBrainzRecordingId()), Field.Store.NO));
            }
            if (t.tags().isrc() != null) {
                d.add(new StringField(ISRC, isrcKey(t.tags().isrc()), Field.Store.NO));
            }
        }
        if (t.artist() != null && t.title() != null) {
            d.add(new StringField(ARTIST_TITLE, artistTitleKey(t.artist(), t.title()), Field.Store.NO));
        }
        d.add(new StoredField(DURATION, t.durationSeconds()));
        d.add(new StoredField(BYTES, t.sourceBytes()));
        d.add(new StoredField(MODIFIED, t.sourceModified()));
        if (t.damage() != null) {
            d.add(new StoredField(DAMAGE, t.damage()));
        }
        d.add(new KnnFloatVectorField(VECTOR, space.key(t.vector()), VectorSimilarityFunction.COSINE));
        if (space.reranks()) {
            d.add(new StoredField(RAW_VECTOR, toBytes(t.vector())));
        }
        return d;
    }

    /** The full vector stored in a document, or null when HNSW holds it (learned vectors). */
    static float[] rawVector(StoredFields stored, int doc) throws IOException {
        org.apache.lucene.util.BytesRef b = stored.document(doc, java.util.Set.of(RAW_VECTOR)).getBinaryValue(RAW_VECTOR);
        if (b == null) {
            return null;
        }
        java.nio.FloatBuffer f = java.nio.ByteBuffer.wrap(b.bytes, b.offset, b.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        float[] out = new float[f.remaining()];
        f.get(out);
        return out;
    }

    private static byte[] toBytes(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** The track stored in document {@code doc}, without its vector. */
    static IndexedTrack read(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc);
        String tags = d.get(TAGS);
        return new IndexedTrack(d.get(ID), d.get(PATH), blankToNull(d.get(LABEL)), blankToNull(d.get(ARTIST)),
                blankToNull(d.get(ALBUM)), blankToNull(d.get(TITLE)),
                tags == null ? null : Json.mapper().readValue(tags, TrackTags.class), d.getField(DURATION).numericValue().doubleValue(),
                d.getField(BYTES).numericValue().longValue(), d.getField(MODIFIED).numericValue().longValue(), null,
                d.get(DAMAGE));
    }

    private static final java.util.regex.Pattern MBID_PATTERN =
            java.util.regex.Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final java.util.regex.Pattern ISRC_PATTERN = java.util.regex.Pattern.compile("(?i)[A-Z]{2}[A-Z0-9]{3}\\d{7}");

    /**
     * The lookups a media server's key can mean, in order: a MusicBrainz recording id, an ISRC, then
     * "Artist - Title" (an ISRC-looking title falls through to it).
     */
    static java.util.List<org.apache.lucene.search.Query> identifierQueries(String key) {
        String k = key.strip();
        java.util.List<org.apache.lucene.search.Query> out = new java.util.ArrayList<>();
        if (MBID_PATTERN.matcher(k).matches()) {
            return java.util.List.of(term(MBID, mbidKey(k)));
        }
        if (ISRC_PATTERN.matcher(k.replace("-", "")).matches()) {
            out.add(term(ISRC, isrcKey(k)));
        }
        int dash = k.indexOf(" - ");
        if (dash > 0) {
            out.add(term(ARTIST_TITLE, artistTitleKey(k.substring(0, dash), k.substring(dash + 3))));
        }
        return out;
    }

    private static org.apache.lucene.search.Query term(String field, String value) {
        return new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(field, value));
    }

    static String mbidKey(String s) {
        return s.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String isrcKey(String s) {
        return s.replace("-", "").strip().toUpperCase(java.util.Locale.ROOT);
    }

    static String artistTitleKey(String artist, String title) {
        return (artist.strip() + " - " + title.strip()).toLowerCase(java.util.Locale.ROOT);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
