package org.spikescope.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Trials of an experiment: an id, a start time (seconds on the recording's clock) and a label (the stimulus or
 * condition) each, in the order given.
 */
public record Trials(List<String> ids, double[] startSeconds, List<String> labels) {

    public Trials {
        ids = List.copyOf(ids);
        labels = List.copyOf(labels);
        if (ids.size() != startSeconds.length || labels.size() != startSeconds.length) {
            throw new IllegalArgumentException(ids.size() + " ids, " + startSeconds.length + " starts and "
                    + labels.size() + " labels");
        }
    }

    public int count() {
        return startSeconds.length;
    }

    /** The distinct labels in order of first appearance. */
    public List<String> conditions() {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }
}
