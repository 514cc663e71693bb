package org.songspace.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.songspace.audio.AudioClip;
import org.songspace.audio.AudioLoader;
import org.songspace.testing.SharedData;

/** Features against librosa 0.9.2's own outputs in ../shared/reference/librosa-0.9.2. */
class LibrosaParityTest {
    private static final String REF = "reference/librosa-0.9.2/";
    private final LogMelExtractor extractor = new LogMelExtractor(FeatureConfig.librosaDefaults());

    @Test
    void filterbankMatchesLibrosaWithin1e6() throws IOException {
        float[] ref = SharedData.readF32(SharedData.require(REF + "mel_filterbank_22050_2048_128.f32"));
        float[][] ours = extractor.filterbank().toDense();
        assertEquals(128 * 1025, ref.length);
        double worst = 0;
        for (int m = 0; m < 128; m++) {
            for (int k = 0; k < 1025; k++) {
                worst = Math.max(worst, Math.abs(ours[m][k] - ref[m * 1025 + k]));
            }
        }
        System.out.printf(Locale.ROOT, "filterbank: max abs difference %.2e%n", worst);
        assertTrue(worst <= 1e-6, "max abs filterbank difference " + worst);
    }

    /** Both STFT backends: FFmpeg's (the default where it loads) and JTransforms (the fallback). */
    @ParameterizedTest
    @CsvSource({"data/gtzan-samples/blues.00000.wav, blues.00000, FFMPEG",
                "data/gtzan-samples/classical.00000.wav, classical.00000, FFMPEG",
                "data/synthetic/tone-a440-22k.wav, tone-a440-22k, FFMPEG",
                "data/gtzan-samples/blues.00000.wav, blues.00000, JTRANSFORMS",
                "data/gtzan-samples/classical.00000.wav, classical.00000, JTRANSFORMS",
                "data/synthetic/tone-a440-22k.wav, tone-a440-22k, JTRANSFORMS"})
    void melAndDecibelsMatchLibrosa(String input, String name, FftBackend backend) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend != FftBackend.FFMPEG
                || org.songspace.audio.FfmpegDecoder.available(), "FFmpeg's natives do not load here");
        LogMelExtractor extractor = new LogMelExtractor(FeatureConfig.librosaDefaults(), backend);
        AudioClip clip = AudioLoader.decode(SharedData.require(input));
        JsonNode meta = new ObjectMapper().readTree(SharedData.require(REF + name + ".json").toFile());
        assertEquals(meta.get("samples_after_load").asInt(), clip.samples().length, "samples after load");
        for (int i = 0; i < meta.get("first_samples").size(); i++) {
            assertEquals(meta.get("first_samples").get(i).asDouble(), clip.samples()[i], 1e-9, "sample " + i);
        }
        MelSpectrogram power = extractor.powerMel(clip.samples());
        MelSpectrogram db = extractor.toDecibels(power);
        float[] refPower = SharedData.readF32(SharedData.require(REF + name + ".mel.f32"));
        float[] refDb = SharedData.readF32(SharedData.require(REF + name + ".db.f32"));
        assertEquals(meta.get("mel_shape").get(1).asInt(), power.frames(), "frames");
        assertEquals(refPower.length, power.values().length);

        float max = 0;
        for (float v : refPower) {
            max = Math.max(max, v);
        }
        double worstRel = 0;
        for (int i = 0; i < refPower.length; i++) {
            if (refPower[i] > 1e-6 * max) {
                worstRel = Math.max(worstRel, Math.abs(power.values()[i] - refPower[i]) / refPower[i]);
            }
        }
        double worstDb = 0;
        for (int i = 0; i < refDb.length; i++) {
            worstDb = Math.max(worstDb, Math.abs(db.values()[i] - refDb[i]));
        }
        System.out.printf(Locale.ROOT, "%s (%s): max relative power-mel error %.2e, max dB error %.2e%n", name, backend,
                worstRel, worstDb);
        assertTrue(worstRel <= 1e-4, name + ": max relative power-mel error " + worstRel);
        assertTrue(worstDb <= 1e-3, name + ": max dB error " + worstDb);
    }

    /** The chirp is 44.1 kHz stereo: it tests decoding, downmixing and the resampler against librosa. */
    @Test
    void resampledChirpMatchesLibrosaWithinHalfADecibel() throws IOException {
        AudioClip clip = AudioLoader.standard().load(SharedData.require("data/synthetic/chirp44k-stereo.wav"), 22050);
        JsonNode meta = new ObjectMapper().readTree(SharedData.require(REF + "chirp44k-stereo.json").toFile());
        assertEquals(meta.get("samples_after_load").asInt(), clip.samples().length);
        for (int i = 0; i < meta.get("first_samples").size(); i++) {
            assertEquals(meta.get("first_samples").get(i).asDouble(), clip.samples()[i], 1e-5, "sample " + i);
        }
        float[] refDb = SharedData.readF32(SharedData.require(REF + "chirp44k-stereo.db.f32"));
        float[] db = extractor.logMel(clip).values();
        assertEquals(refDb.length, db.length);
        int considered = 0;
        int within = 0;
        double worst = 0;
        for (int i = 0; i < refDb.length; i++) {
            if (refDb[i] > -60) {
                considered++;
                double err = Math.abs(db[i] - refDb[i]);
                worst = Math.max(worst, err);
                if (err < 0.5) {
                    within++;
                }
            }
        }
        double share = within / (double) considered;
        System.out.printf(Locale.ROOT, "chirp: %d cells above -60 dB, %.4f %% within 0.5 dB, max error %.5f dB%n",
                considered, 100 * share, worst);
        assertTrue(share >= 0.99, "only " + share + " of cells within 0.5 dB");
        assertTrue(worst < 0.01, "kaiser_best should be within 0.01 dB everywhere, max " + worst);
    }
}
