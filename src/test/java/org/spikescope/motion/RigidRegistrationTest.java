package org.spikescope.motion;

import org.junit.jupiter.api.Test;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.Sims;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shift estimates against the simulator's motion ground truth, under a strong one-photon background. With a single
 * noisy frame as template this measures the estimator alone; the motion stage's averaged templates do better.
 */
class RigidRegistrationTest {

    @Test
    void rigidShiftsOfSimulatedOnePhotonFramesAreFoundToAFractionOfAPixel() {
        SimulationSettings s = Sims.small().width(128).height(128).frames(200).cells(30).cellRadius(5)
                .motion("rigid").maxShift(4).background(1500).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        GroundTruth truth = sim.groundTruth();
        RigidRegistration registration = new RigidRegistration(128, 128, 5);
        // template: frame 0 alone; the estimate then measures each frame's motion relative to frame 0
        registration.setTemplate(sim.renderStored(0, null));
        double[] d0 = truth.motion().meanDisplacement(0);
        double squared = 0;
        int count = 0;
        for (int t = 1; t < 200; t += 3) {
            double[] measured = registration.shift(sim.renderStored(t, null), 8);
            double[] d = truth.motion().meanDisplacement(t);
            double ex = measured[0] - (d[0] - d0[0]);
            double ey = measured[1] - (d[1] - d0[1]);
            squared += ex * ex + ey * ey;
            count++;
        }
        double rms = Math.sqrt(squared / count);
        System.out.printf("rigid registration vs ground truth (single noisy template frame): RMS %.3f px%n", rms);
        assertTrue(rms < 0.22, "RMS " + rms);
    }
}
