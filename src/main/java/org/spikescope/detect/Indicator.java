package org.spikescope.detect;

import com.fasterxml.jackson.annotation.JsonValue;
import org.spikescope.core.Choice;

/**
 * A calcium indicator and its decay time, for users who know their indicator rather than its kinetics: Suite2p's
 * recommended sensor time scales (0.7 s for GCaMP6f and jRGECO1a, 1.0 s for GCaMP6m, 1.25–1.5 s for GCaMP6s; two-
 * photon, cortex). One-photon recordings often decay more slowly (minian's CA1 traces: 1.7–6.5 s): "unknown" has
 * detection estimate the decay from the movie.
 */
public enum Indicator implements Choice {
    UNKNOWN("unknown", 0), GCAMP6F("GCaMP6f", 0.7), GCAMP6M("GCaMP6m", 1.0), GCAMP6S("GCaMP6s", 1.25),
    JRGECO1A("jRGECO1a", 0.7);

    private final String label;
    private final double decaySeconds;

    Indicator(String label, double decaySeconds) {
        this.label = label;
        this.decaySeconds = decaySeconds;
    }

    @JsonValue
    @Override
    public String label() {
        return label;
    }

    /** The decay time constant, seconds; 0 for an unknown indicator. */
    public double decaySeconds() {
        return decaySeconds;
    }
}
