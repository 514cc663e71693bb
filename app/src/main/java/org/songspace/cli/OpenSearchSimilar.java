package org.songspace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.songspace.io.UserError;
import org.songspace.opensearch.OpenSearchIndex;
import org.songspace.similarity.Match;
import org.songspace.similarity.Seed;
import org.songspace.similarity.SimilarityService;
import org.songspace.vectors.Vectors;

/**
 * {@code similar --opensearch URL}: the seed's vector from the local index (any query {@code similar} takes,
 * audio files embedded with the index's model) or, without one, from the OpenSearch document of that id;
 * then OpenSearch's k-NN search, the seed left out.
 */
final class OpenSearchSimilar {
    private final OpenSearchIndex index;
    private final boolean json;

    OpenSearchSimilar(String url, String name, boolean json) {
        this.index = new OpenSearchIndex(url, name);
        this.json = json;
    }

    int run(Path indexDir, String query, int k) throws IOException {
        String model = index.modelId().orElseThrow(() -> new UserError("OpenSearch has no index " + index.name()
                + ": load one with songspace export INDEX --to opensearch URL --index-name " + index.name()));
        float[] vector;
        String seedId;
        String seedDescription;
        if (indexDir != null) {
            try (SimilarityService service = SimilarityService.open(indexDir)) {
                if (!service.manifest().modelId().equals(model)) {
                    throw new UserError("OpenSearch index " + index.name() + " holds vectors of model " + model + ", "
                            + indexDir + " those of " + service.manifest().modelId());
                }
                Seed seed = service.resolve(query);
                vector = seed.vector();
                seedId = seed.indexedTrack().map(t -> t.id()).orElse(null);
                seedDescription = seed.describe(model);
            }
        } else {
            OpenSearchIndex.Document doc = index.get(query).orElseThrow(() -> new UserError("no track with id '" + query
                    + "' in OpenSearch index " + index.name() + " (give INDEX too to search by file, MusicBrainz id or tags)"));
            vector = doc.embedding();
            seedId = doc.id();
            seedDescription = doc.id();
        }
        List<Match> matches = index.knn(Vectors.normalise(vector.clone()), k, seedId == null ? Set.of() : Set.of(seedId))
                .stream().map(h -> {
                    OpenSearchIndex.Document d = h.document();
                    return new Match(d.id(), d.title(), h.similarity(), d.label(), d.artist(), d.album(), d.path(), d.tags(), null, null);
                }).toList();
        SimilarCommand.print(new SimilarCommand.Answer(query, model, "opensearch k-NN, lucene hnsw", seedId, matches),
                seedDescription, index.count(), json);
        return 0;
    }
}
