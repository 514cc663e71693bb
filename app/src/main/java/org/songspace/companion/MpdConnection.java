package org.songspace.companion;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MPD's protocol, plain text over TCP: a command a line (arguments quoted), answered by "key: value" lines
 * and "OK", or "ACK [...] message". Written here rather than taken from a Java MPD library because songspace
 * needs six commands (status, playlistinfo, listall, add, idle, password) and the protocol is a page long.
 */
final class MpdConnection implements Closeable {
    /** One "key: value" line of an answer. */
    record Pair(String key, String value) {
    }

    static final int CONNECT_TIMEOUT_MS = 5000;

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final String where;

    MpdConnection(String host, int port) throws IOException {
        this.where = host + ":" + port;
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        String hello = in.readLine();
        if (hello == null || !hello.startsWith("OK MPD ")) {
            close();
            throw new IOException(where + " is not MPD (it said " + hello + ")");
        }
    }

    /** Sends one command; its answer's pairs, or an IOException with MPD's message. */
    List<Pair> command(String name, String... args) throws IOException {
        StringBuilder line = new StringBuilder(name);
        for (String a : args) {
            line.append(" \"").append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<Pair> pairs = new ArrayList<>();
        while (true) {
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException(where + " closed the connection during " + name);
            }
            if (reply.equals("OK")) {
                return pairs;
            }
            if (reply.startsWith("ACK ")) {
                throw new IOException("MPD refused " + name + ": " + reply.substring(4));
            }
            int colon = reply.indexOf(": ");
            if (colon > 0) {
                pairs.add(new Pair(reply.substring(0, colon), reply.substring(colon + 2)));
            }
        }
    }

    /** The first value of {@code key} in an answer, or null. */
    static String value(List<Pair> pairs, String key) {
        return pairs.stream().filter(p -> p.key().equals(key)).map(Pair::value).findFirst().orElse(null);
    }

    /** Every value of {@code key}, in order. */
    static List<String> values(List<Pair> pairs, String key) {
        return pairs.stream().filter(p -> p.key().equals(key)).map(Pair::value).toList();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
