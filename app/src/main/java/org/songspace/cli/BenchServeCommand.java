package org.songspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.songspace.io.Json;
import org.songspace.io.UserError;
import org.songspace.similarity.SimilarityService;
import org.songspace.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve an index as `songspace serve --users` does (on 127.0.0.1, a throw-away user, state in a "
                + "temporary folder) and time what media players ask most: --clients concurrent clients each send "
                + "getSimilarSongs2 (the radio button, for a random artist) and search3 (a word of a random title) in turn. "
                + "Prints p50/p99 latency and throughput per method, and the process's resident memory before and after."},
        footer = {"", "Examples:", "  ./songspace bench serve music-index",
            "  ./songspace bench serve music-index --clients 8 --requests 4000"})
final class BenchServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INDEX", description = "An index folder written by index.")
    Path indexDir;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "2000", description = "Timed requests in all, half of each method (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "200", description = "Untimed requests first (default: ${DEFAULT-VALUE}).")
    int warmup;

    private record Call(String method, String query) {
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || requests < 2) {
            throw new UserError("--clients must be 1 or more and --requests 2 or more");
        }
        Path work = Files.createTempDirectory("songspace-bench-serve");
        try {
            Path users = work.resolve("users");
            Files.writeString(users, "bench:bench\n");
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
            List<String> titles;
            try (SimilarityService service = SimilarityService.open(indexDir)) {
                titles = service.tracks().stream().map(t -> t.title() == null ? t.id() : t.title()).toList();
            }
            try (WebServer server = new WebServer(indexDir, users, null, work.resolve("state"))) {
                String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/rest/";
                long rssStart = rssKb();
                List<Call> calls = calls(artistIds(base), titles, warmup + requests);
                run(base, calls.subList(0, warmup));
                long[][] times = run(base, calls.subList(warmup, calls.size()));
                report(calls.subList(warmup, calls.size()), times, rssStart);
            }
        } finally {
            org.songspace.io.AtomicFiles.deleteTree(work);
        }
        return 0;
    }

    /** Alternating radio and search calls over random artists and title words (fixed seed: rerunnable). */
    private static List<Call> calls(List<String> artistIds, List<String> titles, int n) {
        Random random = new Random(42);
        List<Call> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                out.add(new Call("getSimilarSongs2", "count=50&id=" + artistIds.get(random.nextInt(artistIds.size()))));
            } else {
                String[] words = titles.get(random.nextInt(titles.size())).split("\\s+");
                out.add(new Call("search3", "songCount=20&query=" + URLEncoder.encode(words[random.nextInt(words.length)],
                        StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** The artists as a client sees them (getArtists). */
    private static List<String> artistIds(String base) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "getArtists?u=bench&p=bench&v=1.16.1&c=bench&f=json")).build(), HttpResponse.BodyHandlers.ofByteArray());
        List<String> ids = new ArrayList<>();
        for (JsonNode index : Json.mapper().readTree(r.body()).get("subsonic-response").get("artists").path("index")) {
            index.path("artist").forEach(a -> ids.add(a.get("id").asText()));
        }
        if (ids.isEmpty()) {
            throw new UserError(base + " lists no artists");
        }
        return ids;
    }

    /** Runs the calls on --clients threads; returns each call's nanoseconds (index = call). */
    private long[][] run(String base, List<Call> calls) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long[] nanos = new long[calls.size()];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = client; i < calls.size(); i += clients) {
                        Call call = calls.get(i);
                        long start = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + call.method() + "?u=bench&p=bench"
                                + "&v=1.16.1&c=bench&f=json&" + call.query())).build(), HttpResponse.BodyHandlers.ofByteArray());
                        nanos[i] = System.nanoTime() - start;
                        JsonNode e = Json.mapper().readTree(r.body()).get("subsonic-response");
                        if (!"ok".equals(e.get("status").asText())) {
                            throw new IllegalStateException(call + " failed: " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new long[][] {nanos, {System.nanoTime() - t0}};
    }

    private void report(List<Call> calls, long[][] times, long rssStart) {
        double wall = times[1][0] / 1e9;
        System.out.printf(Locale.ROOT, "bench serve: %s, %d clients, %d requests in %.1f s = %.0f requests/s%n",
                indexDir, clients, calls.size(), wall, calls.size() / wall);
        for (String method : List.of("getSimilarSongs2", "search3")) {
            long[] own = new long[calls.size()];
            int n = 0;
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).method().equals(method)) {
                    own[n++] = times[0][i];
                }
            }
            long[] sorted = Arrays.copyOf(own, n);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-17s %5d calls  p50 %7.1f ms  p99 %7.1f ms%n", method, n,
                    sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
        }
        System.out.printf(Locale.ROOT, "  resident memory: %d MB after start, %d MB after the run%n", rssStart / 1024, rssKb() / 1024);
    }

    /** This process's resident set (Linux /proc), in kB; 0 where unknown. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
