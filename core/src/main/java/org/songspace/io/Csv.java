package org.songspace.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSV through Jackson's CSV module (RFC 4180: fields quoted when they hold a comma, quote or line break),
 * so every CSV songspace reads or writes follows one set of rules. Rows are lists of fields; numbers are
 * written as Java prints them, independent of the locale.
 */
public final class Csv {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private Csv() {
    }

    /** Every row of a file (the header too), each as its fields. */
    public static List<List<String>> read(Path file) throws IOException {
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).readValues(file.toFile())) {
            List<List<String>> out = new ArrayList<>();
            while (rows.hasNextValue()) {
                out.add(Arrays.asList(rows.nextValue()));
            }
            return out;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a valid CSV file (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Writes a header and rows to {@code file}, whole or not at all; null fields are empty. */
    public static void write(Path file, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        AtomicFiles.write(file, out -> write(out, header, rows));
    }

    /** Writes a header and rows to a stream (left open). */
    public static void write(OutputStream out, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\n").withNullValue("");
        try (SequenceWriter lines = MAPPER.writer(schema).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(w)) {
            lines.write(header);
            for (List<?> row : rows) {
                lines.write(row);
            }
        }
        w.flush();
    }
}
