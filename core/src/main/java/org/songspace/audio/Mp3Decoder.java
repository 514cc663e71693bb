package org.songspace.audio;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * MPEG-1/2/2.5 Layer III through JLayer (the only pure-Java MP3 decoder on Maven Central that decodes
 * correctly), made gapless the way mpg123/libsndfile are: the Xing/Info frame, the LAME encoder delay
 * and the decoder delay are dropped from the start and the LAME padding from the end, so sample 0
 * lines up with what librosa reads through soundfile.
 *
 * <p>JLayer emits 16-bit samples, so peaks above full scale are clipped (soundfile returns them
 * unclipped); on loud masters a handful of mel cells differ by up to ~2 dB.
 */
final class Mp3Decoder implements AudioDecoder {
    /** Delay of the MPEG Layer III synthesis filterbank that gapless players remove. */
    static final int DECODER_DELAY = 529;

    @Override
    public String format() {
        return "mp3";
    }

    @Override
    public boolean recognises(byte[] head) {
        if (Samples.startsWith(head, 0, "ID3")) {
            return true;
        }
        return head.length >= 4 && MpegFrame.parse(head, 0) != null;
    }

    @Override
    public AudioClip decode(byte[] data) throws AudioFormatException {
        GaplessInfo gapless = GaplessInfo.read(data);
        Bitstream stream = new Bitstream(new ByteArrayInputStream(data));
        Decoder decoder = new Decoder();
        SampleSink out = new SampleSink(gapless == null ? 1 << 20 : (int) Math.min(Integer.MAX_VALUE - 16,
                (gapless.frames() + 2L) * gapless.samplesPerFrame()));
        int frames = 0;
        int rate = 0;
        int channels = 0;
        try {
            Header header;
            while ((header = stream.readFrame()) != null) {
                SampleBuffer buffer = (SampleBuffer) decoder.decodeFrame(header, stream);
                stream.closeFrame();
                frames++;
                if (rate == 0) {
                    rate = header.frequency();
                    channels = buffer.getChannelCount();
                }
                short[] pcm = buffer.getBuffer();
                int n = buffer.getBufferLength() / channels;
                for (int i = 0, p = 0; i < n; i++) {
                    if (channels == 1) {
                        out.add(pcm[p++] / 32768f);
                    } else {
                        float l = pcm[p++] / 32768f;
                        float r = pcm[p++] / 32768f;
                        out.add((l + r) * 0.5f);
                    }
                }
            }
        } catch (BitstreamException | DecoderException | RuntimeException e) {
            throw new AudioFormatException("corrupt MP3 at frame " + (frames + 1) + ": " + e.getMessage(), e);
        } finally {
            try {
                stream.close();
            } catch (BitstreamException ignored) {
                // closing an in-memory stream cannot lose data
            }
        }
        int length = out.size();
        if (frames == 0 || length == 0) {
            throw new AudioFormatException("no MPEG audio frames found");
        }
        return gapless == null ? AudioClip.decoded(out.toArray(), rate, channels)
                : trimmed(out.toArray(), frames, gapless, rate, channels);
    }

    /** The samples the LAME/Xing header says the encoder put in, without JLayer's lead; a file cut short is refused. */
    private static AudioClip trimmed(float[] out, int frames, GaplessInfo gapless, int rate, int channels)
            throws AudioFormatException {
        int length = out.length;
        // JLayer decodes the Info frame too (as silence): it counts as one frame of lead.
        long expectedFrames = gapless.frames() + 1;
        if (frames < expectedFrames) {
            throw new AudioFormatException("truncated MP3: the Xing/Info header declares " + gapless.frames()
                    + " frames but only " + (frames - 1) + " could be decoded");
        }
        int lead = gapless.samplesPerFrame() + (gapless.hasLameDelays() ? gapless.delay() + DECODER_DELAY : 0);
        long keep = gapless.hasLameDelays()
                ? gapless.frames() * gapless.samplesPerFrame() - gapless.delay() - gapless.padding()
                : length - lead;
        keep = Math.max(0, Math.min(keep, length - lead));
        if (keep == 0) {
            throw new AudioFormatException("MP3 holds no samples after its encoder delay");
        }
        return AudioClip.decoded(Arrays.copyOfRange(out, lead, lead + (int) keep), rate, channels);
    }
}
