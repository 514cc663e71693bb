package org.songspace.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBL;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_DBLP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8P;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Averages a decoded frame's channels into mono floats, as librosa's {@code to_mono} does, converting
 * integer samples the way the pure-Java decoders do (x / 2^(bits-1)). Doing it here rather than in
 * libswresample keeps the downmix exactly a mean (swresample's mono matrix follows the channel layout's
 * centre and surround levels) and the integer scaling identical to the WAV path. One per decode: it
 * reuses its scratch arrays.
 */
final class MonoMixer {
    private float[] mono = new float[0];
    private float[] channel = new float[0];
    private short[] shorts = new short[0];
    private int[] ints = new int[0];
    private double[] doubles = new double[0];
    private byte[] bytes = new byte[0];

    /** The frame's mono samples in {@code result()[0..nb_samples)}. */
    float[] mix(AVFrame frame) throws AudioFormatException {
        int n = frame.nb_samples();
        int channels = frame.ch_layout().nb_channels();
        if (channels < 1) {
            throw new AudioFormatException("a decoded frame has no channels");
        }
        int format = frame.format();
        boolean planar = isPlanar(format);
        int perPlane = planar ? n : n * channels;
        if (mono.length < n) {
            mono = new float[n];
        }
        if (channel.length < perPlane) {
            channel = new float[perPlane];
        }
        java.util.Arrays.fill(mono, 0, n, 0f);
        int planes = planar ? channels : 1;
        for (int p = 0; p < planes; p++) {
            read(frame.extended_data(p), format, perPlane);
            if (planar) {
                for (int i = 0; i < n; i++) {
                    mono[i] += channel[i];
                }
            } else {
                for (int i = 0, j = 0; i < n; i++) {
                    float sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += channel[j++];
                    }
                    mono[i] = sum;
                }
            }
        }
        if (channels > 1) {
            for (int i = 0; i < n; i++) {
                mono[i] /= channels;
            }
        }
        return mono;
    }

    private static boolean isPlanar(int format) {
        return format == AV_SAMPLE_FMT_FLTP || format == AV_SAMPLE_FMT_S16P || format == AV_SAMPLE_FMT_S32P
                || format == AV_SAMPLE_FMT_DBLP || format == AV_SAMPLE_FMT_U8P;
    }

    /** Reads {@code count} samples of one plane into {@code channel} as floats in [-1, 1]. */
    private void read(BytePointer plane, int format, int count) throws AudioFormatException {
        if (format == AV_SAMPLE_FMT_FLT || format == AV_SAMPLE_FMT_FLTP) {
            new FloatPointer(plane).get(channel, 0, count);
        } else if (format == AV_SAMPLE_FMT_S16 || format == AV_SAMPLE_FMT_S16P) {
            shorts = grow(shorts, count);
            new ShortPointer(plane).get(shorts, 0, count);
            for (int i = 0; i < count; i++) {
                channel[i] = shorts[i] / 32768f;
            }
        } else if (format == AV_SAMPLE_FMT_S32 || format == AV_SAMPLE_FMT_S32P) {
            ints = ints.length >= count ? ints : new int[count];
            new IntPointer(plane).get(ints, 0, count);
            for (int i = 0; i < count; i++) {
                channel[i] = (float) (ints[i] / 2147483648.0);
            }
        } else if (format == AV_SAMPLE_FMT_DBL || format == AV_SAMPLE_FMT_DBLP) {
            doubles = doubles.length >= count ? doubles : new double[count];
            new DoublePointer(plane).get(doubles, 0, count);
            for (int i = 0; i < count; i++) {
                channel[i] = (float) doubles[i];
            }
        } else if (format == AV_SAMPLE_FMT_U8 || format == AV_SAMPLE_FMT_U8P) {
            bytes = bytes.length >= count ? bytes : new byte[count];
            plane.get(bytes, 0, count);
            for (int i = 0; i < count; i++) {
                channel[i] = ((bytes[i] & 0xff) - 128) / 128f;
            }
        } else {
            BytePointer name = av_get_sample_fmt_name(format);
            throw new AudioFormatException("unsupported decoded sample format "
                    + (name == null ? String.valueOf(format) : name.getString()));
        }
    }

    private static short[] grow(short[] a, int n) {
        return a.length >= n ? a : new short[n];
    }
}
