package org.spikescope.sim;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** What the simulated recording is written as: a TIFF stack, an HDF5 dataset, or a UCLA Miniscope V4 folder. */
public enum SimulatedFormat implements Choice {
    TIFF, HDF5, V4;

    @JsonValue
    @Override
    public String label() {
        return Choice.lowerCase(this);
    }
}
