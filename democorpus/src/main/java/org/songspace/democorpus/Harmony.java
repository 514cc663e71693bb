package org.songspace.democorpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Chords, progressions and scales, written relative to the key so one description serves every key. */
final class Harmony {
    private Harmony() {
    }

    /** Chord qualities as semitone intervals above the root. */
    static final Map<String, int[]> QUALITIES = Map.ofEntries(
            Map.entry("5", new int[] {0, 7, 12}),
            Map.entry("maj", new int[] {0, 4, 7}),
            Map.entry("min", new int[] {0, 3, 7}),
            Map.entry("7", new int[] {0, 4, 7, 10}),
            Map.entry("maj7", new int[] {0, 4, 7, 11}),
            Map.entry("m7", new int[] {0, 3, 7, 10}),
            Map.entry("9", new int[] {0, 4, 7, 10, 14}),
            Map.entry("m9", new int[] {0, 3, 7, 10, 14}),
            Map.entry("6", new int[] {0, 4, 7, 9}),
            Map.entry("sus2", new int[] {0, 2, 7}),
            Map.entry("sus4", new int[] {0, 5, 7}),
            Map.entry("add9", new int[] {0, 4, 7, 14}),
            Map.entry("dim", new int[] {0, 3, 6}),
            Map.entry("m7b5", new int[] {0, 3, 6, 10}));

    /** Scales (modes) as semitone steps from the tonic. */
    static final Map<String, int[]> SCALES = Map.of(
            "major", new int[] {0, 2, 4, 5, 7, 9, 11},
            "minor", new int[] {0, 2, 3, 5, 7, 8, 10},
            "dorian", new int[] {0, 2, 3, 5, 7, 9, 10},
            "mixolydian", new int[] {0, 2, 4, 5, 7, 9, 10},
            "phrygian", new int[] {0, 1, 3, 5, 7, 8, 10},
            "lydian", new int[] {0, 2, 4, 6, 7, 9, 11},
            "blues", new int[] {0, 3, 5, 6, 7, 10},
            "pentatonic", new int[] {0, 2, 4, 7, 9},
            "minor-pentatonic", new int[] {0, 3, 5, 7, 10});

    /** A chord of a progression: root in semitones above the key, quality, length in bars. */
    record Chord(int root, String quality, double bars) {
        int[] intervals() {
            return QUALITIES.get(quality);
        }
    }

    /**
     * Parses "0:maj 7:maj 9:min 5:maj" (one bar each) or "0:7:2" (two bars); roots are semitones above
     * the key, so "10:maj" is the flat seventh.
     */
    static List<Chord> progression(String text) {
        List<Chord> chords = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            String[] parts = token.split(":");
            if (!QUALITIES.containsKey(parts[1])) {
                throw new IllegalArgumentException("unknown chord quality in " + token);
            }
            chords.add(new Chord(Integer.parseInt(parts[0]), parts[1], parts.length > 2 ? Double.parseDouble(parts[2]) : 1));
        }
        return chords;
    }

    /** Scale notes (MIDI pitches) of a key between low and high inclusive. */
    static int[] scaleNotes(int key, String scale, int low, int high) {
        int[] steps = SCALES.get(scale);
        List<Integer> notes = new ArrayList<>();
        for (int p = low; p <= high; p++) {
            int degree = Math.floorMod(p - key, 12);
            for (int s : steps) {
                if (s == degree) {
                    notes.add(p);
                }
            }
        }
        return notes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The pitch of {@code pitchClass} (0-11) nearest above or at {@code low}. */
    static int atOrAbove(int pitchClass, int low) {
        int p = low + Math.floorMod(pitchClass - low, 12);
        return p;
    }

    /** A close voicing of a chord with its lowest note at or above {@code low}, optionally inverted. */
    static int[] voicing(int key, Chord chord, int low, int inversion) {
        int[] iv = chord.intervals();
        int root = atOrAbove(key + chord.root(), low);
        int[] notes = new int[iv.length];
        for (int i = 0; i < iv.length; i++) {
            notes[i] = root + iv[i];
        }
        for (int k = 0; k < inversion % iv.length; k++) {
            notes[k] += 12;
        }
        java.util.Arrays.sort(notes);
        return notes;
    }
}
