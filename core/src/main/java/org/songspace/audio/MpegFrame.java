package org.songspace.audio;

/** The fields of an MPEG audio frame header that gapless decoding needs. */
record MpegFrame(boolean mpeg1, boolean mono, int samplesPerFrame, int sideInfoBytes) {

    /** Parses a Layer III frame header at {@code pos}, or returns null when there is none. */
    static MpegFrame parse(byte[] d, int pos) {
        if (pos + 4 > d.length || (d[pos] & 0xff) != 0xff || (d[pos + 1] & 0xe0) != 0xe0) {
            return null;
        }
        int version = (d[pos + 1] >> 3) & 3;   // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        int layer = (d[pos + 1] >> 1) & 3;     // 1 = Layer III
        int bitrate = (d[pos + 2] >> 4) & 0xf;
        int rate = (d[pos + 2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrate == 0xf || rate == 3) {
            return null;
        }
        boolean mpeg1 = version == 3;
        boolean mono = ((d[pos + 3] >> 6) & 3) == 3;
        int side = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        return new MpegFrame(mpeg1, mono, mpeg1 ? 1152 : 576, side);
    }
}
