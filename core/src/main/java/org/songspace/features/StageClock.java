package org.songspace.features;

/** Accumulates time per pipeline stage, so the benchmark can say where a clip's time goes. Not thread-safe. */
public final class StageClock {
    /** The stages of turning a file into log-mel dB. */
    public enum Stage { DECODE, RESAMPLE, STFT, MEL, DECIBELS, TAGS }

    private final long[] nanos = new long[Stage.values().length];

    public void add(Stage stage, long elapsedNanos) {
        nanos[stage.ordinal()] += elapsedNanos;
    }

    public long nanos(Stage stage) {
        return nanos[stage.ordinal()];
    }

    public void addAll(StageClock other) {
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] += other.nanos[i];
        }
    }
}
