package org.songspace.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Looks at the last page of an Ogg file (Vorbis, Opus, FLAC in Ogg) without reading the rest. */
final class OggPages {
    /** An Ogg page is at most 65,307 bytes, so the last page header lies in this tail. */
    private static final int TAIL = 65_536 + 27;
    private static final int END_OF_STREAM = 0x04;

    private OggPages() {
    }

    /** Whether the file's last complete page header carries the end-of-stream flag. */
    static boolean endsWithEndOfStream(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int n = (int) Math.min(size, TAIL);
            ByteBuffer tail = ByteBuffer.allocate(n);
            channel.read(tail, size - n);
            byte[] b = tail.array();
            for (int i = n - 27; i >= 0; i--) {
                if (b[i] == 'O' && b[i + 1] == 'g' && b[i + 2] == 'g' && b[i + 3] == 'S' && b[i + 4] == 0) {
                    return pageIsComplete(b, i, n) && (b[i + 5] & END_OF_STREAM) != 0;
                }
            }
            return false;
        }
    }

    /** The page at {@code at} ends exactly at the end of the file: header, lacing table and body all there. */
    private static boolean pageIsComplete(byte[] b, int at, int n) {
        int segments = b[at + 26] & 0xff;
        if (at + 27 + segments > n) {
            return false;
        }
        int body = 0;
        for (int s = 0; s < segments; s++) {
            body += b[at + 27 + s] & 0xff;
        }
        return at + 27 + segments + body == n;
    }
}
