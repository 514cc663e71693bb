package org.songspace.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.songspace.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the web map of an index: the library as a map (zoom, pan, hover), click to play a track "
                + "and list its neighbours, search by name, upload a file to see where it lands. JSON API under /api "
                + "(/api/similar, /api/mix, /api/path).",
            "With --users FILE everything needs a login, and it is also a Subsonic server (/rest, API 1.16.1 + OpenSubsonic sonicSimilarity): point a "
                + "Subsonic client at http://HOST:PORT with a user of FILE for instant mixes and paths between songs."},
        footer = {"", "Examples:", "  ./songspace serve music-index --port 8080   # then open http://127.0.0.1:8080/",
            "  ./songspace serve music-index --users ~/.songspace-users --host 0.0.0.0 --port 4533"})
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index.")
    Path indexDir;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 shares it on the "
                    + "network and needs --users).")
    String host;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Who may use the server: one name:password a line (the password is everything after the "
                    + "first colon). Everything then needs a login: the map and /api (login page, or the Subsonic "
                    + "credential parameters for scripts) and the Subsonic API. Readable and writable by its owner "
                    + "only (chmod 600); read again when it changes. Needed for any --host but loopback.")
    Path users;

    @Option(names = "--api-keys", paramLabel = "FILE",
            description = "OpenSubsonic API keys: one name:key a line for users of --users, keys of 16+ characters "
                    + "(e.g. openssl rand -hex 24); chmod 600; read again when it changes.")
    Path apiKeys;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where listeners' playlists, stars, ratings, plays, bookmarks and play queues are kept "
                    + "(default: the index folder; file songspace-state.db). Re-indexing keeps them.")
    Path data;

    @Override
    public Integer call() throws Exception {
        WebServer server = new WebServer(indexDir, users, apiKeys, data);
        int bound;
        try {
            bound = server.start(host, port);
        } catch (RuntimeException e) {
            // Nothing half-open: the index, the models and the HTTP threads all go before we exit.
            server.close();
            throw e;
        }
        System.out.printf(Locale.ROOT, "serve: http://%s:%d/ (Ctrl-C to stop)%n", host, bound);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        new CountDownLatch(1).await();
        return 0;
    }
}
