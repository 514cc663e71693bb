package org.songspace.democorpus;

import java.util.Random;

/**
 * A "band" of a style: the traits its clips share (instruments, groove, tempo, keys, mix), like an artist
 * in a real collection. Clips of one band are more alike than clips of one style, so artist-aware splits
 * matter on the demo corpus as they do on GTZAN.
 */
record Band(String name, int compProgram, int bassProgram, int leadProgram, int padProgram, int groove,
            double bpm, double swing, int[] keys, int reverb, int[] volumes, double leadChance, double padChance) {

    /** Channel volumes (CC7) are indexed by part. */
    static final int COMP = 0;
    static final int BASS = 1;
    static final int LEAD = 2;
    static final int PAD = 3;
    static final int DRUMS = 4;

    static Band of(Style style, int index, long seed) {
        Random r = new Random(seed * 1_000_003L + style.name().hashCode() * 7919L + index);
        int[] keys = new int[3];
        int first = r.nextInt(12);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Math.floorMod(first + (i == 0 ? 0 : r.nextBoolean() ? 5 : 7) * i, 12);
        }
        int[] volumes = new int[5];
        for (int i = 0; i < volumes.length; i++) {
            volumes[i] = 78 + r.nextInt(40);
        }
        return new Band(style.name() + " band " + (char) ('A' + index),
                pick(style.compPrograms(), r), pick(style.bassPrograms(), r), pick(style.leadPrograms(), r),
                style.padPrograms().length == 0 ? -1 : pick(style.padPrograms(), r),
                r.nextInt(style.drumGrooves().size()),
                style.bpmMin() + (0.15 + 0.7 * r.nextDouble()) * (style.bpmMax() - style.bpmMin()),
                style.swingMin() + r.nextDouble() * (style.swingMax() - style.swingMin()),
                keys, style.reverbMin() + r.nextInt(Math.max(1, style.reverbMax() - style.reverbMin() + 1)),
                volumes, 0.4 + 0.5 * r.nextDouble(), 0.3 + 0.6 * r.nextDouble());
    }

    private static int pick(int[] options, Random r) {
        return options[r.nextInt(options.length)];
    }
}
