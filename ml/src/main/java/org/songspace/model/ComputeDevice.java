package org.songspace.model;

import java.util.Locale;
import org.songspace.io.UserError;

/** Where libtorch computes: the CPU (default), an NVIDIA GPU, or a GPU when one is usable. */
public enum ComputeDevice {
    CPU, GPU, AUTO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "cpu", "gpu" (or "cuda") and "auto", any case. */
    public static ComputeDevice parse(String text) {
        String t = text == null ? "cpu" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "cpu" -> CPU;
            case "gpu", "cuda" -> GPU;
            case "auto" -> AUTO;
            default -> throw new UserError("--device must be cpu, gpu or auto, got " + text);
        };
    }
}
