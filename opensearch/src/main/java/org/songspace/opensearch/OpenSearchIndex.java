package org.songspace.opensearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.songspace.audio.TrackTags;
import org.songspace.io.UserError;

/**
 * One OpenSearch k-NN index of songs over its REST API (plain HTTP, so no client library pins Jackson or
 * Netty here): creates it with the mapping songspace needs, bulk-loads documents with back-pressure, and
 * answers k-NN queries. The vector field is a {@code knn_vector} of the model's dimension, HNSW on the
 * Lucene engine with cosine similarity (the only engine in Maven Central's k-NN plugin build); queries set
 * {@code ef_search} to at least {@value #MIN_EF_SEARCH}, since the default (= k) gave recall@10 0.28 on 20k
 * vectors where 400 gave 1.00.
 */
public final class OpenSearchIndex {
    public static final String DEFAULT_NAME = "songspace";
    static final int MIN_EF_SEARCH = 400;
    /** Documents per bulk request (a few MB with 128-d vectors and tags). */
    static final int BULK_DOCUMENTS = 500;
    static final int RETRIES = 6;

    /** A song as stored: what {@code similar} shows, plus the vector and the model that made it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(String id, String title, String label, String artist, String album, String path, double duration,
                           TrackTags tags, @JsonProperty("model_id") String modelId, float[] embedding) {
    }

    /** A k-NN result: the document (without its vector) and its cosine similarity to the query. */
    public record Hit(Document document, double similarity) {
    }

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI base;
    private final String name;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public OpenSearchIndex(String url, String name) {
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new UserError("OpenSearch index name '" + name + "': lower-case letters, digits, '_', '-' and '.' only");
        }
        try {
            URI u = URI.create(url.endsWith("/") ? url : url + "/");
            if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            this.base = u;
        } catch (IllegalArgumentException e) {
            throw new UserError("--opensearch/--to " + url + ": expected a URL like http://localhost:9200", e);
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Creates the index for vectors of {@code dimension} made by {@code modelId}, or checks that the existing
     * one was (vectors of different models cannot share an index).
     */
    public void create(int dimension, String modelId) throws IOException {
        Response head = once("GET", name + "/_mapping");
        if (head.status() == 200) {
            JsonNode meta = head.json().path(name).path("mappings").path("_meta");
            String existing = meta.path("model_id").asText(null);
            if (existing != null && !existing.equals(modelId)) {
                throw new UserError("OpenSearch index " + name + " holds vectors of model " + existing + ", not " + modelId
                        + "; use another --opensearch-index, or delete it");
            }
            return;
        }
        Map<String, Object> method = Map.of("name", "hnsw", "engine", "lucene", "space_type", "cosinesimil",
                "parameters", Map.of("m", 16, "ef_construction", 128));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("embedding", Map.of("type", "knn_vector", "dimension", dimension, "method", method));
        for (String keyword : List.of("id", "label", "artist", "album", "path", "model_id")) {
            properties.put(keyword, Map.of("type", "keyword"));
        }
        properties.put("title", Map.of("type", "text"));
        properties.put("duration", Map.of("type", "double"));
        properties.put("tags", Map.of("type", "object", "enabled", false));
        Map<String, Object> body = Map.of("settings", Map.of("index.knn", true),
                "mappings", Map.of("_meta", Map.of("model_id", modelId), "properties", properties));
        Response created = send("PUT", name, JSON.writeValueAsString(body), "application/json");
        if (created.status() != 200) {
            throw new IOException("OpenSearch refused to create index " + name + ": HTTP " + created.status() + " " + created.body());
        }
    }

    /** Loads documents in bulk requests; every item must succeed ({@code errors:false}), else it says which failed. */
    public void bulk(List<Document> documents) throws IOException {
        for (int from = 0; from < documents.size(); from += BULK_DOCUMENTS) {
            StringBuilder ndjson = new StringBuilder();
            for (Document d : documents.subList(from, Math.min(documents.size(), from + BULK_DOCUMENTS))) {
                ndjson.append(JSON.writeValueAsString(Map.of("index", Map.of("_index", name, "_id", d.id())))).append('\n')
                        .append(JSON.writeValueAsString(d)).append('\n');
            }
            JsonNode answer = sendRetrying("POST", "_bulk", ndjson.toString(), "application/x-ndjson").json();
            if (answer.path("errors").asBoolean(true)) {
                for (JsonNode item : answer.path("items")) {
                    JsonNode error = item.path("index").path("error");
                    if (!error.isMissingNode()) {
                        throw new IOException("OpenSearch bulk: document " + item.path("index").path("_id").asText() + " refused: "
                                + error.path("type").asText() + ": " + error.path("reason").asText());
                    }
                }
                throw new IOException("OpenSearch bulk answered errors:true without item errors: " + answer);
            }
        }
        sendRetrying("POST", name + "/_refresh", null, null);
    }

    /** The document with this id, with its vector. */
    public Optional<Document> get(String id) throws IOException {
        Response r = once("GET", name + "/_doc/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw new IOException("OpenSearch get " + id + ": HTTP " + r.status() + " " + r.body());
        }
        return Optional.of(JSON.treeToValue(r.json().path("_source"), Document.class));
    }

    /** The model whose vectors the index holds (from its mapping), or empty when the index does not exist. */
    public Optional<String> modelId() throws IOException {
        Response r = once("GET", name + "/_mapping");
        if (r.status() != 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(r.json().path(name).path("mappings").path("_meta").path("model_id").asText(null));
    }

    /** Documents in the index. */
    public long count() throws IOException {
        return sendRetrying("GET", name + "/_count", null, null).json().path("count").asLong();
    }

    /** The k nearest documents to {@code vector} (unit length), leaving out {@code exclude}. */
    public List<Hit> knn(float[] vector, int k, Set<String> exclude) throws IOException {
        int wanted = k + exclude.size();
        Map<String, Object> knn = Map.of("embedding", Map.of("vector", vector, "k", wanted,
                "method_parameters", Map.of("ef_search", Math.max(MIN_EF_SEARCH, 2 * wanted))));
        Map<String, Object> query = exclude.isEmpty() ? Map.of("knn", knn)
                : Map.of("bool", Map.of("must", List.of(Map.of("knn", knn)), "must_not", List.of(Map.of("ids",
                        Map.of("values", List.copyOf(exclude))))));
        Map<String, Object> body = Map.of("size", k, "query", query, "_source", Map.of("excludes", List.of("embedding")));
        JsonNode answer = sendRetrying("POST", name + "/_search", JSON.writeValueAsString(body), "application/json").json();
        List<Hit> hits = new ArrayList<>();
        for (JsonNode h : answer.path("hits").path("hits")) {
            // The Lucene engine's cosinesimil score is (1 + cos) / 2.
            hits.add(new Hit(JSON.treeToValue(h.path("_source"), Document.class), 2 * h.path("_score").asDouble() - 1));
        }
        return hits;
    }

    private record Response(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /**
     * Sends, and on back-pressure (429), a server error or a broken connection waits and tries again
     * (0.5 s doubling, {@value #RETRIES} tries); any other status is the caller's to judge.
     */
    private Response sendRetrying(String method, String path, String body, String type) throws IOException {
        long wait = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                Response r = send(method, path, body, type);
                if ((r.status() == 429 || r.status() >= 500) && attempt < RETRIES) {
                    pause(wait);
                    wait *= 2;
                    continue;
                }
                if (r.status() >= 300) {
                    throw new IOException("OpenSearch " + method + " " + path + ": HTTP " + r.status() + " " + r.body());
                }
                return r;
            } catch (java.net.ConnectException e) {
                if (attempt >= RETRIES) {
                    throw new UserError("OpenSearch at " + base + " does not answer (connection refused)", e);
                }
                pause(wait);
                wait *= 2;
            }
        }
    }

    /** One request whose status the caller judges; no node at the URL is the user's error. */
    private Response once(String method, String path) throws IOException {
        try {
            return send(method, path, null, null);
        } catch (java.net.ConnectException e) {
            throw new UserError("OpenSearch at " + base + " does not answer (connection refused)", e);
        }
    }

    private Response send(String method, String path, String body, String type) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to OpenSearch", e);
        }
    }

    private static void pause(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for OpenSearch", e);
        }
    }
}
