package org.spikescope;

import org.junit.jupiter.api.Test;
import org.spikescope.core.Footprint;
import org.spikescope.register.RegistrationResult;
import org.spikescope.register.RegistrationSettings;
import org.spikescope.register.Session;
import org.spikescope.testing.MultiSessionScenes;
import org.spikescope.core.InputException;
import org.spikescope.core.TraceSet;
import org.spikescope.core.Trials;
import org.spikescope.decode.DecodingResult;
import org.spikescope.decode.DecodingRun;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.Stats;
import org.spikescope.traces.TraceSettings;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed entry points not covered by the scripts' tests, on in-memory data. */
class SpikeScopeApiTest {

    @Test
    void extractTracesMeasuresKnownCellsOfAnImgLib2Movie() throws Exception {
        SimulationSettings s = SimulationSettings.builder().width(96).height(96).frames(600).cells(10).cellRadius(5)
                .motion("none").seed(4).build();
        SpikeScope.Simulation simulation = SpikeScope.simulate(s, List.of());
        var movie = simulation.movie();
        GroundTruth truth = simulation.truth();
        assertEquals(600, movie.dimension(2));

        SpikeScope.Cells known = SpikeScope.extractTraces(movie, s.frameRate(), truth.footprints(),
                TraceSettings.defaults().withCellRadius(5));
        assertEquals(truth.footprints().size(), known.raw().cells());
        assertEquals(truth.footprints().size(), (int) known.footprints().dimension(2));
        double[] r = new double[truth.footprints().size()];
        for (int i = 0; i < r.length; i++) {
            double[] fluorescence = new double[s.frames()];
            for (int t = 0; t < fluorescence.length; t++) {
                fluorescence[t] = truth.amplitude()[i] * truth.calcium()[i][truth.storedToTrue()[t]];
            }
            r[i] = Stats.pearson(known.raw().values()[i], fluorescence);
        }
        Arrays.sort(r);
        System.out.printf("extractTraces with the true footprints: trace r median %.3f, lowest %.3f%n",
                r[r.length / 2], r[0]);
        // measured: median 0.953, lowest 0.915 (the simulator's fluctuating background stays in part)
        assertTrue(r[r.length / 2] >= 0.9, "median trace correlation " + r[r.length / 2]);

        // the cells detectNeurons finds, measured again: the same traces
        SpikeScope.Cells found = SpikeScope.detectNeurons(movie, s.frameRate(),
                DetectionSettings.defaults().withCellRadius(5));
        SpikeScope.Cells again = SpikeScope.extractTraces(movie, s.frameRate(), found.shapes(),
                TraceSettings.defaults().withCellRadius(5));
        double lowest = 1;
        for (int i = 0; i < found.raw().cells(); i++) {
            lowest = Math.min(lowest, Stats.pearson(found.raw().values()[i], again.raw().values()[i]));
        }
        System.out.printf("%d cells detected; their traces measured again correlate >= %.3f%n", found.raw().cells(),
                lowest);
        assertTrue(found.raw().cells() >= 8, found.raw().cells() + " cells");
        // measured: 9 cells, lowest 0.968
        assertTrue(lowest >= 0.9, "lowest correlation " + lowest);

        InputException e = assertThrows(InputException.class, () -> SpikeScope.extractTraces(movie, s.frameRate(),
                List.of(), TraceSettings.defaults()));
        assertTrue(e.getMessage().contains("footprints"), e.getMessage());
    }

