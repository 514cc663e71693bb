package org.songspace.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;
import org.songspace.audio.TrackTags;

/** Every tag the embedder puts in a row comes back out of it (OpenSearch once lost the MusicBrainz release id). */
class TrackRowTest {

    private static Row withSchema(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
            if (values[i] instanceof float[] floats) {
                // What Spark's row encoder makes of an array column.
                java.util.List<Float> list = new java.util.ArrayList<>();
                for (float f : floats) {
                    list.add(f);
                }
                values[i] = scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
            }
        }
        return new GenericRowWithSchema(values, TrackRow.SCHEMA);
    }

    @Test
    void tagsSurviveTheRow() {
        TrackTags tags = new TrackTags("Artist", "Album Artist", "Album", "Title", 3, 1999, "Jazz", 241.5,
                "8f3471b5-7e6a-48da-86a9-c1c07a0f47ae", "2c1d6c6b-5a5f-4f0d-9e9e-3d1a1c7f0b11", "GBAYE9900001");
        LibraryListing.Input in = new LibraryListing.Input("a/b", "/music/a/b.mp3", 1234, 5678);
        Row row = withSchema(TrackRow.embedded(in, tags, 241.5, "model-1", new float[] {0.6f, 0.8f}, 128, 1292, null));
        assertEquals(TrackRow.SCHEMA.size(), row.size());
        assertEquals(tags, TrackRow.tags(row));
        assertArrayEquals(new float[] {0.6f, 0.8f}, TrackRow.embedding(row));
        assertEquals("model-1", TrackRow.text(row, "model_id"));
        assertNull(TrackRow.text(row, "error"));
    }

    @Test
    void aFailedTrackKeepsItsFileAndWhy() {
        LibraryListing.Input in = new LibraryListing.Input("x", "/music/x.mp3", 10, 20);
        Row row = withSchema(TrackRow.failed(in, "model-1", "truncated"));
        assertEquals("x", TrackRow.text(row, "id"));
        assertEquals("truncated", TrackRow.text(row, "error"));
        assertEquals(TrackTags.NONE, TrackRow.tags(row));
    }
}
