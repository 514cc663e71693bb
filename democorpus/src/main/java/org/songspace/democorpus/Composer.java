package org.songspace.democorpus;

import java.util.List;
import java.util.Random;

/**
 * Composes one clip of a style, played by a band: tempo, key, progression, groove and fills, then the
 * bass, chord, lead and pad parts, with humanised timing and velocity. Everything random comes from the
 * given {@link Random}, so a seed fixes the clip.
 */
final class Composer {
    private static final int COMP_CH = 0;
    private static final int BASS_CH = 1;
    private static final int LEAD_CH = 2;
    private static final int PAD_CH = 3;

    private final Style style;
    private final Band band;
    private final Random r;
    private final Score score;
    private final int key;
    private final double swing;
    private final List<Harmony.Chord> progression;

    private Composer(Style style, Band band, Random r) {
        this.style = style;
        this.band = band;
        this.r = r;
        this.score = new Score(band.bpm() * (0.95 + 0.1 * r.nextDouble()));
        this.key = band.keys()[r.nextInt(band.keys().length)];
        this.swing = band.swing();
        this.progression = Harmony.progression(style.progressions().get(r.nextInt(style.progressions().size())));
    }

    static Score compose(Style style, Band band, Random random, double seconds) {
        Composer c = new Composer(style, band, random);
        c.write(seconds);
        return c.score;
    }

    private void write(double seconds) {
        int bars = (int) Math.ceil(seconds * score.bpm() / 240.0) + 1;
        int compProgram = setUp();
        Parts parts = new Parts(score, r, key, style.scale(), swing);
        boolean lead = r.nextDouble() < band.leadChance() && style.lead() != Style.Lead.NONE;
        boolean pad = band.padProgram() >= 0 && r.nextDouble() < band.padChance();
        int[] riff = parts.makeRiff(style.leadDensity());
        double beat = 0;
        int chordIndex = 0;
        double chordLeft = progression.get(0).bars();
        for (int bar = 0; bar < bars; bar++, beat += 4) {
            Harmony.Chord chord = progression.get(chordIndex);
            Harmony.Chord next = progression.get((chordIndex + 1) % progression.size());
            boolean phraseEnd = bar % 4 == 3;
            drums(bar, beat, phraseEnd);
            parts.bass(style.bass(), chord, next, style.bassLow(), beat, BASS_CH);
            parts.comp(style.comp(), chord, style.compLow(), beat, COMP_CH, compProgram);
            if (pad) {
                parts.pad(chord, beat, PAD_CH);
            }
            // The lead plays some phrases and rests in others, as a singer or soloist would.
            if (lead && (bar / 4) % 2 == (r.nextDouble() < 0.8 ? 1 : 0)) {
                parts.lead(style.lead(), chord, style.leadLow(), style.leadHigh(), style.leadDensity(), beat, LEAD_CH, riff);
            }
            chordLeft -= 1;
            if (chordLeft <= 0) {
                chordIndex = (chordIndex + 1) % progression.size();
                chordLeft = progression.get(chordIndex).bars();
            }
        }
    }

    /** Programs, volumes and reverb per channel; returns the chord instrument's program. */
    private int setUp() {
        // Mostly the band's instruments, sometimes a guest: a band is a tendency, not a fingerprint.
        int[] programs = {maybeOther(band.compProgram(), style.compPrograms()), maybeOther(band.bassProgram(), style.bassPrograms()),
            maybeOther(band.leadProgram(), style.leadPrograms()), Math.max(0, band.padProgram())};
        int[] channels = {COMP_CH, BASS_CH, LEAD_CH, PAD_CH};
        for (int i = 0; i < channels.length; i++) {
            score.program(channels[i], programs[i]);
            score.control(channels[i], 7, band.volumes()[i] + r.nextInt(13) - 6, 0);
            score.control(channels[i], 91, band.reverb() + r.nextInt(11) - 5, 0);
        }
        score.control(Score.DRUMS, 7, band.volumes()[Band.DRUMS] + r.nextInt(13) - 6, 0);
        score.control(Score.DRUMS, 91, band.reverb() / 2, 0);
        return programs[0];
    }

    private int maybeOther(int usual, int[] options) {
        return r.nextDouble() < 0.25 ? options[r.nextInt(options.length)] : usual;
    }

    private void drums(int bar, double start, boolean phraseEnd) {
        List<String> groove = style.drumGrooves().get(r.nextDouble() < 0.85 ? band.groove()
                : r.nextInt(style.drumGrooves().size()));
        if (groove.isEmpty()) {
            return;
        }
        boolean fill = phraseEnd && r.nextDouble() < style.fillChance();
        if (bar % 8 == 0 && bar > 0 && r.nextDouble() < 0.7) {
            hit(49, 110, start, false);
        }
        for (String line : groove) {
            int colon = line.indexOf(':');
            int note = Integer.parseInt(line.substring(0, colon));
            String steps = line.substring(colon + 1);
            boolean triplets = steps.length() == 12;
            double step = 4.0 / steps.length();
            for (int i = 0; i < steps.length(); i++) {
                double at = start + i * step;
                if (fill && at >= start + 3) {
                    continue;
                }
                int velocity = switch (steps.charAt(i)) {
                    case 'X' -> 118;
                    case 'x' -> 96;
                    case 'o' -> r.nextDouble() < 0.8 ? 55 : 0;
                    default -> 0;
                };
                if (velocity > 0) {
                    hit(note, velocity, at, triplets);
                }
            }
        }
        if (fill) {
            int[] toms = {50, 48, 47, 45, 43, 41};
            int n = r.nextBoolean() ? 4 : 8;
            for (int i = 0; i < n; i++) {
                int note = r.nextDouble() < 0.3 ? 38 : toms[Math.min(toms.length - 1, i * toms.length / n)];
                hit(note, 90 + r.nextInt(30), start + 3 + i * (1.0 / n), false);
            }
        }
    }

    private void hit(int note, int velocity, double beat, boolean triplets) {
        double at = triplets ? beat : Parts.swung(beat, swing);
        score.note(Score.DRUMS, note, velocity + r.nextInt(15) - 7, Math.max(0, at + (r.nextDouble() - 0.5) * 0.02), 0.25);
    }
}
