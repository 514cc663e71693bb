package org.songspace.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.songspace.cli.CliRun;
import org.songspace.cli.TestPipeline;
import org.songspace.testing.OpenSearchNode;
import org.songspace.vectors.Vectors;

/** export --to opensearch and similar --opensearch against a real OpenSearch node started here. */
class OpenSearchTest {
    static OpenSearchNode node;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        node = OpenSearchNode.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static List<String> ids(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(json).get("results")) {
            out.add(r.get("id").asText());
        }
        return out;
    }

    @Test
    void anIndexLoadsIntoOpenSearchAndAnswersLikeTheLocalOne() throws Exception {
        TestPipeline.Built built = TestPipeline.shared();
        String index = built.index().toString();
        CliRun export = CliRun.of("export", index, "--to", "opensearch", node.url(), "--index-name", "demo");
        assertEquals(0, export.exitCode(), export.toString());
        int dims = org.songspace.embed.TrackEmbedder.info(built.model()).dimension();
        assertTrue(export.out().contains("40 tracks x " + dims + " dims") && export.out().contains("(40 documents)"), export.out());
        CliRun again = CliRun.of("export", index, "--to", "opensearch", node.url(), "--index-name", "demo");
        assertTrue(again.out().contains("(40 documents)"), "loading again replaces by id: " + again.out());

        CliRun remote = CliRun.of("similar", "--opensearch", node.url(), "--index-name", "demo", "rock/rock.00000", "-k", "5",
                "--json");
        assertEquals(0, remote.exitCode(), remote.toString());
        CliRun local = CliRun.of("similar", index, "rock/rock.00000", "-k", "5", "--exact", "--json");
        assertEquals(ids(local.out()), ids(remote.out()), "OpenSearch finds what exact search finds");
        CliRun byFile = CliRun.of("similar", index, built.corpus().resolve("jazz/jazz.00001.wav").toString(), "--opensearch",
                node.url(), "--index-name", "demo", "-k", "3", "--json");
        assertEquals(0, byFile.exitCode(), byFile.toString());
        assertTrue(!ids(byFile.out()).contains("jazz/jazz.00001"), "an indexed file is not its own neighbour");

        new OpenSearchIndex(node.url(), "taken").create(128, "another-model");
        CliRun clash = CliRun.of("export", index, "--to", "opensearch", node.url(), "--index-name", "taken");
        assertEquals(2, clash.exitCode(), clash.toString());
        assertTrue(clash.err().contains("holds vectors of model another-model"), clash.err());
        CliRun unknown = CliRun.of("similar", "--opensearch", node.url(), "--index-name", "demo", "no/such-track");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no track with id 'no/such-track'"), unknown.err());
        CliRun noIndex = CliRun.of("similar", "--opensearch", node.url(), "--index-name", "nothing-here", "x");
        assertTrue(noIndex.err().contains("has no index nothing-here"), noIndex.err());
    }

    /** The query's ef_search keeps recall: 3000 clustered 64-d vectors, recall@10 against brute force. */
    @Test
    void knnRecallHoldsOnThousandsOfVectors() throws Exception {
        Random random = new Random(3);
        float[][] centres = new float[30][64];
        for (float[] c : centres) {
            for (int j = 0; j < 64; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        List<OpenSearchIndex.Document> docs = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            float[] v = centres[i % 30].clone();
            for (int j = 0; j < 64; j++) {
                v[j] += (float) (0.6 * random.nextGaussian());
            }
            v = Vectors.normalise(v);
            vectors.add(v);
            docs.add(new OpenSearchIndex.Document("t" + i, null, null, null, null, null, 0, null, "random", v));
        }
        OpenSearchIndex index = new OpenSearchIndex(node.url(), "recall");
        index.create(64, "random");
        index.bulk(docs);
        assertEquals(3000, index.count());
        double recall = 0;
        int queries = 50;
        for (int q = 0; q < queries; q++) {
            float[] query = vectors.get(q * 37);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> -Vectors.dot(query, vectors.get(i))));
            Set<String> exact = new HashSet<>();
            order.subList(0, 10).forEach(i -> exact.add("t" + i));
            recall += index.knn(query, 10, Set.of()).stream().filter(h -> exact.contains(h.document().id())).count() / 10.0;
        }
        recall /= queries;
        System.out.printf(java.util.Locale.ROOT, "OpenSearch k-NN recall@10 on 3000 x 64: %.3f%n", recall);
        assertTrue(recall >= 0.95, "recall@10 " + recall);
    }
}
