package org.songspace.democorpus;

import java.util.Random;

/** The pitched parts of a clip, one bar at a time: bass lines, chord patterns, pads and leads. */
final class Parts {
    private final Score score;
    private final Random r;
    private final int key;
    private final String scale;
    private final double swing;
    private int lastLead = -1;

    Parts(Score score, Random r, int key, String scale, double swing) {
        this.score = score;
        this.r = r;
        this.key = key;
        this.scale = scale;
        this.swing = swing;
    }

    /**
     * Moves off-beat positions later: with swing s, the second half of each beat starts at 0.5 + s
     * instead of 0.5 (s = 1/6 gives the triplet feel of jazz and shuffle).
     */
    static double swung(double beat, double swing) {
        if (swing <= 0) {
            return beat;
        }
        double whole = Math.floor(beat);
        double p = beat - whole;
        double mid = 0.5 + swing;
        double mapped = p < 0.5 ? p / 0.5 * mid : mid + (p - 0.5) / 0.5 * (1 - mid);
        return whole + mapped;
    }

    private void play(int channel, int pitch, int velocity, double beat, double length) {
        double at = swung(beat, swing) + (r.nextDouble() - 0.5) * 0.02;
        score.note(channel, pitch, velocity + r.nextInt(13) - 6, Math.max(0, at), length);
    }

