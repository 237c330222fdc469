package org.spikescope.testing;

import org.spikescope.sim.SimulationSettings;

/** Small simulated recordings that keep the test suite fast. */
public final class Sims {

    private Sims() {
    }

    /** 64×64 px, 200 frames, 8 cells, rigid motion. */
    public static SimulationSettings.Builder small() {
        return SimulationSettings.builder().width(64).height(64).frames(200).cells(8).cellRadius(4).seed(42);
    }
}
