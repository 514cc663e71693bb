package org.songspace.audio;

import java.util.List;

/**
 * The files of a library folder that are not analysed: skipped ones with their reason, and a count of
 * plain non-audio (cover art, playlists, text).
 */
public record ScanReport(List<AudioFiles.Skipped> skipped, int notAudio) {
    public static final ScanReport NONE = new ScanReport(List.of(), 0);

    public ScanReport {
        skipped = List.copyOf(skipped);
    }
}
