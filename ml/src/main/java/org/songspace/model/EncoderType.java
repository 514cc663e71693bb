package org.songspace.model;

import java.util.Locale;
import org.songspace.io.UserError;

/** The three encoders of the original research, and a self-supervised one that needs no labels. */
public enum EncoderType {
    /** Convolutional autoencoder: learns by reconstructing its input; needs no labels. */
    CAE,
    /** Convolutional encoder trained with a triplet loss on labels (online mining). */
    TRIPLET,
    /** Convolutional layers that keep time, then a GRU over time; trained with the triplet loss. */
    CRNN,
    /**
     * The triplet encoder's trunk trained without labels: two augmented segments of one track are a
     * positive pair, the rest of the batch negatives (NT-Xent); a projection head used only in training.
     */
    CONTRASTIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "cae", "triplet", "crnn" or "contrastive" (any case). */
    public static EncoderType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown model '" + text + "': expected cae, triplet, crnn or contrastive", e);
        }
    }

    /** Whether training needs labels (triplet, crnn); cae and contrastive learn from the audio alone. */
    public boolean usesLabels() {
        return this == TRIPLET || this == CRNN;
    }

    /** Whether the model learns from contrast between segments (batches of positives and negatives). */
    public boolean learnsByContrast() {
        return this != CAE;
    }
}
