package org.songspace.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.songspace.audio.WavWriter;

/** Tiny generated audio files for dataset tests (a tone; AU when the name ends in .au, else WAV). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path tone(Path file, double seconds, double freq) throws IOException {
        int rate = 8000;
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * freq * i / rate));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (file.toString().endsWith(".au")) {
            ByteBuffer b = ByteBuffer.allocate(24 + 2 * x.length);
            b.put(".snd".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(24).putInt(2 * x.length)
                    .putInt(3).putInt(rate).putInt(1);
            for (float v : x) {
                b.putShort((short) Math.round(v * 32767));
            }
            Files.write(file, b.array());
        } else {
            WavWriter.write(file, x, rate, 1);
        }
        return file;
    }

    public static Path tone(Path file) throws IOException {
        return tone(file, 0.1, 440);
    }
}
