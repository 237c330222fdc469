package org.spikescope.motion;

import org.junit.jupiter.api.Test;
import org.spikescope.core.ProgressListener;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.MotionPath;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulatedFrameSource;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.Sims;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shifts against the simulator's motion ground truth under a strong one-photon background (1,500 e⁻, 15 %
 * fluctuation, vessels). The template's own position is arbitrary, so each comparison removes the constant offset
 * (per patch in piecewise mode) and measures the error of the motion over time.
 */
class MotionAccuracyTest {

    @Test
    void rigidShiftsAreFoundToATenthOfAPixel() throws Exception {
        SimulationSettings s = Sims.small().width(160).height(160).frames(300).cells(45).cellRadius(5)
                .motion("rigid").maxShift(4).background(1500).corruptedFrames(4).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        GroundTruth truth = sim.groundTruth();
        Set<Integer> corrupted = new HashSet<>(truth.corrupted());
        MotionResult r = MotionCorrector.correct(new SimulatedFrameSource(sim),
                MotionSettings.defaults().withShape(6, 5), corrupted, null, ProgressListener.NONE);
        int n = r.frames();
        double[] ex = new double[n];
        double[] ey = new double[n];
        boolean[] use = new boolean[n];
        for (int t = 0; t < n; t++) {
            double[] d = truth.motion().meanDisplacement(t);
            ex[t] = r.x()[t] - d[0];
            ey[t] = r.y()[t] - d[1];
            use[t] = !corrupted.contains(t);
        }
        double rms = offsetFreeRms(ex, ey, use);
        System.out.printf("rigid motion correction vs ground truth (160x160, 300 frames, cell radius 5): RMS %.3f px%n",
                rms);
        assertTrue(rms <= 0.1, "RMS " + rms);
    }

    /**
     * The template is renewed every 10 frames here (200 renewals): without each renewal registered back onto the
     * first template, the registration's bias carried over from one to the next and the frame of reference drifted.
     * Compared as the mean error of the last 300 frames against the first and the middle 300.
     */
    @Test
    void theFrameOfReferenceDoesNotDriftAsTheTemplateIsRenewed() throws Exception {
        SimulationSettings s = Sims.small().width(160).height(160).frames(2000).cells(45).cellRadius(5)
                .motion("rigid").maxShift(4).background(1500).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        MotionSettings d = MotionSettings.defaults().withShape(6, 5);
        MotionSettings often = new MotionSettings(d.mode(), d.maxShift(), d.cellRadius(), d.patchSize(),
                d.patchOverlap(), d.maxDeviation(), d.minPatchCorrelation(), d.templateFrames(), 10);
        MotionResult r = MotionCorrector.correct(new SimulatedFrameSource(sim), often, Set.of(), null,
                ProgressListener.NONE);
        int block = 300;
        double[] first = meanError(r, sim.groundTruth().motion(), 0, block);
        double[] middle = meanError(r, sim.groundTruth().motion(), (r.frames() - block) / 2, (r.frames() + block) / 2);
        double[] last = meanError(r, sim.groundTruth().motion(), r.frames() - block, r.frames());
        double drift = Math.hypot(last[0] - first[0], last[1] - first[1]);
        double lateDrift = Math.hypot(last[0] - middle[0], last[1] - middle[1]);
        System.out.printf("frame of reference over 2,000 frames, 200 template renewals: last 300 frames against the "
                + "first %.3f px, against the middle %.3f px%n", drift, lateDrift);
        // measured: 0.060 and 0.098 px (0.025 and 0.063 with no renewal at all: the estimate's own wobble);
        // 0.42 and 0.77 px when renewals were not registered back onto the first template
        assertTrue(drift <= 0.2 && lateDrift <= 0.2, "drift " + drift + ", " + lateDrift + " px");
    }

    /** The mean of (measured − true) shift over frames [from, to). */
    private static double[] meanError(MotionResult r, MotionPath motion, int from, int to) {
        double[] sum = new double[2];
        for (int t = from; t < to; t++) {
            double[] d = motion.meanDisplacement(t);
            sum[0] += (r.x()[t] - d[0]) / (to - from);
            sum[1] += (r.y()[t] - d[1]) / (to - from);
        }
        return sum;
    }

    @Test
    void piecewiseShiftsFollowLocalMotionToAThirdOfAPixel() throws Exception {
        SimulationSettings s = Sims.small().width(256).height(256).frames(300).cells(120).cellRadius(4)
                .motion("piecewise").maxShift(4).background(1500).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        MotionPath motion = sim.groundTruth().motion();
        MotionSettings settings = MotionSettings.defaults().withMode("piecewise").withShape(6, 4).withPatches(64, 32);
        MotionResult r = MotionCorrector.correct(new SimulatedFrameSource(sim), settings, Set.of(), null,
                ProgressListener.NONE);
        PatchGrid g = r.grid();
        int n = r.frames();
        double squared = 0;
        double rigidSquared = 0;
        double[] d = new double[2];
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        for (int p = 0; p < g.count(); p++) {
            double[] ex = new double[n];
            double[] ey = new double[n];
            double[] rx = new double[n];
            double[] ry = new double[n];
            for (int t = 0; t < n; t++) {
                motion.displacement(g.centreX(p), g.centreY(p), t, d);
                ex[t] = r.patchX()[t][p] - d[0];
                ey[t] = r.patchY()[t][p] - d[1];
                rx[t] = r.x()[t] - d[0];
                ry[t] = r.y()[t] - d[1];
            }
            squared += Math.pow(offsetFreeRms(ex, ey, all), 2);
            rigidSquared += Math.pow(offsetFreeRms(rx, ry, all), 2);
        }
        double rms = Math.sqrt(squared / g.count());
        double rigidRms = Math.sqrt(rigidSquared / g.count());
        System.out.printf("piecewise motion correction vs ground truth at %d patch centres (256x256, 300 frames): "
                + "RMS %.3f px (the rigid shift alone: %.3f px)%n", g.count(), rms, rigidRms);
        assertTrue(rms <= 0.3, "RMS " + rms);
        assertTrue(rms < 0.75 * rigidRms, "piecewise " + rms + " vs rigid " + rigidRms);
    }

    /** RMS of (ex, ey) over the frames in {@code use}, after removing their mean. */
    static double offsetFreeRms(double[] ex, double[] ey, boolean[] use) {
        double mx = 0;
        double my = 0;
        int count = 0;
        for (int t = 0; t < ex.length; t++) {
            if (use[t]) {
                mx += ex[t];
                my += ey[t];
                count++;
            }
        }
        mx /= count;
        my /= count;
        double sq = 0;
        for (int t = 0; t < ex.length; t++) {
            if (use[t]) {
                sq += (ex[t] - mx) * (ex[t] - mx) + (ey[t] - my) * (ey[t] - my);
            }
        }
        return Math.sqrt(sq / count);
    }
}
