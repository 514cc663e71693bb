package org.songspace.model;

import java.util.Locale;
import org.songspace.io.UserError;

/** The three encoders of the original research. */
public enum EncoderType {
    /** Convolutional autoencoder: learns by reconstructing its input; needs no labels. */
    CAE,
    /** Convolutional encoder trained with a triplet loss on labels (online mining). */
    TRIPLET,
    /** Convolutional layers that keep time, then a GRU over time; trained with the triplet loss. */
    CRNN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "cae", "triplet" or "crnn" (any case). */
    public static EncoderType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown model '" + text + "': expected cae, triplet or crnn", e);
        }
    }

    public boolean usesLabels() {
        return this != CAE;
    }
}
