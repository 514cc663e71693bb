package org.songspace.train;

import java.util.Locale;
import org.songspace.io.UserError;
import org.songspace.model.ComputeDevice;
import org.songspace.model.Pooling;
import org.songspace.model.SavedModel;
import org.songspace.model.TripletLoss;

/**
 * How to train. The defaults ({@link #defaults()}, {@link #builder()}), chosen on real music with artists
 * unseen in training (docs/results.md): 20 epochs (the contrastive encoder: a budget of about 28,000 crops
 * whatever the library's size, see {@link #resolveEpochs}); batches of 8 labels x 4 different tracks (32); the label
 * encoders learn from supervised contrast (SupCon, temperature 0.1) with two crops of each training track
 * per epoch and keep the last epoch, their input standardised with one mean and deviation for all bands
 * (the autoencoder: per band, and its best epoch); Adam
 * with the learning rate following a cosine from 1e-3 to 1e-5; augmentation on; seed 42; CPU. With
 * {@code objective(TRIPLET)}: margin 0.3, batch-hard mining. With {@code keep(BEST)}: early stop after 8
 * epochs without a better validation score (k-NN accuracy, k = 5, cosine, averaged over 3 epochs; the
 * training loss where there are no labels). Crops of 3 s, pooled by their average and
 * maximum side by side for the triplet encoder, by their average for the others; no mixup; descriptor axes
 * beside the triplet and crnn encoders' vectors.
 * An option is added in one place: a component here, and its field and method in {@link Builder}.
 */
