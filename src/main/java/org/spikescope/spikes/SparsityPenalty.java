package org.spikescope.spikes;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** L1: λ chosen so that the fit explains the trace to its noise level; L0: the smallest spike size that does. */
public enum SparsityPenalty implements Choice {
    L0, L1;

    @JsonValue
    @Override
    public String label() {
        return name();
    }
}
