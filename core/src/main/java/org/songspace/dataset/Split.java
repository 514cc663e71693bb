package org.songspace.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A track-level split: every track id is in at most one of the three lists, so the segments of one
 * track never straddle training and evaluation.
 *
 * @param method how it was made (e.g. "stratified holdout seed=42", "lists:filtered")
 * @param train  ids to train on
 * @param valid  ids for model selection / early stopping (may be empty)
 * @param test   ids held out for the final figures (may be empty)
 */
public record Split(String method, List<String> train, List<String> valid, List<String> test) {

    public Split {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
        Set<String> seen = new HashSet<>();
        for (List<String> part : List.of(train, valid, test)) {
            for (String id : part) {
                if (!seen.add(id)) {
                    throw new IllegalArgumentException("track " + id + " appears twice in split '" + method + "'");
                }
            }
        }
    }

    /** The held-out part used for evaluation: test when present, else valid. */
    public List<String> heldOut() {
        return test.isEmpty() ? valid : test;
    }

    public int size() {
        return train.size() + valid.size() + test.size();
    }
}
