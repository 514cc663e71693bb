package org.songspace.cluster;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.songspace.audio.TrackTags;
import org.songspace.opensearch.OpenSearchIndex;
import org.songspace.vectors.Vectors;

/** A partition's embedded rows bulk-loaded into OpenSearch (the shape {@code export --to opensearch} writes). */
final class OpenSearchWriter implements ForeachPartitionFunction<Row> {
    private final String url;
    private final String index;

    OpenSearchWriter(String url, String index) {
        this.url = url;
        this.index = index;
    }

    @Override
    public void call(Iterator<Row> rows) throws Exception {
        List<OpenSearchIndex.Document> docs = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            List<Float> e = r.getList(r.fieldIndex("embedding"));
            float[] v = new float[e.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = e.get(i);
            }
            TrackTags tags = new TrackTags(text(r, "artist"), text(r, "album_artist"), text(r, "album"), text(r, "title"),
                    number(r, "track"), number(r, "year"), text(r, "genre"), r.isNullAt(r.fieldIndex("duration")) ? null
                    : r.getDouble(r.fieldIndex("duration")), text(r, "musicbrainz_recording_id"), null, text(r, "isrc"));
            docs.add(new OpenSearchIndex.Document(text(r, "id"), tags.title(), null, tags.artist(), tags.album(),
                    text(r, "path"), tags.durationSeconds() == null ? 0 : tags.durationSeconds(), tags, text(r, "model_id"),
                    Vectors.normalise(v)));
        }
        if (!docs.isEmpty()) {
            new OpenSearchIndex(url, index).bulk(docs);
        }
    }

    private static String text(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? null : r.getString(i);
    }

    private static Integer number(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? null : r.getInt(i);
    }
}
