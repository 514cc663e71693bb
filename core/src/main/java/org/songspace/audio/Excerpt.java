package org.songspace.audio;

import java.util.ArrayList;
import java.util.List;
import org.songspace.io.UserError;

/**
 * Which part of a track is analysed: the whole of it, or {@code seconds} in total taken as
 * {@code windows} equal windows spread evenly over the track (each centred in its share of the track,
 * so intros and fade-outs weigh little). One window is Musly's centred excerpt. A track no longer than
 * the excerpt is analysed whole.
 */
public record Excerpt(double seconds, int windows) {
    public static final Excerpt WHOLE = new Excerpt(0, 0);

    public Excerpt {
        if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new UserError("excerpt length must be >= 0 seconds: " + seconds);
        }
        if (seconds > 0 && windows < 1) {
            throw new UserError("an excerpt needs at least one window: " + windows);
        }
    }

    public static Excerpt of(double seconds, int windows) {
        return seconds == 0 ? WHOLE : new Excerpt(seconds, windows);
    }

    public boolean isWhole() {
        return seconds == 0;
    }

    /** A window of the source, in seconds from its start. */
    public record Window(double start, double length) {
    }

    /** The windows to read from a track of {@code duration} seconds (one window covering all when short). */
    public List<Window> windowsFor(double duration) {
        if (isWhole() || !(duration > seconds)) {
            return List.of(new Window(0, Double.POSITIVE_INFINITY));
        }
        double length = seconds / windows;
        double share = duration / windows;
        List<Window> out = new ArrayList<>(windows);
        for (int i = 0; i < windows; i++) {
            out.add(new Window(i * share + (share - length) / 2, length));
        }
        return out;
    }

    /** How it is said in messages: "whole" or "30 s in 3 windows". */
    public String describe() {
        if (isWhole()) {
            return "whole";
        }
        String length = seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
        return length + " s in " + windows + (windows == 1 ? " window" : " windows");
    }
}
