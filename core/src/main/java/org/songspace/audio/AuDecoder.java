package org.songspace.audio;

/** Sun/NeXT AU (.au, .snd), GTZAN's original format: big-endian PCM, float, mu-law and A-law. */
final class AuDecoder implements AudioDecoder {

    @Override
    public String format() {
        return "au";
    }

    @Override
    public boolean recognises(byte[] head) {
        return Samples.startsWith(head, 0, ".snd");
    }

    @Override
    public AudioClip decode(byte[] d) throws AudioFormatException {
        if (d.length < 24 || !recognises(d)) {
            throw new AudioFormatException(d.length < 24 ? "truncated AU header" : "not an AU file");
        }
        long offset = Samples.be32(d, 4) & 0xffffffffL;
        long size = Samples.be32(d, 8) & 0xffffffffL;
        int code = Samples.be32(d, 12);
        int rate = Samples.be32(d, 16);
        int channels = Samples.be32(d, 20);
        if (offset < 24 || offset > d.length) {
            throw new AudioFormatException("AU data offset " + offset + " lies outside the file");
        }
        if (channels <= 0 || rate <= 0) {
            throw new AudioFormatException("AU header has " + channels + " channels at " + rate + " Hz");
        }
        PcmEncoding encoding = switch (code) {
            case 1 -> PcmEncoding.MU_LAW;
            case 2 -> PcmEncoding.SIGNED_8;
            case 3 -> PcmEncoding.SIGNED_16;
            case 4 -> PcmEncoding.SIGNED_24;
            case 5 -> PcmEncoding.SIGNED_32;
            case 6 -> PcmEncoding.FLOAT_32;
            case 7 -> PcmEncoding.FLOAT_64;
            case 27 -> PcmEncoding.A_LAW;
            default -> throw new AudioFormatException("unsupported AU encoding " + code);
        };
        long available = d.length - offset;
        long length = size == 0xffffffffL ? available : size;
        String damage = null;
        if (length > available) {
            double bytesPerSecond = (double) rate * encoding.bytesPerSample * channels;
            damage = Damage.truncation(available / bytesPerSecond, length / bytesPerSecond, 0);
            length = available;
        }
        int frames = (int) (length / ((long) encoding.bytesPerSample * channels));
        if (frames == 0) {
            throw new AudioFormatException("AU holds no samples");
        }
        return AudioClip.decoded(encoding.toMono(d, (int) offset, frames, channels, true), rate, channels).withDamage(damage);
    }
}
