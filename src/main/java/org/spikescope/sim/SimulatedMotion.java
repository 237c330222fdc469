package org.spikescope.sim;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** How the simulated brain moves under the lens: not at all, as a whole, or bending (a shift per patch). */
public enum SimulatedMotion implements Choice {
    NONE, RIGID, PIECEWISE;

    @JsonValue
    @Override
    public String label() {
        return Choice.lowerCase(this);
    }
}
