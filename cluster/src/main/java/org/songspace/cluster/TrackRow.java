package org.songspace.cluster;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.songspace.audio.TrackTags;

/**
 * A track as the Spark job carries it: the file, its tags, the model's answer (or why it failed). The
 * schema, the rows the embedder makes and the tags read back out of them are written here only, so a tag
 * cannot be added on one side and dropped on the other.
 */
final class TrackRow {
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false).add("path", DataTypes.StringType, false)
            .add("size", DataTypes.LongType, false).add("modified", DataTypes.LongType, false)
            .add("artist", DataTypes.StringType).add("album_artist", DataTypes.StringType).add("album", DataTypes.StringType)
            .add("title", DataTypes.StringType).add("track", DataTypes.IntegerType).add("year", DataTypes.IntegerType)
            .add("genre", DataTypes.StringType).add("duration", DataTypes.DoubleType)
            .add("musicbrainz_recording_id", DataTypes.StringType).add("musicbrainz_release_id", DataTypes.StringType)
            .add("isrc", DataTypes.StringType)
            .add("model_id", DataTypes.StringType, false)
            .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false))
            .add("n_mels", DataTypes.IntegerType).add("frames", DataTypes.IntegerType)
            .add("logmel", DataTypes.createArrayType(DataTypes.FloatType, false))
            .add("error", DataTypes.StringType);

    private TrackRow() {
    }

    /** An analysed and embedded track; {@code logMel} null unless the features are kept. */
    static Row embedded(LibraryListing.Input in, TrackTags t, double seconds, String modelId, float[] embedding,
                        int nMels, int frames, float[] logMel) {
        return RowFactory.create(in.id(), in.path(), in.size(), in.modified(), t.artist(), t.albumArtist(), t.album(),
                t.title(), t.trackNumber(), t.year(), t.genre(), seconds, t.musicBrainzRecordingId(),
                t.musicBrainzReleaseId(), t.isrc(), modelId, embedding, nMels, frames, logMel, null);
    }

    /** A track that could not be analysed, and why. */
    static Row failed(LibraryListing.Input in, String modelId, String error) {
        Object[] values = new Object[SCHEMA.size()];
        values[0] = in.id();
        values[1] = in.path();
        values[2] = in.size();
        values[3] = in.modified();
        values[SCHEMA.fieldIndex("model_id")] = modelId;
        values[SCHEMA.fieldIndex("error")] = error;
        return RowFactory.create(values);
    }

    /** The tags a row carries (duration included). */
    static TrackTags tags(Row r) {
        return new TrackTags(text(r, "artist"), text(r, "album_artist"), text(r, "album"), text(r, "title"),
                number(r, "track"), number(r, "year"), text(r, "genre"),
                r.isNullAt(r.fieldIndex("duration")) ? null : r.getDouble(r.fieldIndex("duration")),
                text(r, "musicbrainz_recording_id"), text(r, "musicbrainz_release_id"), text(r, "isrc"));
    }

    /** The row's embedding, as stored. */
    static float[] embedding(Row r) {
        List<Float> e = r.getList(r.fieldIndex("embedding"));
        float[] v = new float[e.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.get(i);
        }
        return v;
    }

    static String text(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? null : r.getString(i);
    }

    private static Integer number(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? null : r.getInt(i);
    }
}