public record TrainingOptions(int epochs, int labelsPerBatch, int segmentsPerLabel, float learningRate,
                              float finalLearningRate, float margin, TripletLoss.Mining mining, int patience,
                              long seed, boolean augment, int kNeighbours, int maxTracksInMemory,
                              int embeddingDim, ComputeDevice device, int stepsPerEpoch, Normalisation normalisation,
                              Keep keep, Objective objective, float temperature, float cropSeconds,
                              PoolingChoice pooling, float mixup, DescriptorChoice descriptorAxes) {

    /** What the label-using encoders (triplet, crnn) learn from: triplets, or supervised contrast (SupCon). */
    public enum Objective { TRIPLET, SUPCON }

    /**
     * Which epoch the model folder keeps: the best by the monitored score (with early stopping), the last
     * one, or AUTO: the last for the label-trained encoders (on real music with unseen artists the noisy
     * validation score picked under-trained epochs), the best for the autoencoder and the contrastive
     * encoder (monitored on a label-free score: reconstruction, or the held-out contrastive loss).
     */
    public enum Keep {
        AUTO, BEST, LAST;

        public Keep resolve(org.songspace.model.EncoderType type) {
            return this != AUTO ? this : type.usesLabels() ? LAST : BEST;
        }
    }

    /**
     * How log-mel input is standardised: per mel band, one mean and deviation for all bands, or AUTO: global
     * for the encoders that learn by contrast (measured on unseen artists), per band for the autoencoder.
     */
    public enum Normalisation {
        AUTO, PER_BAND, GLOBAL;

        public Normalisation resolve(org.songspace.model.EncoderType type) {
            return this != AUTO ? this : type.learnsByContrast() ? GLOBAL : PER_BAND;
        }
    }

    /**
     * How the encoder pools its features: AUTO is average and maximum side by side for the triplet encoder
     * (measured on unseen artists, docs/results.md), the average for the others (not measured otherwise).
     */
    public enum PoolingChoice {
        AUTO, AVERAGE, MAX, AVERAGE_MAX;

        public Pooling resolve(org.songspace.model.EncoderType type) {
            return switch (this) {
                case AUTO -> type == org.songspace.model.EncoderType.TRIPLET ? Pooling.AVERAGE_MAX : Pooling.AVERAGE;
                case AVERAGE -> Pooling.AVERAGE;
                case MAX -> Pooling.MAX;
                case AVERAGE_MAX -> Pooling.AVERAGE_MAX;
            };
        }
    }

    /**
     * Whether a label-trained encoder's vector gets {@code DescriptorAxes} beside it (discriminants between its
     * labels, and its artists where enough are named, over a fixed track descriptor): AUTO and YES are yes for
     * triplet and crnn (both measured better on unseen artists, docs/results.md); never for the encoders
     * without labels.
     */
    public enum DescriptorChoice {
        AUTO, YES, NO;

        public boolean resolve(org.songspace.model.EncoderType type) {
            return this != NO && type.usesLabels();
        }
    }

    public TrainingOptions {
        if (epochs < 0 || labelsPerBatch <= 0 || segmentsPerLabel <= 0 || patience <= 0 || kNeighbours <= 0) {
            throw new UserError("epochs, batch sizes, patience and k must be positive");
        }
        if (labelsPerBatch * segmentsPerLabel < 2) {
            throw new UserError("a batch needs at least 2 segments");
        }
        if (!(learningRate > 0) || !(finalLearningRate > 0) || !(margin > 0)) {
            throw new UserError("learning rates and margin must be positive");
        }
        if (finalLearningRate > learningRate) {
            throw new UserError("the final learning rate (" + finalLearningRate + ") cannot exceed the initial one ("
                    + learningRate + ")");
        }
        if (stepsPerEpoch < 0 || maxTracksInMemory <= 0 || embeddingDim <= 0) {
            throw new UserError("steps per epoch must be 0 or more; tracks in memory and embedding size positive");
        }
        if (!(cropSeconds >= 0.5f && cropSeconds <= 60f)) {
            throw new UserError("--crop-seconds must be between 0.5 and 60, got " + cropSeconds);
        }
        if (pooling == null || descriptorAxes == null) {
            throw new UserError("pooling and descriptor axes must be given");
        }
        if (!(mixup >= 0 && mixup <= 1)) {
            throw new UserError("--mixup must be between 0 and 1, got " + mixup);
        }
    }

    /** The crop length the defaults train on: the 130-frame window of 3 s at 22,050 Hz and hop 512. */
    public static final float DEFAULT_CROP_SECONDS = 3f;

    /**
     * Frames in one training crop (and in each segment the model embeds) for features of {@code sampleRate}
     * and {@code hop}: rounded up, so the default 3 s is the 130-frame window every earlier model used.
     */
    public int cropFrames(int sampleRate, int hop) {
        return Math.max(16, (int) Math.ceil(cropSeconds * sampleRate / (double) hop - 1e-6));
    }

    /** Epochs when none are given: the label and autoencoder models' fixed schedule. */
    public static final int DEFAULT_EPOCHS = 20;
    /**
     * The contrastive encoder's training budget when no epochs are given: about this many crops whatever the
     * library's size. 60 epochs of 235 tracks' two crops beat 20 epochs on emotify-dev (0.623 against 0.585,
     * docs/results.md); past {@value #CONTRASTIVE_CROPS} / (2 x {@value #DEFAULT_EPOCHS}) = 700 tracks an epoch
     * is a fixed number of steps over a sample of the library, so the wait for a first mix stops growing
     * with the library (docs/performance.md).
     */
    public static final int CONTRASTIVE_CROPS = 28_000;

    /**
     * These options with concrete epochs: 0 means "chosen for the model", {@value #DEFAULT_EPOCHS}, or for
     * the contrastive encoder the {@value #CONTRASTIVE_CROPS}-crop budget: two crops a track per epoch for
     * 20-60 epochs on a small library (it needs more passes), {@value #DEFAULT_EPOCHS} epochs of a fixed
     * number of steps on a large one (unless steps per epoch are given).
     */
    public TrainingOptions resolveEpochs(org.songspace.model.EncoderType type, int trainTracks) {
        if (epochs > 0) {
            return this;
        }
        if (type != org.songspace.model.EncoderType.CONTRASTIVE) {
            return toBuilder().epochs(DEFAULT_EPOCHS).build();
        }
        int passes = Math.round(CONTRASTIVE_CROPS / (2f * Math.max(1, trainTracks)));
        Builder resolved = toBuilder().epochs(Math.max(DEFAULT_EPOCHS, Math.min(60, passes)));
        if (stepsPerEpoch == 0 && 2L * trainTracks * DEFAULT_EPOCHS > CONTRASTIVE_CROPS) {
            resolved.stepsPerEpoch(Math.max(1, Math.round(CONTRASTIVE_CROPS / (float) (DEFAULT_EPOCHS * batchSize()))));
        }
        return resolved.build();
    }

    /** Crops the resolved options train on with {@code trainTracks} tracks and two crops a track per epoch. */
    public long crops(int trainTracks) {
        return (long) epochs * (stepsPerEpoch > 0 ? (long) stepsPerEpoch * batchSize() : 2L * trainTracks);
    }

    public static TrainingOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().epochs(epochs).batch(labelsPerBatch, segmentsPerLabel).learningRate(learningRate)
                .finalLearningRate(finalLearningRate).margin(margin).mining(mining).patience(patience).seed(seed)
                .augment(augment).kNeighbours(kNeighbours).maxTracksInMemory(maxTracksInMemory)
                .embeddingDim(embeddingDim).device(device).stepsPerEpoch(stepsPerEpoch).normalisation(normalisation).keep(keep)
                .objective(objective).temperature(temperature).cropSeconds(cropSeconds).pooling(pooling).mixup(mixup)
                .descriptorAxes(descriptorAxes);
    }

    public int batchSize() {
        return labelsPerBatch * segmentsPerLabel;
    }

    SavedModel.TrainingSettings toRecord() {
        return new SavedModel.TrainingSettings(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate,
                margin, mining.name().toLowerCase(Locale.ROOT), patience, seed, augment, kNeighbours, device.id(),
                normalisation.name().toLowerCase(Locale.ROOT), keep.name().toLowerCase(Locale.ROOT),
                objective.name().toLowerCase(Locale.ROOT), temperature, stepsPerEpoch, maxTracksInMemory, embeddingDim,
                cropSeconds, pooling.name().toLowerCase(Locale.ROOT), mixup, descriptorAxes.name().toLowerCase(Locale.ROOT));
    }

    /** Options with the defaults above; {@link #build()} validates them. */
    public static final class Builder {
        private int epochs;
        private int labelsPerBatch = 8;
        private int segmentsPerLabel = 4;
        private float learningRate = 1e-3f;
        private float finalLearningRate = 1e-5f;
        private float margin = 0.3f;
        private TripletLoss.Mining mining = TripletLoss.Mining.BATCH_HARD;
        private int patience = 8;
        private long seed = 42;
        private boolean augment = true;
        private int kNeighbours = 5;
        private int maxTracksInMemory = 1500;
        private int embeddingDim = 128;
        private ComputeDevice device = ComputeDevice.CPU;
        private int stepsPerEpoch;
        private Normalisation normalisation = Normalisation.AUTO;
        private Keep keep = Keep.AUTO;
        private Objective objective = Objective.SUPCON;
        private float temperature = 0.1f;
        private float cropSeconds = DEFAULT_CROP_SECONDS;
        private PoolingChoice pooling = PoolingChoice.AUTO;
        private float mixup;
        private DescriptorChoice descriptorAxes = DescriptorChoice.AUTO;

        /** Epochs; 0 (the default) lets {@link #resolveEpochs} choose for the model. */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** P labels x K segments per batch. */
        public Builder batch(int labels, int perLabel) {
            labelsPerBatch = labels;
            segmentsPerLabel = perLabel;
            return this;
        }

        /** The initial learning rate (the final one never exceeds it). */
        public Builder learningRate(float value) {
            learningRate = value;
            finalLearningRate = Math.min(finalLearningRate, value);
            return this;
        }

        public Builder finalLearningRate(float value) {
            finalLearningRate = value;
            return this;
        }

        public Builder margin(float value) {
            margin = value;
            return this;
        }

        public Builder mining(TripletLoss.Mining value) {
            mining = value;
            return this;
        }

        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder augment(boolean value) {
            augment = value;
            return this;
        }

        public Builder kNeighbours(int value) {
            kNeighbours = value;
            return this;
        }

        public Builder maxTracksInMemory(int value) {
            maxTracksInMemory = value;
            return this;
        }

        public Builder embeddingDim(int value) {
            embeddingDim = value;
            return this;
        }

        public Builder device(ComputeDevice value) {
            device = value;
            return this;
        }

        /** Fixed steps per epoch (0 = enough batches to see each training segment about once). */
        public Builder stepsPerEpoch(int value) {
            stepsPerEpoch = value;
            return this;
        }

        public Builder normalisation(Normalisation value) {
            normalisation = value;
            return this;
        }

        public Builder objective(Objective value) {
            objective = value;
            return this;
        }

        /** SupCon's temperature. */
        public Builder temperature(float value) {
            temperature = value;
            return this;
        }

        /** Seconds in one training crop (and in each segment the model embeds). */
        public Builder cropSeconds(float value) {
            cropSeconds = value;
            return this;
        }

        /** How the encoder pools its feature grid into one vector. */
        public Builder pooling(PoolingChoice value) {
            pooling = value;
            return this;
        }

        /** Chance that a crop is blended with another crop of its label (triplet and crnn; 0 = never). */
        public Builder mixup(float value) {
            mixup = value;
            return this;
        }

        /** Whether descriptor axes are set beside the encoder's vector (label-trained encoders only). */
        public Builder descriptorAxes(DescriptorChoice value) {
            descriptorAxes = value;
            return this;
        }

        public Builder keep(Keep value) {
            keep = value;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(epochs, labelsPerBatch, segmentsPerLabel, learningRate, finalLearningRate, margin,
                    mining, patience, seed, augment, kNeighbours, maxTracksInMemory, embeddingDim, device, stepsPerEpoch,
                    normalisation, keep, objective, temperature, cropSeconds, pooling, mixup, descriptorAxes);
        }
    }
}
