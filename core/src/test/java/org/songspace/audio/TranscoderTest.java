package org.songspace.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stereo 44.1 kHz WAV re-encoded to MP3 and Opus at a bit rate decodes back to the same length and tone. */
class TranscoderTest {
    @TempDir
    Path tmp;

    static float[] stereoTone(int rate, double seconds) {
        int n = (int) (rate * seconds);
        float[] interleaved = new float[2 * n];
        for (int i = 0; i < n; i++) {
            interleaved[2 * i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / rate));
            interleaved[2 * i + 1] = (float) (0.4 * Math.sin(2 * Math.PI * 660 * i / rate));
        }
        return interleaved;
    }

    @Test
    void mp3AndOpusAtABitRate() throws Exception {
        assumeTrue(FfmpegDecoder.available(), "FFmpeg's natives did not load: " + FfmpegDecoder.unavailableReason());
        Path wav = tmp.resolve("tone.wav");
        WavWriter.write(wav, stereoTone(44_100, 12), 44_100, 2);
        for (Transcoder.Target target : Transcoder.Target.values()) {
            Path out = tmp.resolve("tone." + target.suffix);
            Transcoder.transcode(wav, target, 96, out, 60);
            byte[] head = Files.readAllBytes(out);
            String magic = new String(head, 0, 4, StandardCharsets.ISO_8859_1);
            assertTrue(target == Transcoder.Target.MP3 ? magic.startsWith("ID3") || (head[0] & 0xFF) == 0xFF : magic.equals("OggS"),
                    target + " starts with " + magic);
            double kbps = head.length * 8 / 12.0 / 1000;
            assertTrue(kbps > 60 && kbps < 140, target + " at 96 kb/s came out at " + kbps + " kb/s");
            AudioClip back = AudioLoader.decode(out);
            assertEquals(2, back.sourceChannels(), target + " keeps the channels");
            assertEquals(12.0, back.durationSeconds(), 0.1, target + " keeps the length");
        }
    }

    @Test
    void notAudioIsAFormatError() throws Exception {
        assumeTrue(FfmpegDecoder.available(), "FFmpeg's natives did not load");
        Path text = Files.writeString(tmp.resolve("notes.mp3"), "not audio at all");
        assertThrows(AudioFormatException.class, () -> Transcoder.transcode(text, Transcoder.Target.MP3, 128, tmp.resolve("x.mp3"), 10));
    }
}
