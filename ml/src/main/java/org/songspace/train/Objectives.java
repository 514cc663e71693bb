package org.songspace.train;

import ai.djl.training.loss.Loss;
import org.songspace.model.EncoderSpec;
import org.songspace.model.EncoderType;
import org.songspace.model.Encoders;
import org.songspace.model.ReconstructionLoss;
import org.songspace.model.SupConLoss;
import org.songspace.model.TripletLoss;

/** What each encoder learns from, and how its batches are drawn: one place for the trainer and the benchmark. */
final class Objectives {
    private Objectives() {
    }

    static Loss loss(EncoderType type, EncoderSpec spec, TrainingOptions options) {
        return switch (type) {
            case CAE -> new ReconstructionLoss(Encoders.reconstructedFrames(spec));
            case CONTRASTIVE -> SupConLoss.ntXent(options.temperature());
            case TRIPLET, CRNN -> options.objective() == TrainingOptions.Objective.SUPCON
                    ? new SupConLoss(options.temperature()) : new TripletLoss(options.margin(), options.mining());
        };
    }

    static TrainingSampler.Mode batches(EncoderType type) {
        return switch (type) {
            case CAE -> TrainingSampler.Mode.UNIFORM;
            case CONTRASTIVE -> TrainingSampler.Mode.VIEWS;
            case TRIPLET, CRNN -> TrainingSampler.Mode.LABELS;
        };
    }

    /** The augmentation of a training segment, or null without augmentation. */
    static SegmentAugmenter augmenter(EncoderType type, TrainingOptions options) {
        return options.augment() ? new SegmentAugmenter(type == EncoderType.CONTRASTIVE) : null;
    }

    /** Mixup within a label, for the encoders that learn from labels when asked; else null. */
    static CropMixer mixer(EncoderType type, TrainingOptions options) {
        return type.usesLabels() && options.mixup() > 0 ? new CropMixer(options.mixup()) : null;
    }
}
