package org.songspace.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One file opened with FFmpeg: demuxer, decoder, packet and frame, freed together by {@link #close()};
 * reads windows of the audio stream as mono floats into a {@link SampleSink}.
 */
final class FfmpegStream implements AutoCloseable {
    /** Seek a little early: an MP3 frame needs the bit reservoir of the frames before it. */
    private static final double PRE_ROLL_SECONDS = 0.2;

    final AVFormatContext format;
    final AVCodecContext codec;
    private final AVPacket packet;
    private final AVFrame frame;
    final int stream;
    private final double timeBase;
    /**
     * The stream time of the first sample a whole decode returns: MP3's encoder delay is trimmed from
     * the first frame, whose timestamp stays 0, so timestamps run ahead of sample indices by this much.
     */
    private final long startTime;
    final int rate;
    final int channels;
    private final MonoMixer mixer = new MonoMixer();
    private boolean eof;
    /** Damage decoded around: packets and frames the decoder refused, frames at another rate dropped. */
    private int badPackets;
    private int badFrames;
    private int otherRateFrames;
    private String readError;
    /** Decoder errors in a row after which a file is taken to hold no more audio (it cannot loop). */
    private static final int MAX_ERRORS_IN_A_ROW = 1000;
    private int errorsInARow;

    private FfmpegStream(AVFormatContext format, AVCodecContext codec, int stream, double timeBase) {
        this.format = format;
        this.codec = codec;
        this.stream = stream;
        this.timeBase = timeBase;
        long start = format.streams(stream).start_time();
        this.startTime = start == AV_NOPTS_VALUE ? 0 : start;
        this.rate = codec.sample_rate();
        this.channels = codec.ch_layout().nb_channels();
        this.packet = av_packet_alloc();
        this.frame = av_frame_alloc();
    }

    static FfmpegStream open(String file) throws AudioFormatException {
        AVFormatContext format = new AVFormatContext(null);
        int ret = avformat_open_input(format, file, null, null);
        if (ret < 0) {
            // On failure FFmpeg frees the context itself.
            throw new AudioFormatException("not a recognised audio format, or corrupt (FFmpeg: " + FfmpegLibraries.error(ret) + ")");
        }
        AVCodecContext codec = null;
        try {
            check(avformat_find_stream_info(format, (AVDictionary) null),
                    "cannot read the stream layout");
            int stream = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
            if (stream < 0) {
                throw new AudioFormatException("no audio stream in the file");
            }
            AVStream st = format.streams(stream);
            int codecId = st.codecpar().codec_id();
            AVCodec decoder = avcodec_find_decoder(codecId);
            if (decoder == null) {
                throw new AudioFormatException("unsupported codec " + avcodec_get_name(codecId).getString());
            }
            codec = avcodec_alloc_context3(decoder);
            check(avcodec_parameters_to_context(codec, st.codecpar()), "bad codec parameters");
            codec.thread_count(1); // files are decoded in parallel, one thread each
            check(avcodec_open2(codec, decoder, (AVDictionary) null),
                    "cannot open the " + decoder.name().getString() + " decoder");
            if (codec.sample_rate() <= 0 || codec.ch_layout().nb_channels() <= 0) {
                throw new AudioFormatException("the audio stream has no sample rate or channels");
            }
            return new FfmpegStream(format, codec, stream, av_q2d(st.time_base()));
        } catch (AudioFormatException | RuntimeException e) {
            if (codec != null) {
                avcodec_free_context(codec);
            }
            avformat_close_input(format);
            throw e;
        }
    }

    /**
     * After a whole decode: the damage note when it ends well before the duration the header states (not
     * guessed from the bitrate) but at least half decoded, null when complete; refused below half.
     */
    String checkComplete(int decoded) throws AudioFormatException {
        double declared = durationSeconds();
        double got = decoded / (double) rate;
        if (format.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE) {
            return null;
        }
        return Damage.truncation(got, declared, Math.max(1.0, 0.02 * declared));
    }

    /** What was decoded around so far, or null. */
    String damage() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (badPackets + badFrames > 0) {
            notes.add((badPackets + badFrames) + " bad frames skipped");
        }
        if (otherRateFrames > 0) {
            notes.add(otherRateFrames + " frames at another sample rate dropped");
        }
        if (readError != null) {
            notes.add("reading stopped early (" + readError + ")");
        }
        return notes.isEmpty() ? null : String.join(", ", notes);
    }

    double durationSeconds() {
        AVStream st = format.streams(stream);
        if (st.duration() != AV_NOPTS_VALUE && st.duration() > 0) {
            return st.duration() * timeBase;
        }
        return format.duration() > 0 ? format.duration() / 1e6 : Double.NaN;
    }

    /** Appends the samples of one window to {@code sink}. */
    void read(Excerpt.Window window, SampleSink sink, long budget, long deadline, double maxSeconds)
            throws AudioFormatException {
        boolean seeked = window.start() > 0;
        if (seeked) {
            long target = (long) (Math.max(0, window.start() - PRE_ROLL_SECONDS) / timeBase) + startTime;
            if (av_seek_frame(format, stream, target, AVSEEK_FLAG_BACKWARD) < 0) {
                // Past a cut-off end: this window gives nothing, and the excerpt's rule decides.
                readError = "cannot seek to " + Math.round(window.start()) + " s";
                return;
            }
            avcodec_flush_buffers(codec);
            eof = false;
        }
        long first = Math.round(window.start() * rate);
        long wanted = Double.isInfinite(window.length()) ? Long.MAX_VALUE : Math.round(window.length() * rate);
        long taken = 0;
        long position = -1; // source sample index of the next decoded sample, once known
        while (taken < wanted) {
            if (System.nanoTime() > deadline) {
                throw new AudioFormatException("decoding took too long; stopped");
            }
            if (!nextFrame()) {
                return;
            }
            int n = frame.nb_samples();
            if (frame.sample_rate() != rate) {
                // A damaged header announcing another rate: its frame is dropped, not resampled into the song.
                otherRateFrames++;
                continue;
            }
            int from = 0;
            if (seeked) {
                long ts = frame.best_effort_timestamp();
                if (position < 0 || ts != AV_NOPTS_VALUE) {
                    position = ts == AV_NOPTS_VALUE ? first : Math.round((ts - startTime) * timeBase * rate);
                }
                from = (int) Math.max(0, Math.min(n, first - position));
                position += n;
            }
            int count = (int) Math.min(n - from, wanted - taken);
            if (count <= 0) {
                continue;
            }
            if (sink.size() + count > budget) {
                throw new AudioFormatException("longer than " + Math.round(maxSeconds / 60)
                        + " min of audio: analyse an excerpt (--excerpt) instead");
            }
            // Mixed only now: the pre-roll frames before a window are decoded but never mixed.
            sink.append(mixer.mix(frame), from, count);
            taken += count;
        }
    }

    /** Decodes the next frame of the audio stream into {@link #frame}; false at the end. */
    private boolean nextFrame() throws AudioFormatException {
        while (true) {
            int ret = avcodec_receive_frame(codec, frame);
            if (ret >= 0) {
                errorsInARow = 0;
                return true;
            }
            if (ret == AVERROR_EOF()) {
                return false;
            }
            if (ret != AVERROR_EAGAIN()) {
                // A frame the decoder could not make (bad CRC, broken bitstream): skipped, as FFmpeg's CLI does.
                badFrames++;
                if (++errorsInARow > MAX_ERRORS_IN_A_ROW) {
                    return false;
                }
                continue;
            }
            if (eof) {
                return false;
            }
            feedPacket();
        }
    }

    private void feedPacket() throws AudioFormatException {
        while (true) {
            int ret = av_read_frame(format, packet);
            if (ret < 0) {
                if (ret != AVERROR_EOF) {
                    readError = FfmpegLibraries.error(ret);
                }
                eof = true;
                avcodec_send_packet(codec, null); // drain the decoder
                return;
            }
            try {
                if (packet.stream_index() != stream) {
                    continue;
                }
                int sent = avcodec_send_packet(codec, packet);
                // A damaged packet inside a long file costs a few ms of audio, not the track.
                if (sent < 0 && sent != AVERROR_EAGAIN()) {
                    badPackets++;
                    if (++errorsInARow > MAX_ERRORS_IN_A_ROW) {
                        eof = true;
                        avcodec_send_packet(codec, null);
                    }
                }
                return;
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    /** A negative FFmpeg return as an {@link AudioFormatException}: {@code what} and FFmpeg's text for the code. */
    static void check(int ret, String what) throws AudioFormatException {
        if (ret < 0) {
            throw new AudioFormatException(what + " (" + FfmpegLibraries.error(ret) + ")");
        }
    }

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(codec);
        avformat_close_input(format);
    }
}
