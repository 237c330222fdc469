package org.spikescope.spikes;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** How the pipeline turns ΔF/F into spikes: OASIS-class deconvolution or a learned model (CASCADE-class). */
public enum SpikeMethod implements Choice {
    OASIS("oasis"), LEARNED("learned");

    private final String label;

    SpikeMethod(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }
}
