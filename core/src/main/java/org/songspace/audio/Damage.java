package org.songspace.audio;

import java.util.Locale;

/**
 * The rule for damaged files, the same for every decoder: decode around what is broken (bad frames skipped,
 * frames at another sample rate dropped, a cut-off end), and accept the file, marked damaged, when at least
 * {@value #MIN_SHARE} of what it declares decodes; below that it is rejected by name.
 */
final class Damage {
    static final double MIN_SHARE = 0.5;

    private Damage() {
    }

    /** Null when {@code got} is (nearly) all of {@code declared}; the damage note when at least half; else refused. */
    static String truncation(double got, double declared, double slack) throws AudioFormatException {
        if (!(declared > got + slack)) {
            return null;
        }
        if (got < MIN_SHARE * declared) {
            throw new AudioFormatException(String.format(Locale.ROOT,
                    "truncated: %.1f s of audio where the file declares %.1f s (less than half)", got, declared));
        }
        return String.format(Locale.ROOT, "%.1f s decoded of %.1f s declared", got, declared);
    }
}
