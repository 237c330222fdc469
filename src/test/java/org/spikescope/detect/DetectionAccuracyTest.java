package org.spikescope.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.spikescope.core.Footprint;
import org.spikescope.core.ProgressListener;
import org.spikescope.sim.FootprintFactory;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulatedFrameSource;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.MemoryMovie;
import org.spikescope.testing.SharedData;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection against the simulator's ground truth, at the level CaImAn and Minian report on their own simulations:
 * F1 ≥ 0.95 (one-to-one matches by footprint IoU ≥ 0.5), median footprint and trace correlation ≥ 0.9.
 */
class DetectionAccuracyTest {

    /** 128×128 px, 1,000 frames at 20 Hz (50 s), no motion (detection runs on corrected movies). */
    private static SimulationSettings.Builder movie() {
        return SimulationSettings.builder().width(128).height(128).frames(1000).cells(20).cellRadius(6)
                .motion("none").seed(1);
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of("default: background 800 e-, spikes 120 e-, 20 cells", movie()),
                Arguments.of("dense: 35 cells (centres 1.2 radii apart at the closest)", movie().cells(35)),
                Arguments.of("low SNR: spikes 60 e- under a background of 800 e-", movie().spikeAmplitude(60)),
                Arguments.of("strong background: 1,600 e-, fluctuating by 15 %", movie().background(1600)),
                Arguments.of("another scene (seed 2)", movie().seed(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void findsTheSimulatedCells(String name, SimulationSettings.Builder builder) throws Exception {
        DetectionScore score = detect(builder.build(), List.of(), 6);
        System.out.println(name + ": " + score);
        assertMeetsTheField(score);
    }

    @Test
    void findsCellsShapedLikeRealMiniscopeFootprints() throws Exception {
        // minian's footprints from a real session (radii 2.5 to 5.6 px), placed anew with simulated activity
        List<Footprint> real = FootprintFactory.readSparseCsv(
                SharedData.require("placecell/regression_2d/footprints_A_sparse.csv"));
        DetectionScore score = detect(SimulationSettings.builder().width(160).height(160).frames(2000).cells(15)
                .motion("none").seed(1).build(), real, 4);
        System.out.println("real footprints: " + score);
        assertMeetsTheField(score);
    }

    /**
     * With no background patterns asked for, the pass that estimates them (and carries the footprints' first
     * refinement) does not run: the footprints must be refined all the same.
     */
    @Test
    void findsTheCellsWithoutBackgroundPatterns() throws Exception {
        DetectionSettings d = DetectionSettings.defaults().withCellRadius(6);
        DetectionSettings none = new DetectionSettings(d.cellRadius(), d.minCorrelation(), d.minPnr(),
                d.mergeCorrelation(), d.minTraceSnr(), d.iterations(), d.baselinePercentile(), d.baselineSeconds(), 0,
                d.minSpatialCorrelation(), d.decayTime(), d.indicator());
        DetectionScore score = detect(movie().build(), List.of(), none);
        System.out.println("no background patterns: " + score);
        assertMeetsTheField(score);
    }

    /**
     * The one-photon regime real recordings show and the table above does not: a slow indicator (1.5 s), ΔF/F of a
     * few % (spikes of 40 e⁻ on 860 e⁻ of light), the lens's vignetting (2.6×) and 30 cells. Measured: F1 0.828
     * with the decay estimated from the movie (3.1 s: the estimate runs long), 0.929 with the indicator's decay
     * time given, as a person who knows their indicator would (0.873 before the residual seeding).
     */
    @Test
    void findsCellsOfASlowDimIndicatorUnderAVignettedLens() throws Exception {
        SimulationSettings s = movie().decayTime(1.5).spikeAmplitude(40).vignetting(2.6).cells(30).build();
        DetectionScore estimated = detect(s, List.of(), DetectionSettings.defaults().withCellRadius(6));
        DetectionScore given = detect(s, List.of(), DetectionSettings.defaults().withCellRadius(6).withDecayTime(1.5));
        System.out.println("slow, dim, vignetted, decay estimated: " + estimated);
        System.out.println("slow, dim, vignetted, decay given: " + given);
        assertTrue(estimated.f1() >= 0.75, "F1 " + estimated);
        assertTrue(given.f1() >= 0.85, "F1 " + given);
        assertTrue(given.medianTraceCorrelation() >= 0.9, "traces " + given);
    }

    private static DetectionScore detect(SimulationSettings s, List<Footprint> templates, double cellRadius)
            throws Exception {
        return detect(s, templates, DetectionSettings.defaults().withCellRadius(cellRadius));
    }

    private static DetectionScore detect(SimulationSettings s, List<Footprint> templates, DetectionSettings settings)
            throws Exception {
        MovieSimulator sim = new MovieSimulator(s, templates);
        try (MemoryMovie movie = new MemoryMovie(new SimulatedFrameSource(sim))) {
            DetectionResult r = NeuronDetector.detect(movie, settings, java.util.Set.of(), ProgressListener.NONE);
            return DetectionScore.of(r, sim.groundTruth(), s.width(), s.height());
        }
    }

    private static void assertMeetsTheField(DetectionScore score) {
        assertTrue(score.f1() >= 0.95, "F1 " + score);
        assertTrue(score.medianFootprintCorrelation() >= 0.9, "footprints " + score);
        assertTrue(score.medianTraceCorrelation() >= 0.9, "traces " + score);
    }
}
