package org.songspace.democorpus;

import java.lang.reflect.Method;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.songspace.io.UserError;

/**
 * Renders a {@link Score} offline with the JDK's own software synthesizer (Gervill) and its built-in
 * General MIDI sound bank: no sound card, no sound font download. Gervill can render faster than real
 * time into a stream through its {@code AudioSynthesizer} interface, which lives in the non-exported
 * package {@code com.sun.media.sound}: the launcher jar's manifest and the tests open it with
 * {@code Add-Exports: java.desktop/com.sun.media.sound}.
 *
 * <p>Rendering is deterministic: the same score gives the same samples.
 */
final class MidiRenderer {
    private static final String EXPORT_HINT = "run with --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED "
            + "(the songspace launcher does this)";

    private MidiRenderer() {
    }

    /** Renders {@code seconds} of the score as mono float samples in [-1, 1] at {@code sampleRate}. */
    static float[] render(Score score, double seconds, int sampleRate) {
        try {
            Synthesizer synth = MidiSystem.getSynthesizer();
            AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
            AudioInputStream stream = openStream(synth, format);
            try {
                Receiver receiver = synth.getReceiver();
                double microsPerBeat = 60e6 / score.bpm();
                for (Score.Event e : score.events()) {
                    long at = Math.round(e.beat() * microsPerBeat);
                    switch (e.kind()) {
                        case Score.Event.PROGRAM -> receiver.send(
                                new ShortMessage(ShortMessage.PROGRAM_CHANGE, e.channel(), e.data1(), 0), at);
                        case Score.Event.CONTROL -> receiver.send(
                                new ShortMessage(ShortMessage.CONTROL_CHANGE, e.channel(), e.data1(), e.data2()), at);
                        case Score.Event.NOTE -> {
                            receiver.send(new ShortMessage(ShortMessage.NOTE_ON, e.channel(), e.data1(), e.data2()), at);
                            long off = Math.round((e.beat() + e.lengthBeats()) * microsPerBeat);
                            receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, e.channel(), e.data1(), 0), off);
                        }
                        default -> throw new IllegalStateException("unknown event kind " + e.kind());
                    }
                }
                int frames = (int) Math.round(seconds * sampleRate);
                byte[] bytes = new byte[frames * 2];
                int read = 0;
                while (read < bytes.length) {
                    int n = stream.read(bytes, read, bytes.length - read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                float[] out = new float[frames];
                for (int i = 0; i < frames; i++) {
                    out[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                }
                return out;
            } finally {
                stream.close();
                synth.close();
            }
        } catch (MidiUnavailableException | InvalidMidiDataException | java.io.IOException e) {
            throw new UserError("MIDI rendering failed: " + e.getMessage(), e);
        }
    }

    private static AudioInputStream openStream(Synthesizer synth, AudioFormat format) throws MidiUnavailableException {
        try {
            Class<?> audioSynth = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynth.isInstance(synth)) {
                throw new UserError("the JDK's default synthesizer is not Gervill (" + synth.getClass().getName()
                        + "); the demo corpus needs an OpenJDK-based Java");
            }
            Method open = audioSynth.getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) open.invoke(synth, format, null);
        } catch (IllegalAccessException e) {
            throw new UserError("cannot reach the JDK's offline MIDI renderer: " + EXPORT_HINT, e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof MidiUnavailableException mue) {
                throw mue;
            }
            throw new UserError("cannot open the JDK's MIDI renderer: " + cause, cause);
        }
    }
}
