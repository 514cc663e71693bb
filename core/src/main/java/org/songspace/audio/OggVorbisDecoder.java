package org.songspace.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.util.Arrays;

/**
 * Ogg Vorbis through jorbis used directly: float output (matches libvorbis to ~2e-7), trimmed to the
 * last granule position. The javax.sound SPIs are avoided because they drop the tail of the stream.
 */
final class OggVorbisDecoder implements AudioDecoder {

    @Override
    public String format() {
        return "ogg";
    }

    @Override
    public boolean recognises(byte[] head) {
        return Samples.startsWith(head, 0, "OggS");
    }

    @Override
    public AudioClip decode(byte[] data) throws AudioFormatException {
        SyncState sync = new SyncState();
        sync.init();
        int at = sync.buffer(data.length);
        System.arraycopy(data, 0, sync.data, at, data.length);
        sync.wrote(data.length);

        Page page = new Page();
        Packet packet = new Packet();
        if (sync.pageout(page) != 1) {
            throw new AudioFormatException("not an Ogg stream");
        }
        StreamState stream = new StreamState();
        stream.init(page.serialno());
        Info info = new Info();
        Comment comment = new Comment();
        info.init();
        comment.init();
        if (stream.pagein(page) < 0 || stream.packetout(packet) != 1 || info.synthesis_headerin(comment, packet) < 0) {
            throw new AudioFormatException("Ogg stream is not Vorbis (Opus, FLAC-in-Ogg and Speex are not read)");
        }
        VorbisStream vorbis = new VorbisStream(info, comment);
        boolean eos = false;
        long lastGranule = -1;
        while (!eos) {
            int result = sync.pageout(page);
            if (result == 0) {
                break;   // no more data
            }
            if (result < 0) {
                throw new AudioFormatException("corrupt Ogg page after " + vorbis.out.size() + " samples");
            }
            stream.pagein(page);
            if (page.granulepos() >= 0) {
                lastGranule = page.granulepos();
            }
            eos = page.eos() != 0;
            while (stream.packetout(packet) == 1) {
                vorbis.take(packet);
            }
        }
        return vorbis.finish(eos, lastGranule);
    }

    /** The Vorbis side of the stream: the two remaining header packets, then audio, downmixed as it comes. */
    private static final class VorbisStream {
        private final Info info;
        private final Comment comment;
        private final float[][][] pcm = new float[1][][];
        private final int[] index;
        private final SampleSink out = new SampleSink(1 << 20);
        private int headers = 1;
        private DspState dsp;
        private Block block;

        VorbisStream(Info info, Comment comment) {
            this.info = info;
            this.comment = comment;
            this.index = new int[info.channels];
        }

        void take(Packet packet) throws AudioFormatException {
            if (headers < 3) {
                if (info.synthesis_headerin(comment, packet) < 0) {
                    throw new AudioFormatException("corrupt Vorbis header packet " + (headers + 1));
                }
                if (++headers == 3) {
                    dsp = new DspState();
                    dsp.synthesis_init(info);
                    block = new Block(dsp);
                }
                return;
            }
            if (block.synthesis(packet) == 0) {
                dsp.synthesis_blockin(block);
            }
            int n;
            while ((n = dsp.synthesis_pcmout(pcm, index)) > 0) {
                int channels = info.channels;
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += pcm[0][c][index[c] + i];
                    }
                    out.add((float) (sum / channels));
                }
                dsp.synthesis_read(n);
            }
        }

        /** The clip, trimmed to the last granule position; a stream cut short is refused. */
        AudioClip finish(boolean eos, long lastGranule) throws AudioFormatException {
            if (headers < 3) {
                throw new AudioFormatException("truncated Ogg Vorbis: the stream ends inside its headers");
            }
            if (!eos) {
                throw new AudioFormatException("truncated Ogg Vorbis: no end-of-stream page after " + out.size() + " samples");
            }
            int length = out.size();
            int keep = lastGranule >= 0 ? (int) Math.min(length, lastGranule) : length;
            if (keep == 0) {
                throw new AudioFormatException("Ogg Vorbis holds no samples");
            }
            return AudioClip.decoded(Arrays.copyOf(out.toArray(), keep), info.rate, info.channels);
        }
    }
}
