package org.songspace.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Half precision as NumPy's float16: exact round trips, nearest rounding, and .npy files that read back. */
class HalfTest {

    @Test
    void everyHalfSurvivesARoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short h = (short) bits;
            float f = Half.toFloat(h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(f))));
            } else {
                assertEquals(h, Half.fromFloat(f), "half 0x" + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void knownValuesAndRounding() {
        assertEquals(1.0f, Half.toFloat((short) 0x3c00));
        assertEquals(-2.0f, Half.toFloat((short) 0xc000));
        assertEquals(65504f, Half.toFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(Half.fromFloat(1e6f)));
        assertEquals((short) 0x3c00, Half.fromFloat(1.0f + 0x1p-11f), "a tie rounds to the even neighbour");
        assertEquals((short) 0x3c02, Half.fromFloat(1.0f + 3 * 0x1p-11f), "a tie rounds to the even neighbour (up)");
        // Log-mel dB values: within half a step of the value; a step is at most 0.0625 below 128 dB.
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            float db = (float) (random.nextDouble() * 200 - 120);
            assertTrue(Math.abs(Half.toFloat(Half.fromFloat(db)) - db) <= 0.03125f, "dB " + db);
        }
    }

    @Test
    void halfNpyFilesReadBackAsFloats(@TempDir Path dir) throws Exception {
        float[] values = {-80.25f, 0f, 1.5f, 12.0625f, -3.75f, 40f};
        Path file = dir.resolve("m.npy");
        Npy.writeHalf(file, values, 2, 3);
        Npy.FloatArray read = Npy.read(file);
        assertArrayEquals(new int[] {2, 3}, read.shape());
        assertArrayEquals(values, read.data(), "these values are exact halves");
        assertEquals(0, (java.nio.file.Files.size(file) - 12) % 64, "a header padded to 64 bytes and two bytes a value");
    }
}
