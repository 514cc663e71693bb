package org.songspace.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The map's page, script and style sheet, and the login page, read from the classpath ({@code /web}) once.
 * Served by routes of our own rather than a static-file handler, so that they pass the same access gate as
 * everything else.
 */
final class StaticPages {
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/index.html", "index.html",
            "/app.js", "app.js", "/style.css", "style.css");

    private final Map<String, byte[]> content = new java.util.HashMap<>();
    private final String loginPage;

    StaticPages() {
        for (String name : FILES.values()) {
            content.put(name, resource(name));
        }
        loginPage = new String(resource("login.html"), StandardCharsets.UTF_8);
    }

    void register(Javalin app) {
        FILES.forEach((path, name) -> {
            app.get(path, ctx -> send(ctx, name));
            app.head(path, ctx -> send(ctx, name));
        });
    }

    private void send(Context ctx, String name) {
        ctx.contentType(type(name)).result(content.get(name));
    }

    void login(Context ctx, boolean failed, boolean busy) {
        String message = busy ? "Too many failed attempts from here: wait a few minutes."
                : failed ? "Wrong name or password." : "";
        ctx.contentType("text/html; charset=utf-8").result(loginPage.replace("{{message}}", message));
    }

    private static String type(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return name.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    }

    private static byte[] resource(String name) {
        try (InputStream in = StaticPages.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/web/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
