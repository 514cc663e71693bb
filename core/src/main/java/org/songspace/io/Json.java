package org.songspace.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** One configured JSON mapper for every file songspace writes (pretty, tolerant of fields added later). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static void write(Path path, Object value) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(value);
        AtomicFiles.write(path, out -> out.write(bytes));
    }

    public static <T> T read(Path path, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(path.toFile(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(path + ": not a valid " + type.getSimpleName() + " file (" + e.getOriginalMessage() + ")", e);
        }
    }
}
