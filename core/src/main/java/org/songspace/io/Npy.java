package org.songspace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy .npy files (format 1.0) holding little-endian C-order matrices of float32, or of float16 where
 * half the bytes are worth more than the precision (a library's feature cache: a step of at most 0.06 dB on
 * log-mel values), so Python users can {@code np.load} what songspace writes. Both read as floats.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** A float32 matrix read from or written to an .npy file; {@code shape} has one or two dimensions. */
    public record FloatArray(int[] shape, float[] data) {
        public int rows() {
            return shape[0];
        }

        public int cols() {
            return shape.length > 1 ? shape[1] : 1;
        }
    }

    /** Writes a float32 array of the given shape atomically. */
    public static void write(Path path, float[] data, int... shape) throws IOException {
        write(path, false, data, shape);
    }

    /** Writes a float16 array of the given shape atomically (each value rounded to the nearest half). */
    public static void writeHalf(Path path, float[] data, int... shape) throws IOException {
        write(path, true, data, shape);
    }

    private static void write(Path path, boolean half, float[] data, int... shape) throws IOException {
        long cells = 1;
        for (int d : shape) {
            cells *= d;
        }
        if (cells != data.length) {
            throw new IllegalArgumentException("shape does not match " + data.length + " values");
        }
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        if (shape.length > 1) {
            dims.setLength(dims.length() - 2);
        } else {
            dims.setLength(dims.length() - 1);
        }
        String dict = "{'descr': '" + (half ? "<f2" : "<f4") + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        // Header (magic + version + length + dict + newline) is padded to a multiple of 64 bytes.
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        AtomicFiles.write(path, out -> writeTo(out, header, data, half));
    }

    private static void writeTo(OutputStream out, String header, float[] data, boolean half) throws IOException {
        out.write(MAGIC);
        out.write(new byte[] {1, 0});
        out.write(header.length() & 0xff);
        out.write((header.length() >> 8) & 0xff);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            if (half) {
                buf.putShort(Half.fromFloat(v));
            } else {
                buf.putFloat(v);
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** Reads a little-endian float32 or float16, C-order .npy file. */
    public static FloatArray read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length < 10 || bytes[0] != MAGIC[0] || bytes[1] != 'N' || bytes[5] != 'Y') {
            throw new IOException(path + ": not a NumPy .npy file");
        }
        int major = bytes[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            start = 10;
        } else {
            headerLen = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            start = 12;
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.US_ASCII);
        boolean half = header.contains("'<f2'");
        if (!half && !header.contains("'<f4'") || header.contains("'fortran_order': True")) {
            throw new IOException(path + ": expected little-endian float32 or float16 in C order, header is " + header.trim());
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IOException(path + ": .npy header has no shape");
        }
        String[] parts = m.group(1).split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                shape[count++] = Integer.parseInt(p.trim());
            }
        }
        shape = java.util.Arrays.copyOf(shape, count);
        long cells = 1;
        for (int d : shape) {
            cells *= d;
        }
        int offset = start + headerLen;
        int width = half ? 2 : 4;
        if (bytes.length - offset < cells * width) {
            throw new IOException(path + ": truncated .npy (expected " + cells + (half ? " float16" : " float32") + " values)");
        }
        float[] data = new float[(int) cells];
        ByteBuffer values = ByteBuffer.wrap(bytes, offset, (int) cells * width).order(ByteOrder.LITTLE_ENDIAN);
        if (half) {
            for (int i = 0; i < data.length; i++) {
                data[i] = Half.toFloat(values.getShort());
            }
        } else {
            values.asFloatBuffer().get(data);
        }
        return new FloatArray(shape, data);
    }
}
