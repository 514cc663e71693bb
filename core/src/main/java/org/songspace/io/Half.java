package org.songspace.io;

/**
 * IEEE 754 half precision (binary16), the {@code '<f2'} of NumPy: Java 17 has no conversion of its own.
 * Rounding is to nearest, ties to even, as NumPy's {@code astype(np.float16)}.
 */
public final class Half {
    private Half() {
    }

    /** The half nearest to {@code f} (overflow gives infinity; NaN stays NaN). */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0));
        }
        int e = exponent - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            int shift = 14 - e;
            return (short) (sign | roundedShift(mantissa | 0x800000, shift));
        }
        // A carry out of the mantissa rounds up into the exponent, which is the right answer (up to infinity).
        return (short) (sign | (e << 10) + roundedShift(mantissa, 13));
    }

    private static int roundedShift(int value, int shift) {
        int kept = value >> shift;
        int rest = value & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        return rest > halfway || rest == halfway && (kept & 1) != 0 ? kept + 1 : kept;
    }

    /** The float a half holds exactly. */
    public static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            float v = mantissa * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        return Float.intBitsToFloat(sign | (exponent - 15 + 127) << 23 | mantissa << 13);
    }
}
