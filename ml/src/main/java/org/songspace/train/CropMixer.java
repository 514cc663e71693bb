package org.songspace.train;

import java.util.Random;

/**
 * Mixup within a label: with probability {@code chance} a crop of the batch becomes a blend of itself and
 * another crop of the same label in that batch, weighted {@code w} in [0.5, 1) to itself, so the label
 * stays true and the loss needs no soft targets. Crops are raw dB, so they are blended in power, as two
 * recordings played together would be. Only for the label-trained encoders: the contrastive encoder's
 * labels are track identities, whose crops' blend would only be the same recording again.
 */
final class CropMixer {
    private final double chance;

    CropMixer(double chance) {
        if (!(chance > 0 && chance <= 1)) {
            throw new IllegalArgumentException("mixup chance must be in (0, 1], got " + chance);
        }
        this.chance = chance;
    }

    /** Blends crops of {@code batch} in place; {@code cells} values per crop. */
    void apply(TrainingSampler.Batch batch, int cells, Random random) {
        float[] original = batch.data().clone();
        int[] labels = batch.labels();
        int n = batch.size();
        for (int b = 0; b < n; b++) {
            if (random.nextDouble() >= chance) {
                continue;
            }
            int partner = partner(labels, b, random);
            if (partner < 0) {
                continue;
            }
            double own = 0.5 + random.nextDouble() * 0.5;
            blend(batch.data(), b * cells, original, partner * cells, cells, own);
        }
    }

    /** Another crop of {@code b}'s label, drawn uniformly, or -1 when it has none. */
    private static int partner(int[] labels, int b, Random random) {
        int count = 0;
        for (int j = 0; j < labels.length; j++) {
            if (j != b && labels[j] == labels[b]) {
                count++;
            }
        }
        if (count == 0) {
            return -1;
        }
        int pick = random.nextInt(count);
        for (int j = 0; j < labels.length; j++) {
            if (j != b && labels[j] == labels[b] && pick-- == 0) {
                return j;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** dB values at {@code to} become 10 log10(w 10^(a/10) + (1 - w) 10^(b/10)). */
    static void blend(float[] data, int to, float[] source, int from, int cells, double own) {
        for (int i = 0; i < cells; i++) {
            double a = Math.pow(10, data[to + i] / 10.0);
            double b = Math.pow(10, source[from + i] / 10.0);
            data[to + i] = (float) (10 * Math.log10(own * a + (1 - own) * b));
        }
    }
}
