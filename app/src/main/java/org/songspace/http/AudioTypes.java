package org.songspace.http;

import java.util.Locale;
import java.util.Map;

/** The MIME type a browser or a player expects for an audio file, by its extension. */
public final class AudioTypes {
    private static final Map<String, String> BY_SUFFIX = Map.ofEntries(
            Map.entry("mp3", "audio/mpeg"), Map.entry("flac", "audio/flac"), Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/ogg"), Map.entry("m4a", "audio/mp4"),
            Map.entry("mp4", "audio/mp4"), Map.entry("aac", "audio/aac"), Map.entry("wav", "audio/wav"),
            Map.entry("au", "audio/basic"), Map.entry("snd", "audio/basic"), Map.entry("wma", "audio/x-ms-wma"),
            Map.entry("wv", "audio/x-wavpack"), Map.entry("ape", "audio/x-ape"), Map.entry("mka", "audio/x-matroska"),
            Map.entry("aif", "audio/aiff"), Map.entry("aiff", "audio/aiff"));

    private AudioTypes() {
    }

    /** For a suffix without the dot, any case; unknown ones are sent as bytes. */
    public static String contentType(String suffix) {
        return BY_SUFFIX.getOrDefault(suffix.toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
