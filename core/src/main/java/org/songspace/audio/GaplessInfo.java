package org.songspace.audio;

/**
 * The Xing/Info header of an MP3 (frame count) and, when present, the LAME extension (encoder delay
 * and padding): what mpg123 and libsndfile use to trim an MP3 to its true length.
 */
record GaplessInfo(long frames, int samplesPerFrame, boolean hasLameDelays, int delay, int padding) {

    /** Reads the gapless header of the first frame, or returns null when the file has none. */
    static GaplessInfo read(byte[] d) {
        int pos = 0;
        if (Samples.startsWith(d, 0, "ID3") && d.length >= 10) {
            int size = (d[6] & 0x7f) << 21 | (d[7] & 0x7f) << 14 | (d[8] & 0x7f) << 7 | (d[9] & 0x7f);
            pos = 10 + size + ((d[5] & 0x10) != 0 ? 10 : 0);
        }
        // Tolerate a little junk between the tag and the first frame, as decoders do.
        int limit = Math.min(d.length - 4, pos + 8192);
        MpegFrame frame = null;
        while (pos < limit && (frame = MpegFrame.parse(d, pos)) == null) {
            pos++;
        }
        if (frame == null) {
            return null;
        }
        int xing = pos + 4 + frame.sideInfoBytes();
        if (!Samples.startsWith(d, xing, "Xing") && !Samples.startsWith(d, xing, "Info")) {
            return null;
        }
        if (xing + 8 > d.length) {
            return null;
        }
        int flags = Samples.be32(d, xing + 4);
        int p = xing + 8;
        if ((flags & 1) == 0 || p + 4 > d.length) {
            return null;   // no frame count: nothing to trim against
        }
        long frames = Samples.be32(d, p) & 0xffffffffL;
        p += 4;
        if ((flags & 2) != 0) {
            p += 4;
        }
        if ((flags & 4) != 0) {
            p += 100;
        }
        if ((flags & 8) != 0) {
            p += 4;
        }
        // LAME extension: 9-byte encoder string, then delay/padding as two 12-bit fields at +21.
        boolean lame = p + 24 <= d.length && (Samples.startsWith(d, p, "LAME") || Samples.startsWith(d, p, "Lavc")
                || Samples.startsWith(d, p, "Lavf") || Samples.startsWith(d, p, "L3.99"));
        int delay = 0;
        int padding = 0;
        if (lame) {
            int b0 = d[p + 21] & 0xff;
            int b1 = d[p + 22] & 0xff;
            int b2 = d[p + 23] & 0xff;
            delay = b0 << 4 | b1 >> 4;
            padding = (b1 & 0x0f) << 8 | b2;
        }
        return new GaplessInfo(frames, frame.samplesPerFrame(), lame, delay, padding);
    }
}
