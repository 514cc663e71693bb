package org.songspace.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real single-node OpenSearch 2.19.1 for tests, from the Maven Central artifacts the build unpacks into
 * {@code target/opensearch} (the integ-test distribution, the k-NN plugin, lang-painless's jars): copied to
 * a scratch folder, lang-painless laid out as a module, started on free ports of 127.0.0.1 with a 512 MB
 * heap, as uid 65534 when the tests run as root (OpenSearch refuses root). Stopped and deleted on close.
 */
public final class OpenSearchNode implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Process process;
    private final Path dir;
    private final String url;

    private OpenSearchNode(Process process, Path dir, String url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
    }

    public String url() {
        return url;
    }

    public static OpenSearchNode start() throws Exception {
        String home = System.getProperty("songspace.opensearch.home");
        assumeTrue(home != null && Files.isRegularFile(Path.of(home, "bin", "opensearch")),
                "no OpenSearch distribution unpacked by the build (songspace.opensearch.home=" + home + "): skipped");
        Path dir = Files.createTempDirectory("songspace-opensearch");
        copyTree(Path.of(home), dir);
        layOutPainless(dir.resolve("modules/lang-painless"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "65534:65534", dir.toString()));
        }
        int http = freePort();
        int transport = freePort();
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(dir.resolve("bin/opensearch").toString(), "-Ediscovery.type=single-node",
                "-Ehttp.host=127.0.0.1", "-Ehttp.port=" + http, "-Etransport.host=127.0.0.1", "-Etransport.port=" + transport,
                "-Enode.name=songspace-test", "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        pb.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        OpenSearchNode node = new OpenSearchNode(p, dir, "http://127.0.0.1:" + http);
        try {
            node.awaitUp();
        } catch (Exception | AssertionError e) {
            String log = Files.exists(dir.resolve("console.log")) ? tail(Files.readString(dir.resolve("console.log"))) : "";
            node.close();
            throw new IllegalStateException("OpenSearch did not start: " + e.getMessage() + "\n" + log, e);
        }
        return node;
    }

    private void awaitUp() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no answer within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** Maven Central has lang-painless only as jars: a module folder needs its descriptor and policy. */
    private static void layOutPainless(Path module) throws IOException {
        Files.writeString(module.resolve("plugin-descriptor.properties"), String.join("\n",
                "description=Painless scripting, laid out from its Maven Central jars",
                "version=2.19.1", "name=lang-painless", "classname=org.opensearch.painless.PainlessPlugin",
                "java.version=11", "opensearch.version=2.19.1", "custom.foldername=", "extended.plugins=",
                "has.native.controller=false", ""));
        Files.writeString(module.resolve("plugin-security.policy"), "grant {\n"
                + "  permission java.lang.RuntimePermission \"createClassLoader\";\n"
                + "  permission java.lang.RuntimePermission \"getClassLoader\";\n};\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
