package org.spikescope.spikes;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** The calcium dynamics deconvolution assumes: AR(1) (decay only), AR(2) (rise and decay), or chosen per cell. */
public enum CalciumModel implements Choice {
    AUTO("auto"), AR1("AR1"), AR2("AR2");

    private final String label;

    CalciumModel(String label) {
        this.label = label;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }
}
