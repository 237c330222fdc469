package org.spikescope.register;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/**
 * What sessions are aligned on: their footprints' projections (any input; CellReg's way), or the mean or
 * correlation image that results bundles keep (vessels and the field's texture besides the cells).
 */
public enum AlignOn implements Choice {
    FOOTPRINTS, MEAN, CORRELATION;

    @JsonValue
    @Override
    public String label() {
        return Choice.lowerCase(this);
    }
}
