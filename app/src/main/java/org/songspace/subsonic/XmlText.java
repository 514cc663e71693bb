package org.songspace.subsonic;

/** Text made safe for XML 1.0, whose documents may not hold most control characters or lone surrogates. */
final class XmlText {
    private XmlText() {
    }

    /** {@code s} without the characters XML 1.0 forbids; the same instance when there are none. */
    static String clean(String s) {
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!allowed(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (allowed(c)) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** XML 1.0's Char production (a lone surrogate, as codePointAt returns it, falls outside): #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
