package org.songspace.democorpus;

import java.util.List;

/**
 * What makes a style recognisable, as data: tempo and swing, drum grooves, harmony, and how each part
 * (bass, chords, lead, pad) plays and on which General MIDI instruments. The composer draws every clip's
 * details (tempo, key, instruments, voicing, mix, fills) from these ranges, so clips of a style differ.
 *
 * @param drumGrooves one bar each; lines "NOTE:steps" where steps is a 16-step (or 12-step triplet) string
 *                    of 'X' accent, 'x' normal, 'o' ghost, '.' rest; empty list = no drums
 */
record Style(String name, double bpmMin, double bpmMax, double swingMin, double swingMax,
             List<List<String>> drumGrooves, double fillChance,
             String scale, List<String> progressions,
             Bass bass, int[] bassPrograms, int bassLow,
             Comp comp, int[] compPrograms, int compLow,
             Lead lead, int[] leadPrograms, int leadLow, int leadHigh, double leadDensity,
             int[] padPrograms, int reverbMin, int reverbMax) {

    /** How the bass moves. */
    enum Bass { ROOT_EIGHTHS, ROOT_SIXTEENTHS, ROOT_FIFTH, WALKING, BOOGIE, OCTAVES, SYNCOPATED, SUSTAINED }

    /** How the chord instrument plays. */
    enum Comp { STRUM, CHUG, OFFBEAT, JAZZ_COMP, SHUFFLE_RIFF, SUSTAINED, ARPEGGIO, BOOM_CHICK, LOOP }

    /** What the lead instrument does. */
    enum Lead { NONE, MELODY, RIFF, BLUES_LICKS, SPARSE }
}
