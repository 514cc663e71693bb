package org.songspace.companion;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.songspace.access.Accounts;
import org.songspace.io.Json;
import org.songspace.io.UserError;

/**
 * A Subsonic or OpenSubsonic server songspace talks to as a client (Navidrome, gonic, Ampache, Supysonic,
 * or songspace itself). Logs in with a token and salt, or falls back to the (hex-encoded) password for
 * servers that cannot check tokens; or with an OpenSubsonic API key. A refused call is a {@link UserError}
 * naming the call and the server's answer.
 */
public final class RemoteServer {
    static final String CLIENT = "songspace-sync";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_GET_QUERY = 4000;

    private final String base;
    private final String user;
    private final String password;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SecureRandom random = new SecureRandom();
    private boolean tokens = true;

    private RemoteServer(String url, String user, String password, String apiKey) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.user = user;
        this.password = password;
        this.apiKey = apiKey;
    }

    /** Connects and checks the credentials with a ping (falling back from tokens to the password). */
    public static RemoteServer connect(String url, String user, String password, String apiKey) throws IOException {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new UserError("--server " + url + ": give the server's address as http://HOST:PORT (or https://)");
        }
        RemoteServer server = new RemoteServer(url, user, password, apiKey);
        if (apiKey == null) {
            JsonNode ping = server.send("ping", List.of());
            if (!ok(ping) && password != null) {
                server.tokens = false;
            }
        }
        server.call("ping");
        return server;
    }

    /** Calls {@code method} with name/value pairs (names may repeat); the envelope of a successful answer. */
    public JsonNode call(String method, String... pairs) throws IOException {
        JsonNode envelope = send(method, List.of(pairs));
        if (!ok(envelope)) {
            JsonNode error = envelope.path("error");
            throw new UserError(base + " refused " + method + ": " + error.path("message").asText("no reason given")
                    + " (error " + error.path("code").asText("?") + ")");
        }
        return envelope;
    }

    private static boolean ok(JsonNode envelope) {
        return "ok".equals(envelope.path("status").asText());
    }

    private JsonNode send(String method, List<String> pairs) throws IOException {
        StringBuilder query = new StringBuilder(auth()).append("&v=1.16.1&c=").append(CLIENT).append("&f=json");
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            query.append('&').append(encode(pairs.get(i))).append('=').append(encode(pairs.get(i + 1)));
        }
        // GET as every server takes it; a form POST only for long calls (a playlist's thousand songs).
        HttpRequest request = query.length() <= MAX_GET_QUERY
                ? HttpRequest.newBuilder(URI.create(base + "/rest/" + method + "?" + query)).timeout(TIMEOUT).build()
                : HttpRequest.newBuilder(URI.create(base + "/rest/" + method))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(query.toString())).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + method, e);
        } catch (IOException e) {
            throw new UserError(base + " did not answer " + method + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new UserError(base + " answered " + method + " with HTTP " + response.statusCode()
                    + " (is this a Subsonic server? does it take form posts?)");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UserError(base + " answered " + method + " with something that is not JSON", e);
        }
        JsonNode envelope = body == null ? null : body.get("subsonic-response");
        if (envelope == null) {
            throw new UserError(base + " answered " + method + " without a subsonic-response");
        }
        return envelope;
    }

    private String auth() {
        if (apiKey != null) {
            return "apiKey=" + encode(apiKey);
        }
        if (!tokens) {
            return "u=" + encode(user) + "&p=enc:" + HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8));
        }
        byte[] saltBytes = new byte[8];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return "u=" + encode(user) + "&t=" + Accounts.md5Hex(password + salt) + "&s=" + salt;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public String url() {
        return base;
    }

    public String user() {
        return user;
    }
}
