package org.songspace.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.jflac.ChannelData;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/** Native FLAC through jflac (bit-exact), scaled like soundfile: int / 2^(bits-1). */
final class FlacDecoder implements AudioDecoder {

    @Override
    public String format() {
        return "flac";
    }

    @Override
    public boolean recognises(byte[] head) {
        return Samples.startsWith(head, 0, "fLaC");
    }

    @Override
    public AudioClip decode(byte[] data) throws AudioFormatException {
        org.jflac.FLACDecoder decoder = new org.jflac.FLACDecoder(new ByteArrayInputStream(data));
        StreamInfo info;
        try {
            decoder.readMetadata();
            info = decoder.getStreamInfo();
        } catch (IOException | RuntimeException e) {
            throw new AudioFormatException("corrupt FLAC header: " + e.getMessage(), e);
        }
        if (info == null) {
            throw new AudioFormatException("FLAC has no STREAMINFO block");
        }
        int channels = info.getChannels();
        double scale = 1.0 / (1L << (info.getBitsPerSample() - 1));
        long declared = info.getTotalSamples();
        SampleSink out = new SampleSink(declared > 0 && declared < Integer.MAX_VALUE ? (int) declared : 1 << 20);
        try {
            Frame frame;
            while ((frame = decoder.readNextFrame()) != null) {
                int n = frame.header.blockSize;
                ChannelData[] channelData = decoder.getChannelData();
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += (float) (channelData[c].getOutput()[i] * scale);
                    }
                    out.add((float) (sum / channels));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (declared > 0 && out.size() < declared) {
                throw new AudioFormatException("truncated or corrupt FLAC: STREAMINFO declares " + declared
                        + " samples, decoding stopped after " + out.size() + " (" + e.getMessage() + ")", e);
            }
        }
        int length = out.size();
        if (declared > 0 && length < declared) {
            throw new AudioFormatException("truncated FLAC: STREAMINFO declares " + declared
                    + " samples but only " + length + " could be decoded");
        }
        if (length == 0) {
            throw new AudioFormatException("FLAC holds no samples");
        }
        int keep = declared > 0 ? (int) Math.min(length, declared) : length;
        return AudioClip.decoded(Arrays.copyOf(out.toArray(), keep), info.getSampleRate(), channels);
    }
}
