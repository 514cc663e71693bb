package org.songspace.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 section 14 on a 321,458-byte file (the size from the report). */
class ByteRangeTest {
    static final long LENGTH = 321_458;

    @ParameterizedTest(name = "{0} -> {1} {2}-{3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL              | WHOLE         | 0      | 321457",
        "bytes=0-99        | PART          | 0      | 99",
        "bytes=100-        | PART          | 100    | 321457",
        "bytes=321457-     | PART          | 321457 | 321457",
        // the report's defects: past the end spun forever; a suffix was served from its offset
        "bytes=321458-     | UNSATISFIABLE | 0      | 321457",
        "bytes=321459-     | UNSATISFIABLE | 0      | 321457",
        "bytes=-100        | PART          | 321358 | 321457",
        "bytes=-999999999  | PART          | 0      | 321457",
        "bytes=-0          | UNSATISFIABLE | 0      | 321457",
        "bytes=0-999999999 | PART          | 0      | 321457",
        "bytes=99999999999999999999999- | UNSATISFIABLE | 0 | 321457",
        "bytes=0-99999999999999999999999 | PART | 0 | 321457",
        // invalid or not served as a range: the whole body, never an error
        "bytes=5-2         | WHOLE         | 0      | 321457",
        "bytes=abc-        | WHOLE         | 0      | 321457",
        "bytes             | WHOLE         | 0      | 321457",
        "bytes=            | WHOLE         | 0      | 321457",
        "bytes=-           | WHOLE         | 0      | 321457",
        "bytes=--5         | WHOLE         | 0      | 321457",
        "bytes=1-2-3       | WHOLE         | 0      | 321457",
        "bytes=+1-5        | WHOLE         | 0      | 321457",
        "items=0-5         | WHOLE         | 0      | 321457",
        "bytes=0-5;x=1     | WHOLE         | 0      | 321457",
        "'bytes=0-5, 10-20' | WHOLE        | 0      | 321457",
        "BYTES = 7-8       | PART          | 7      | 8",
    })
    void readsTheHeaderAsTheRfcSays(String header, ByteRange.Kind kind, long first, long last) {
        ByteRange r = ByteRange.of(header, LENGTH);
        assertEquals(kind, r.kind(), header);
        assertEquals(first, r.first(), header);
        assertEquals(last, r.last(), header);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bytes=0-999999999 | bytes 0-321457/321458", "bytes=400000- | bytes */321458",
        "bytes=-100 | bytes 321358-321457/321458"})
    void contentRangeIsValid(String header, String expected) {
        assertEquals(expected, ByteRange.of(header, LENGTH).contentRange(LENGTH));
    }

    @ParameterizedTest
    @CsvSource({"bytes=0-", "bytes=-5", "bytes=0-0"})
    void anEmptyFileSatisfiesNoRange(String header) {
        assertEquals(ByteRange.Kind.UNSATISFIABLE, ByteRange.of(header, 0).kind());
    }
}
