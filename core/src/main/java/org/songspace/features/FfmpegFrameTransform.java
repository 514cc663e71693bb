package org.songspace.features;

import static org.bytedeco.ffmpeg.global.avutil.AV_TX_FLOAT_RDFT;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_init;
import static org.bytedeco.ffmpeg.global.avutil.av_tx_uninit;

import org.bytedeco.ffmpeg.avutil.AVTXContext;
import org.bytedeco.ffmpeg.avutil.av_tx_fn;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's float real-to-complex transform ({@code av_tx}, {@code AV_TX_FLOAT_RDFT}): n real samples in,
 * n/2 + 1 interleaved complex values out. Everything native is allocated here and freed by {@link #close}.
 */
final class FfmpegFrameTransform implements FrameTransform {
    private final int n;
    private final PointerPointer<AVTXContext> context = new PointerPointer<>(1);
    /*
     * JavaCPP's function-pointer object starts with the C function pointer: av_tx_init writes it there and
     * call() reads it, so a zeroed block stands in for the object (the class has no allocator of its own).
     */
    private final LongPointer functionBlock = new LongPointer(8);
    private final av_tx_fn transform;
    private final AVTXContext tx;
    private final FloatPointer in;
    private final FloatPointer out;
    private final float[] spectrum;

    FfmpegFrameTransform(int n) {
        this.n = n;
        functionBlock.zero();
        transform = new av_tx_fn(functionBlock);
        // No scale: FFmpeg's default of 1, an unnormalised transform as JTransforms' and librosa's.
        int rc = av_tx_init(context, transform, AV_TX_FLOAT_RDFT, 0, n, (Pointer) null, 0);
        if (rc < 0 || context.get(0) == null || functionBlock.get(0) == 0) {
            releaseBuffers();
            throw new IllegalStateException("FFmpeg refused a real transform of " + n + " points (error " + rc + ")");
        }
        tx = new AVTXContext(context.get(0));
        // av_malloc: the SIMD transforms need their buffers aligned as FFmpeg aligns them (malloc's are not).
        in = new FloatPointer(av_malloc((long) n * Float.BYTES));
        out = new FloatPointer(av_malloc((long) (n + 2) * Float.BYTES));
        if (in.isNull() || out.isNull()) {
            av_free(in);
            av_free(out);
            av_tx_uninit(context);
            releaseBuffers();
            throw new OutOfMemoryError("FFmpeg could not allocate the buffers of a " + n + "-point transform");
        }
        in.capacity(n);
        out.capacity(n + 2);
        spectrum = new float[n + 2];
    }

    @Override
    public void powerSpectrum(float[] frame, float[][] power, int column) {
        in.put(frame, 0, n);
        transform.call(tx, out, in, Float.BYTES);
        out.get(spectrum, 0, n + 2);
        for (int k = 0; k <= n / 2; k++) {
            float re = spectrum[2 * k];
            float im = spectrum[2 * k + 1];
            power[k][column] = re * re + im * im;
        }
    }

    @Override
    public void close() {
        av_tx_uninit(context);
        av_free(in);
        av_free(out);
        releaseBuffers();
    }

    private void releaseBuffers() {
        functionBlock.close();
        context.close();
    }
}
