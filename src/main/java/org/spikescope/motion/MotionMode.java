package org.spikescope.motion;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/** Rigid: one shift per frame; piecewise: a shift per patch, interpolated (NoRMCorre). */
public enum MotionMode implements Choice {
    RIGID, PIECEWISE;

    @JsonValue
    @Override
    public String label() {
        return Choice.lowerCase(this);
    }
}
