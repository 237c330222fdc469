package org.spikescope.detect;

import org.junit.jupiter.api.Test;
import org.spikescope.core.ProgressListener;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulatedFrameSource;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.MemoryMovie;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decay time detection estimates from a movie follows the indicator's: simulated movies with a fast (0.3 s) and
 * a slow (1.5 s) decay. Bursts lengthen the apparent decay of a fast indicator (measured: 0.76 s for 0.3 s, 1.50 s
 * for 1.5 s), so the bounds are loose, but the slow indicator must read clearly slower; a given decayTime is used
 * as given.
 */
class KineticsEstimateTest {

    private static Kinetics estimated(double decaySeconds, double given) throws Exception {
        return estimated(decaySeconds, DetectionSettings.defaults().withCellRadius(6).withDecayTime(given));
    }

    private static Kinetics estimated(double decaySeconds, DetectionSettings settings) throws Exception {
        SimulationSettings s = SimulationSettings.builder().width(96).height(96).frames(1000).cells(12).cellRadius(6)
                .decayTime(decaySeconds).riseTime(0.05).motion("none").seed(3).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        try (MemoryMovie movie = new MemoryMovie(new SimulatedFrameSource(sim))) {
            return NeuronDetector.detect(movie, settings, Set.of(), ProgressListener.NONE).summary().kinetics();
        }
    }

    @Test
    void followsTheIndicator() throws Exception {
        double rate = 20;
        Kinetics fast = estimated(0.3, 0);
        Kinetics slow = estimated(1.5, 0);
        System.out.printf("decay estimated: 0.3 s -> %.2f s, 1.5 s -> %.2f s%n", fast.decayFrames() / rate,
                slow.decayFrames() / rate);
        assertTrue(fast.estimated() && slow.estimated());
        assertTrue(fast.decayFrames() / rate >= 0.3 * 0.7 && fast.decayFrames() / rate <= 0.3 * 3.5, "fast " + fast);
        assertTrue(slow.decayFrames() / rate >= 1.5 * 0.7 && slow.decayFrames() / rate <= 1.5 * 3.5, "slow " + slow);
        assertTrue(slow.decayFrames() > 1.5 * fast.decayFrames(), fast + " vs " + slow);
    }

    @Test
    void aGivenDecayTimeIsUsed() throws Exception {
        Kinetics given = estimated(0.3, 2);
        assertFalse(given.estimated());
        assertEquals(40, given.decayFrames(), 1e-9);
    }

    /** Naming the indicator is the same as giving its decay time; both, disagreeing, is an error naming them. */
    @Test
    void anIndicatorsNameGivesItsDecayTime() throws Exception {
        Kinetics named = estimated(0.3, DetectionSettings.defaults().withCellRadius(6).withIndicator("gcamp6s"));
        assertFalse(named.estimated());
        assertEquals(1.25 * 20, named.decayFrames(), 1e-9);
        org.spikescope.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.spikescope.core.InputException.class, () -> DetectionSettings.defaults().withDecayTime(2)
                        .withIndicator(Indicator.GCAMP6F).validate());
        assertTrue(e.getMessage().contains("decayTime (2.0 s) and indicator (GCaMP6f, 0.7 s) disagree"),
                e.getMessage());
    }
}