    /**
     * Simulated trials of two conditions whose neurons respond with different latencies: decoded from a spikes
     * table far above chance, and at chance once the labels are shuffled.
     */
    /** correctMotion, then detectNeurons on its result: the cells found, none seeded where the edges were copied. */
    @Test
    void detectNeuronsOnACorrectedMovieFindsTheCellsAndLeavesTheCopiedEdgesAlone() {
        SimulationSettings s = SimulationSettings.builder().width(96).height(96).frames(600).cells(10).cellRadius(5)
                .motion("rigid").maxShift(6).seed(4).build();
        SpikeScope.Simulation simulation = SpikeScope.simulate(s, List.of());
        SpikeScope.Motion motion = SpikeScope.correctMotion(simulation.movie(),
                org.spikescope.motion.MotionSettings.defaults().withShape(8, 5));
        org.spikescope.core.CopiedBorder border = motion.shifts().copiedBorder();
        assertTrue(border.left() + border.right() >= 1 && border.top() + border.bottom() >= 1, border.toString());
        SpikeScope.Cells found = SpikeScope.detectNeurons(motion, s.frameRate(),
                DetectionSettings.defaults().withCellRadius(5));
        for (var f : found.shapes()) {
            double[] c = f.centre();
            // grown around a seed outside the bands: the centre lies within a cell radius of them
            assertTrue(c[0] >= border.left() - 5 && c[1] >= border.top() - 5 && c[0] <= 95 - border.right() + 5
                    && c[1] <= 95 - border.bottom() + 5, Arrays.toString(c) + " " + border);
        }
        int matched = org.spikescope.testing.FootprintMatching.matchUpToOffset(simulation.truth().footprints(),
                found.shapes(), 96, 96, 6).size();
        double f1 = 2.0 * matched / (s.cells() + found.shapes().size());
        System.out.printf("detectNeurons after correctMotion (96x96, 600 frames, 10 cells, rigid motion up to 6 px, "
                + "edge bands %s): F1 %.3f%n", border, f1);
        assertTrue(f1 >= 0.8, "F1 " + f1);
    }

    @Test
    void decodeTrialsTellsTheConditionsApart() {
        org.spikescope.rates.rnn.SimulatedTrials sim = new org.spikescope.rates.rnn.SimulatedTrials(60, 12, 7);
        Trials trials = sim.binned.trials();
        TraceSet spikes = sim.spikesPerFrame();
        DecodingRun.Settings d = DecodingRun.Settings.defaults();
        DecodingRun.Settings settings = new DecodingRun.Settings(new double[] {1000, 3000}, 250, d.decoders(), 5,
                true, false, 20, d.c(), 1, d.models());
        DecodingResult right = SpikeScope.decodeTrials(spikes, trials, settings).results().get(0);
        List<String> shuffled = new java.util.ArrayList<>(trials.labels());
        java.util.Collections.shuffle(shuffled, new java.util.Random(2));
        DecodingResult wrong = SpikeScope.decodeTrials(spikes, new Trials(trials.ids(), trials.startSeconds(),
                shuffled), settings).results().get(0);
        System.out.printf("decodeTrials: balanced accuracy %.3f (p %.3f); shuffled labels %.3f%n",
                right.balancedAccuracy(), right.pValue(), wrong.balancedAccuracy());
        assertTrue(right.balancedAccuracy() >= 0.85, "balanced accuracy " + right.balancedAccuracy());
        assertTrue(wrong.balancedAccuracy() <= 0.7, "shuffled labels " + wrong.balancedAccuracy());
    }

    @Test
    void registerSessionsMatchesFootprintListsAcrossDays() {
        MultiSessionScenes scenes = MultiSessionScenes.make(256, 224, 200, 4, 3, 0.8, 15, 4, 21);
        List<List<Footprint>> days = scenes.sessions().stream().map(Session::footprints).toList();
        RegistrationResult r = SpikeScope.registerSessions(days, 256, 224, RegistrationSettings.defaults());
        java.util.Set<String> truth = scenes.truePairs();
        java.util.Set<String> found = MultiSessionScenes.registeredPairs(r.cells());
        java.util.Set<String> right = new java.util.HashSet<>(found);
        right.retainAll(truth);
        System.out.printf("registerSessions: %d true pairs, %d found, %d right%n", truth.size(), found.size(),
                right.size());
        assertTrue(right.size() >= 0.95 * truth.size() && right.size() >= 0.95 * found.size());
        assertEquals("cell_001", r.sessions().get(0).ids().get(0));
    }
}
