package org.songspace.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.songspace.io.UserError;

/**
 * The client's back-pressure and error handling against a scripted HTTP server (the real engine is in
 * OpenSearchTest): 429s are waited out, a refused document is named, a dead URL is the user's error.
 */
class OpenSearchIndexTest {
    private static HttpServer server(List<Integer> bulkStatuses, String bulkBody, AtomicInteger bulkCalls) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String body = "{}";
            if (path.equals("/_bulk")) {
                int call = bulkCalls.getAndIncrement();
                status = call < bulkStatuses.size() ? bulkStatuses.get(call) : 200;
                body = status == 200 ? bulkBody : "{\"error\":\"too many requests\"}";
            } else if (path.endsWith("/_count")) {
                body = "{\"count\":2}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        s.start();
        return s;
    }

    private static List<OpenSearchIndex.Document> docs() {
        List<OpenSearchIndex.Document> out = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            out.add(new OpenSearchIndex.Document(id, null, null, null, null, null, 0, null, "m", new float[] {1, 0}));
        }
        return out;
    }

    @Test
    void backPressureIsWaitedOutAndEveryItemIsChecked() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer ok = server(List.of(429, 429), "{\"errors\":false,\"items\":[]}", calls);
        try {
            new OpenSearchIndex("http://127.0.0.1:" + ok.getAddress().getPort(), "songs").bulk(docs());
            assertEquals(3, calls.get(), "two 429s, then the bulk went through");
        } finally {
            ok.stop(0);
        }
        HttpServer refusing = server(List.of(), "{\"errors\":true,\"items\":[{\"index\":{\"_id\":\"a\",\"status\":201}},"
                + "{\"index\":{\"_id\":\"b\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\","
                + "\"reason\":\"wrong dimension\"}}}]}", new AtomicInteger());
        try {
            IOException e = assertThrows(IOException.class, () -> new OpenSearchIndex("http://127.0.0.1:"
                    + refusing.getAddress().getPort(), "songs").bulk(docs()));
            assertTrue(e.getMessage().contains("document b refused: mapper_parsing_exception: wrong dimension"), e.getMessage());
        } finally {
            refusing.stop(0);
        }
        UserError dead = assertThrows(UserError.class, () -> new OpenSearchIndex("http://127.0.0.1:1", "songs").get("x"));
        assertTrue(dead.getMessage().contains("does not answer"), dead.getMessage());
        assertThrows(UserError.class, () -> new OpenSearchIndex("localhost:9200", "songs"));
        assertThrows(UserError.class, () -> new OpenSearchIndex("http://localhost:9200", "Bad Name"));
    }
}
