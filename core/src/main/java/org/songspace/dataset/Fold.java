package org.songspace.dataset;

import java.util.List;

/** One fold of a k-fold cross-validation: train on {@code train}, evaluate on {@code test}. */
public record Fold(int index, List<String> train, List<String> test) {
    public Fold {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
