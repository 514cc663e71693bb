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
            float[] v = TrackRow.embedding(r);
            TrackTags tags = TrackRow.tags(r);
            docs.add(new OpenSearchIndex.Document(TrackRow.text(r, "id"), tags.title(), null, tags.artist(), tags.album(),
                    TrackRow.text(r, "path"), tags.durationSeconds() == null ? 0 : tags.durationSeconds(), tags, TrackRow.text(r, "model_id"),
                    Vectors.normalise(v)));
        }
        if (!docs.isEmpty()) {
            new OpenSearchIndex(url, index).bulk(docs);
        }
    }
}
