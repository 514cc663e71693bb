package org.songspace.audio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java readers (WAV, AU) take bytes from anyone, uploads included: whatever the bytes, they give
 * audio or an {@link AudioFormatException}, never another exception (a server would answer that with a 500).
 */
class PcmHeaderFuzzTest {
    /** The 120-byte WAV from the report: a LIST chunk declaring 0x7FFFFFFF bytes before 'fmt '. */
    static byte[] wavWithHugeListChunk() {
        ByteBuffer b = ByteBuffer.allocate(120).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(112).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(0x7FFFFFFF);
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(64);
        return b.array();
    }

    @Test
    void hugeChunkSizeIsAFormatErrorNotACrash() {
        assertThrows(AudioFormatException.class, () -> AudioLoader.decodeInMemory(wavWithHugeListChunk()));
        for (int size : new int[] {0x7FFFFFF7, 0x7FFFFFFE, 0x80000000, 0xFFFFFFF0, 0xFFFFFFFF}) {
            byte[] wav = wavWithHugeListChunk();
            ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(16, size);
            decodesOrRefuses(wav, "LIST size " + Integer.toUnsignedString(size));
        }
    }

    @Test
    void randomDamageToWavAndAuHeaders() {
        byte[] wav = WavWriter.pcm16(new float[400], 8000, 2);
        byte[] au = auHeader(400);
        Random random = new Random(21);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] base = trial % 2 == 0 ? wav : au;
            byte[] damaged = java.util.Arrays.copyOf(base, random.nextInt(base.length + 1));
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips && damaged.length > 4; f++) {
                int at = 4 + random.nextInt(Math.min(damaged.length - 4, 60));
                damaged[at] = (byte) (random.nextInt(4) == 0 ? 0xFF : random.nextInt(256));
            }
            decodesOrRefuses(damaged, "trial " + trial);
        }
    }

    private static byte[] auHeader(int samples) {
        ByteBuffer b = ByteBuffer.allocate(24 + 2 * samples).order(ByteOrder.BIG_ENDIAN);
        b.put(".snd".getBytes(StandardCharsets.US_ASCII)).putInt(24).putInt(2 * samples).putInt(3).putInt(8000).putInt(1);
        return b.array();
    }

    private static void decodesOrRefuses(byte[] data, String what) {
        try {
            AudioLoader.decodeInMemory(data);
        } catch (AudioFormatException expected) {
            // refused with a reason: fine
        } catch (RuntimeException | OutOfMemoryError e) {
            fail(what + ": " + e, e);
        }
    }
}
