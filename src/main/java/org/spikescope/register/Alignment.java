package org.spikescope.register;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/**
 * How sessions are aligned to the reference: {@code translation}; {@code rigid} = translation and rotation;
 * {@code nonrigid} = rigid, then a smooth displacement field (quadratic in x and y) fitted to the cells matched
 * with confidence.
 */
public enum Alignment implements Choice {
    TRANSLATION, RIGID, NONRIGID;

    @JsonValue
    @Override
    public String label() {
        return Choice.lowerCase(this);
    }
}
