package org.songspace.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Files and byte arrays sent over HTTP the same way by every front end: {@code Range} answered per RFC 9110
 * ({@link ByteRange}), {@code If-Range} against {@code Last-Modified}, HEAD answered with GET's headers
 * and no body, and binary content types without a charset. The response is committed on return (even a
 * HEAD or a 416), so a caller can tell that nothing else is to be written.
 */
public final class FileResponses {
    /** Largest transfer per system call; a loop that makes no progress stops instead of spinning. */
    private static final long CHUNK = 1 << 20;

    /** RFC 9110's IMF-fixdate (two-digit day, English names, GMT). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private FileResponses() {
    }

    /** Sends {@code file} (or the part the request's Range asks for). */
    public static void sendFile(Context ctx, Path file, String contentType) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            String lastModified = httpDate(Files.getLastModifiedTime(file).toInstant());
            ByteRange range = rangeOf(ctx, length, lastModified);
            HttpServletResponse res = headers(ctx, range, length, contentType);
            res.setHeader("Last-Modified", lastModified);
            if (range.kind() == ByteRange.Kind.UNSATISFIABLE || isHead(ctx) || length == 0) {
                res.flushBuffer();
                return;
            }
            OutputStream out = res.getOutputStream();
            WritableByteChannel target = Channels.newChannel(out);
            long position = range.first();
            long remaining = range.length();
            while (remaining > 0) {
                long sent = channel.transferTo(position, Math.min(remaining, CHUNK), target);
                if (sent <= 0) {
                    // The file shrank under us: the promised length cannot be kept, so the connection is cut.
                    throw new IOException(file + " became shorter while it was being sent");
                }
                position += sent;
                remaining -= sent;
            }
            out.flush();
        }
    }

    /** Sends bytes made in memory (cover art, transcoded audio), with ranges as for a file. */
    public static void sendBytes(Context ctx, byte[] data, String contentType) throws IOException {
        ByteRange range = rangeOf(ctx, data.length, null);
        HttpServletResponse res = headers(ctx, range, data.length, contentType);
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE || isHead(ctx) || data.length == 0) {
            res.flushBuffer();
            return;
        }
        OutputStream out = res.getOutputStream();
        out.write(data, (int) range.first(), (int) range.length());
        out.flush();
    }

    private static ByteRange rangeOf(Context ctx, long length, String lastModified) {
        String ifRange = ctx.header("If-Range");
        if (ifRange != null && !ifRange.strip().equals(lastModified)) {
            // The client's copy is of another version (or it sent an entity tag we never made): all of it.
            return ByteRange.of(null, length);
        }
        return ByteRange.of(ctx.header("Range"), length);
    }

    private static HttpServletResponse headers(Context ctx, ByteRange range, long length, String contentType) {
        HttpServletResponse res = ctx.res();
        res.setHeader("Accept-Ranges", "bytes");
        switch (range.kind()) {
            case UNSATISFIABLE -> {
                res.setStatus(416);
                res.setHeader("Content-Range", range.contentRange(length));
                res.setContentLengthLong(0);
                return res;
            }
            case PART -> {
                res.setStatus(206);
                res.setHeader("Content-Range", range.contentRange(length));
            }
            case WHOLE -> res.setStatus(200);
        }
        binaryContentType(ctx, contentType);
        res.setContentLengthLong(range.kind() == ByteRange.Kind.WHOLE ? length : range.length());
        return res;
    }

    /** Sets a binary type as is: the server's default text charset must not be appended to audio or images. */
    public static void binaryContentType(Context ctx, String contentType) {
        HttpServletResponse res = ctx.res();
        res.setCharacterEncoding(null);
        res.setContentType(contentType);
    }

    public static boolean isHead(Context ctx) {
        return "HEAD".equalsIgnoreCase(ctx.req().getMethod());
    }

    private static String httpDate(Instant time) {
        return HTTP_DATE.format(time.atOffset(ZoneOffset.UTC));
    }
}
