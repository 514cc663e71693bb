package org.songspace.democorpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A composed piece as timed MIDI events, with time in beats; {@link MidiRenderer} turns beats into
 * microseconds at the piece's tempo. Channel 9 is the General MIDI drum kit.
 */
final class Score {
    static final int DRUMS = 9;

    /** One MIDI event at a time in beats: a note (with duration) or a control/program change. */
    record Event(double beat, int kind, int channel, int data1, int data2, double lengthBeats) {
        static final int NOTE = 0;
        static final int PROGRAM = 1;
        static final int CONTROL = 2;
        static final int PITCH_BEND = 3;
    }

    private final double bpm;
    private final List<Event> events = new ArrayList<>();

    Score(double bpm) {
        this.bpm = bpm;
    }

    double bpm() {
        return bpm;
    }

    void note(int channel, int pitch, int velocity, double beat, double lengthBeats) {
        if (pitch < 0 || pitch > 127 || velocity <= 0 || lengthBeats <= 0 || beat < 0) {
            return;
        }
        events.add(new Event(beat, Event.NOTE, channel, pitch, Math.min(127, velocity), lengthBeats));
    }

    void program(int channel, int program) {
        events.add(new Event(0, Event.PROGRAM, channel, program, 0, 0));
    }

    void control(int channel, int controller, int value, double beat) {
        events.add(new Event(beat, Event.CONTROL, channel, controller, Math.max(0, Math.min(127, value)), 0));
    }

    /** Events sorted by time; at equal times programs and controls come before notes. */
    List<Event> events() {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(Event::beat).thenComparing(e -> e.kind() == Event.NOTE ? 1 : 0));
        return Collections.unmodifiableList(sorted);
    }
}
