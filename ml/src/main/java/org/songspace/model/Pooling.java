package org.songspace.model;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * How an encoder turns its trunk's grid of features into one vector per segment: the average over the grid
 * (what every model before 2026-12-02 used, and still the default of all but the triplet encoder), the maximum (a feature counts when it fires
 * anywhere in the crop), or both side by side. The triplet and contrastive encoders pool over frequency and
 * time; the CRNN over its GRU's time steps.
 */
public enum Pooling {
    AVERAGE, MAX, AVERAGE_MAX;

    /** Pools {@code x} over {@code axes}, given in ascending order (kept axes first, pooled ones removed). */
    public NDArray apply(NDArray x, int[] axes) {
        return switch (this) {
            case AVERAGE -> reduce(x, axes, false);
            case MAX -> reduce(x, axes, true);
            case AVERAGE_MAX -> reduce(x, axes, false).concat(reduce(x, axes, true), 1);
        };
    }

    /** One axis at a time, last first: libtorch's engine in DJL reduces over a single axis per call. */
    private static NDArray reduce(NDArray x, int[] axes, boolean max) {
        NDArray out = x;
        for (int i = axes.length - 1; i >= 0; i--) {
            int[] axis = {axes[i]};
            out = max ? out.max(axis) : out.mean(axis);
        }
        return out;
    }

    /** As model.json and the command line write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