    void bass(Style.Bass kind, Harmony.Chord chord, Harmony.Chord next, int low, double bar, int ch) {
        int root = Harmony.atOrAbove(key + chord.root(), low);
        int[] iv = chord.intervals();
        int fifth = root + 7;
        switch (kind) {
            case ROOT_EIGHTHS -> {
                for (int i = 0; i < 8; i++) {
                    int p = i == 7 && r.nextDouble() < 0.3 ? fifth : root;
                    play(ch, p, i % 2 == 0 ? 100 : 85, bar + i * 0.5, 0.45);
                }
            }
            case ROOT_SIXTEENTHS -> {
                for (int i = 0; i < 16; i++) {
                    if (i % 4 == 1 && r.nextDouble() < 0.3) {
                        continue;
                    }
                    play(ch, root, i % 4 == 0 ? 105 : 85, bar + i * 0.25, 0.22);
                }
            }
            case ROOT_FIFTH -> bassRootFifth(root, fifth, iv, next, low, bar, ch);
            case WALKING -> bassWalking(root, iv, next, low, bar, ch);
            case BOOGIE -> {
                int[] steps = {0, 4, 7, 9, 10, 9, 7, 4};
                for (int i = 0; i < 8; i++) {
                    play(ch, root + steps[i], i % 2 == 0 ? 100 : 80, bar + i * 0.5, 0.45);
                }
            }
            case OCTAVES -> {
                for (int i = 0; i < 8; i++) {
                    play(ch, i % 2 == 0 ? root : root + 12, 100, bar + i * 0.5, 0.35);
                }
            }
            case SYNCOPATED -> bassSyncopated(root, fifth, bar, ch);
            case SUSTAINED -> {
                if (r.nextDouble() < 0.5) {
                    play(ch, root, 85, bar, 3.9);
                } else {
                    play(ch, root, 85, bar, 1.9);
                    play(ch, r.nextBoolean() ? fifth : root, 80, bar + 2, 1.9);
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    void comp(Style.Comp kind, Harmony.Chord chord, int low, double bar, int ch, int program) {
        boolean distorted = program == 29 || program == 30;
        int[] notes = distorted ? power(chord, low) : Harmony.voicing(key, chord, low, r.nextInt(3));
        switch (kind) {
            case STRUM -> {
                String[] patterns = {"X.x.X.x.", "X..xX.x.", "X.xxX.xx", "X...X.x."};
                String p = patterns[r.nextInt(patterns.length)];
                for (int i = 0; i < 8; i++) {
                    if (p.charAt(i) != '.') {
                        chord(ch, notes, p.charAt(i) == 'X' ? 100 : 80, bar + i * 0.5, distorted ? 0.45 : 0.5, 0.012);
                    }
                }
            }
            case CHUG -> {
                int[] mute = {notes[0], notes[1]};
                for (int i = 0; i < 16; i++) {
                    boolean accent = i % 4 == 0 || r.nextDouble() < 0.15;
                    chord(ch, accent ? notes : mute, accent ? 110 : 80, bar + i * 0.25, accent ? 0.4 : 0.15, 0);
                }
            }
            case OFFBEAT -> {
                for (int i = 0; i < 4; i++) {
                    chord(ch, notes, 95, bar + i + 0.5, 0.22, 0.004);
                }
            }
            case JAZZ_COMP -> compJazz(chord, notes, bar, ch);
            case SHUFFLE_RIFF -> {
                int root = Harmony.atOrAbove(key + chord.root(), low);
                int[] tops = {7, 7, 9, 9, 7, 7, 10, 9};
                for (int i = 0; i < 8; i++) {
                    chord(ch, new int[] {root, root + tops[i]}, i % 2 == 0 ? 100 : 80, bar + i * 0.5, 0.4, 0);
                }
            }
            case SUSTAINED -> chord(ch, notes, 70 + r.nextInt(20), bar, 3.95, 0.02);
            case ARPEGGIO -> compArpeggio(notes, bar, ch);
            case BOOM_CHICK -> {
                chord(ch, notes, 90, bar + 1, 0.4, 0.015);
                chord(ch, notes, 90, bar + 3, 0.4, 0.015);
                if (r.nextDouble() < 0.5) {
                    chord(ch, notes, 70, bar + 3.5, 0.3, 0.015);
                }
            }
            case LOOP -> {
                chord(ch, notes, 85, bar, 1.9, 0.005);
                chord(ch, notes, 80, bar + 2.5, 1.2, 0.005);
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void bassRootFifth(int root, int fifth, int[] iv, Harmony.Chord next, int low, double bar, int ch) {
        play(ch, root, 100, bar, 0.9);
        play(ch, fifth - 12 >= low ? fifth - 12 : fifth, 90, bar + 2, 0.9);
        if (r.nextDouble() < 0.4) {
            int target = Harmony.atOrAbove(key + next.root(), low);
            play(ch, target - 2, 80, bar + 3, 0.45);
            play(ch, target - 1, 80, bar + 3.5, 0.45);
        } else {
            play(ch, root + iv[1], 85, bar + 3, 0.9);
        }
            }

    private void bassWalking(int root, int[] iv, Harmony.Chord next, int low, double bar, int ch) {
        int target = Harmony.atOrAbove(key + next.root(), low);
        int[] line = {root, root + iv[1], root + iv[2], target + (r.nextBoolean() ? 1 : -1)};
        if (r.nextBoolean()) {
            line[2] = root + (iv.length > 3 ? iv[3] : 12);
        }
        for (int i = 0; i < 4; i++) {
            play(ch, line[i], 95, bar + i, 0.9);
        }
            }

    private void bassSyncopated(int root, int fifth, double bar, int ch) {
        String[] rhythms = {"X..x..x...X.x...", "X.....x.x.......", "X..X....x..x.x..", "X.......X..x..x."};
        String rhythm = rhythms[r.nextInt(rhythms.length)];
        for (int i = 0; i < 16; i++) {
            if (rhythm.charAt(i) != '.') {
                int p = rhythm.charAt(i) == 'X' ? root : r.nextBoolean() ? fifth : root + 12;
                play(ch, p, rhythm.charAt(i) == 'X' ? 110 : 90, bar + i * 0.25, 0.6);
            }
        }
            }

    private void compJazz(Harmony.Chord chord, int[] notes, double bar, int ch) {
        int[] rootless = chord.intervals().length > 3 ? new int[] {notes[1], notes[2], notes[3]} : notes;
        int hits = 2 + r.nextInt(3);
        for (int i = 0; i < hits; i++) {
            double at = bar + r.nextInt(8) * 0.5;
            chord(ch, rootless, 70 + r.nextInt(25), at, 0.4 + r.nextDouble(), 0.01);
        }
            }

    private void compArpeggio(int[] notes, double bar, int ch) {
        double step = r.nextBoolean() ? 0.5 : 0.25;
        int count = (int) (4 / step);
        boolean down = r.nextBoolean();
        for (int i = 0; i < count; i++) {
            int idx = i % (2 * notes.length - 2 <= 0 ? 1 : 2 * notes.length - 2);
            int n = idx < notes.length ? notes[idx] : notes[2 * notes.length - 2 - idx];
            play(ch, down ? notes[notes.length - 1] + notes[0] - n : n, 75, bar + i * step, step * 1.5);
        }
            }

    void pad(Harmony.Chord chord, double bar, int ch) {
        chord(ch, Harmony.voicing(key, chord, 60, r.nextInt(3)), 55 + r.nextInt(20), bar, 4, 0);
    }

    /** A one-bar motif: slot -> scale step offset (or Integer.MIN_VALUE for rest), reused through the clip. */
    int[] makeRiff(double density) {
        int[] riff = new int[16];
        for (int i = 0; i < 16; i++) {
            riff[i] = r.nextDouble() < density ? r.nextInt(7) - 2 : Integer.MIN_VALUE;
        }
        riff[0] = 0;
        return riff;
    }

    void lead(Style.Lead kind, Harmony.Chord chord, int low, int high, double density, double bar, int ch, int[] riff) {
        String leadScale = kind == Style.Lead.BLUES_LICKS ? "blues" : scale;
        int[] notes = Harmony.scaleNotes(key, leadScale, low, high);
        if (lastLead < 0) {
            lastLead = notes.length / 2;
        }
        switch (kind) {
            case MELODY, BLUES_LICKS -> {
                double step = kind == Style.Lead.BLUES_LICKS ? 0.5 : r.nextDouble() < 0.5 ? 0.5 : 0.25;
                int slots = (int) (4 / step);
                for (int i = 0; i < slots; i++) {
                    if (r.nextDouble() >= density) {
                        continue;
                    }
                    lastLead = Math.max(0, Math.min(notes.length - 1, lastLead + r.nextInt(5) - 2));
                    int length = 1 + (r.nextDouble() < 0.3 ? r.nextInt(3) : 0);
                    play(ch, notes[lastLead], 85 + r.nextInt(20), bar + i * step, step * length * 0.95);
                }
            }
            case RIFF -> {
                int base = nearestIndex(notes, Harmony.atOrAbove(key + chord.root(), low + 5));
                for (int i = 0; i < 16; i++) {
                    if (riff[i] != Integer.MIN_VALUE) {
                        int idx = Math.max(0, Math.min(notes.length - 1, base + riff[i]));
                        play(ch, notes[idx], 95, bar + i * 0.25, 0.23);
                    }
                }
            }
            case SPARSE -> {
                if (r.nextDouble() < density * 3) {
                    int idx = r.nextInt(notes.length);
                    play(ch, notes[idx], 70 + r.nextInt(25), bar + r.nextInt(4), 1 + r.nextInt(3));
                }
            }
            case NONE -> {
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void chord(int ch, int[] notes, int velocity, double beat, double length, double strum) {
        for (int i = 0; i < notes.length; i++) {
            play(ch, notes[i], velocity, beat + i * strum, length);
        }
    }

    private int[] power(Harmony.Chord chord, int low) {
        int root = Harmony.atOrAbove(key + chord.root(), low);
        return new int[] {root, root + 7, root + 12};
    }

    private static int nearestIndex(int[] notes, int pitch) {
        int best = 0;
        for (int i = 1; i < notes.length; i++) {
            if (Math.abs(notes[i] - pitch) < Math.abs(notes[best] - pitch)) {
                best = i;
            }
        }
        return best;
    }
}
