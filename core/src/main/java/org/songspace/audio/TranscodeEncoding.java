package org.songspace.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_samples_set_silence;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_config_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The encoding side of a {@link Transcoder}: resampler, FIFO of encoder-sized frames, encoder and muxer,
 * every native structure freed by {@link #close} on every path.
 */
final class TranscodeEncoding implements AutoCloseable {
    final AVPacket inPacket = av_packet_alloc();
    final AVFrame decoded = av_frame_alloc();
    private final AVPacket outPacket = av_packet_alloc();
    private final AVFrame converted = av_frame_alloc();
    private final AVFrame chunk = av_frame_alloc();
    private AVCodecContext encoder;
    private AVFormatContext muxer;
    private AVStream stream;
    private SwrContext resampler;
    private AVAudioFifo fifo;
    private long pts;

    static TranscodeEncoding open(FfmpegStream source, Transcoder.Target target, int kbps, Path output) throws AudioFormatException {
        TranscodeEncoding e = new TranscodeEncoding();
        try {
            e.openEncoder(source, target, kbps);
            e.openMuxer(target, output);
            return e;
        } catch (AudioFormatException | RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    private void openEncoder(FfmpegStream source, Transcoder.Target target, int kbps) throws AudioFormatException {
        AVCodec codec = avcodec_find_encoder_by_name(target.encoder);
        if (codec == null) {
            throw new AudioFormatException("this FFmpeg build has no " + target.encoder + " encoder");
        }
        encoder = avcodec_alloc_context3(codec);
        av_channel_layout_default(encoder.ch_layout(), Math.min(2, source.channels));
        encoder.sample_rate(target == Transcoder.Target.OPUS ? 48_000 : supportedRate(codec, source.rate));
        encoder.sample_fmt(codec.sample_fmts().get(0));
        encoder.bit_rate(kbps * 1000L);
        encoder.time_base(new AVRational().num(1).den(encoder.sample_rate()));
        FfmpegStream.check(avcodec_open2(encoder, codec, (AVDictionary) null), "cannot open the " + target.encoder + " encoder");
    }

    /** The source's rate when the encoder takes it, else 44.1 kHz. */
    private static int supportedRate(AVCodec codec, int rate) {
        IntPointer rates = codec.supported_samplerates();
        if (rates == null || rates.isNull()) {
            return rate;
        }
        for (int i = 0; rates.get(i) != 0; i++) {
            if (rates.get(i) == rate) {
                return rate;
            }
        }
        return 44_100;
    }

    private void openMuxer(Transcoder.Target target, Path output) throws AudioFormatException {
        AVFormatContext ctx = new AVFormatContext(null);
        FfmpegStream.check(avformat_alloc_output_context2(ctx, null, target.muxer, output.toString()), "cannot make an " + target.muxer + " file");
        muxer = ctx;
        if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        stream = avformat_new_stream(muxer, null);
        FfmpegStream.check(avcodec_parameters_from_context(stream.codecpar(), encoder), "bad encoder parameters");
        stream.time_base(encoder.time_base());
        AVIOContext io = new AVIOContext(null);
        FfmpegStream.check(avio_open(io, output.toString(), AVIO_FLAG_WRITE), "cannot write " + output);
        muxer.pb(io);
        FfmpegStream.check(avformat_write_header(muxer, (AVDictionary) null), "cannot write the " + target.muxer + " header");
    }

    /** Set up from the first decoded frame: its layout can differ from what the decoder announced (WAV). */
    private void openResampler(AVFrame first) throws AudioFormatException {
        resampler = swr_alloc();
        prepareConverted();
        FfmpegStream.check(swr_config_frame(resampler, converted, first), "cannot set up resampling");
        FfmpegStream.check(swr_init(resampler), "cannot start resampling");
        fifo = av_audio_fifo_alloc(encoder.sample_fmt(), encoder.ch_layout().nb_channels(), Math.max(encoder.frame_size(), 4096));
    }

    /** Converts a decoded frame to the encoder's format and encodes every whole frame that is ready. */
    void push(AVFrame frame) throws AudioFormatException {
        if (frame.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
            // A WAV without a channel mask: the resampler would take it as the default layout and then
            // refuse every frame as "changed", so say so on the frame.
            av_channel_layout_default(frame.ch_layout(), frame.ch_layout().nb_channels());
        }
        if (resampler == null) {
            openResampler(frame);
        }
        convert(frame);
        int size = frameSize();
        while (av_audio_fifo_size(fifo) >= size) {
            encodeChunk(size);
        }
    }

    /** An empty frame in the encoder's layout, rate and format, for the resampler to fill. */
    private void prepareConverted() {
        av_frame_unref(converted);
        av_channel_layout_copy(converted.ch_layout(), encoder.ch_layout());
        converted.sample_rate(encoder.sample_rate());
        converted.format(encoder.sample_fmt());
    }

    private void convert(AVFrame frame) throws AudioFormatException {
        prepareConverted();
        FfmpegStream.check(swr_convert_frame(resampler, converted, frame), "resampling failed");
        if (converted.nb_samples() > 0) {
            FfmpegStream.check(av_audio_fifo_write(fifo, new PointerPointer<>(converted.extended_data()), converted.nb_samples()), "buffering failed");
        }
    }

    private int frameSize() {
        return encoder.frame_size() > 0 ? encoder.frame_size() : 1024;
    }

    /** {@code n} samples from the FIFO, padded with silence to a whole frame (the last one), encoded. */
    private void encodeChunk(int n) throws AudioFormatException {
        int size = frameSize();
        av_frame_unref(chunk);
        chunk.nb_samples(size);
        av_channel_layout_copy(chunk.ch_layout(), encoder.ch_layout());
        chunk.format(encoder.sample_fmt());
        chunk.sample_rate(encoder.sample_rate());
        FfmpegStream.check(av_frame_get_buffer(chunk, 0), "out of memory");
        PointerPointer<?> planes = new PointerPointer<>(chunk.extended_data());
        int read = av_audio_fifo_read(fifo, planes, n);
        if (read < size) {
            av_samples_set_silence(planes, read, size - read, encoder.ch_layout().nb_channels(), encoder.sample_fmt());
        }
        chunk.pts(pts);
        pts += size;
        send(chunk);
    }

    private void send(AVFrame frame) throws AudioFormatException {
        FfmpegStream.check(avcodec_send_frame(encoder, frame), "encoding failed");
        while (true) {
            int ret = avcodec_receive_packet(encoder, outPacket);
            if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF) {
                return;
            }
            FfmpegStream.check(ret, "encoding failed");
            outPacket.stream_index(stream.index());
            av_packet_rescale_ts(outPacket, encoder.time_base(), stream.time_base());
            int written = av_interleaved_write_frame(muxer, outPacket);
            av_packet_unref(outPacket);
            FfmpegStream.check(written, "writing failed");
        }
    }

    /** Drains the resampler and the FIFO, flushes the encoder and writes the trailer. */
    void finish() throws AudioFormatException {
        if (resampler == null) {
            throw new AudioFormatException("no audio could be decoded (truncated or corrupt)");
        }
        prepareConverted();
        FfmpegStream.check(swr_convert_frame(resampler, converted, null), "resampling failed");
        if (converted.nb_samples() > 0) {
            FfmpegStream.check(av_audio_fifo_write(fifo, new PointerPointer<>(converted.extended_data()), converted.nb_samples()), "buffering failed");
        }
        int size = frameSize();
        while (av_audio_fifo_size(fifo) > 0) {
            encodeChunk(Math.min(size, av_audio_fifo_size(fifo)));
        }
        send(null);
        FfmpegStream.check(av_write_trailer(muxer), "cannot finish the file");
    }

    @Override
    public void close() {
        if (fifo != null) {
            av_audio_fifo_free(fifo);
        }
        if (resampler != null) {
            swr_free(resampler);
        }
        if (muxer != null) {
            if (muxer.pb() != null && !muxer.pb().isNull()) {
                avio_closep(muxer.pb());
            }
            avformat_free_context(muxer);
        }
        if (encoder != null) {
            avcodec_free_context(encoder);
        }
        av_frame_free(decoded);
        av_frame_free(converted);
        av_frame_free(chunk);
        av_packet_free(inPacket);
        av_packet_free(outPacket);
    }
}
