package org.spikescope.motion;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** What the corrected movie is written as: a TIFF stack or an HDF5 dataset ("movie"). */
public enum CorrectedFormat implements Choice {
    TIFF, HDF5;

    @JsonValue
    @Override
    public String label() {
        return Choice.lowerCase(this);
    }
}
