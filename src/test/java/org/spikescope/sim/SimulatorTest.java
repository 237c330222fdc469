package org.spikescope.sim;

import org.spikescope.io.OutputTarget;
import org.spikescope.core.Footprint;
import org.spikescope.testing.Stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.CancelledException;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.movie.CorruptedFrameDetector;
import org.spikescope.movie.MovieOpener;
import org.spikescope.testing.SharedData;
import org.spikescope.testing.Sims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {

    @Test
    void sameSeedSameMovieOtherSeedOtherMovie() {
        SimulationSettings s = Sims.small().frames(40).build();
        float[] a = new MovieSimulator(s, List.of()).renderStored(17, null);
        float[] b = new MovieSimulator(s, List.of()).renderStored(17, null);
        float[] c = new MovieSimulator(s.toBuilder().seed(43).build(), List.of()).renderStored(17, null);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void singleSpikeCalciumPeaksAtOneAndDecaysWithItsTimeConstant() {
        CalciumKinetics k = CalciumKinetics.of(0.05, 0.5, 100);
        int[] spikes = new int[400];
        spikes[10] = 1;
        float[] c = k.apply(spikes);
        float peak = 0;
        int at = 0;
        for (int t = 0; t < c.length; t++) {
            if (c[t] > peak) {
                peak = c[t];
                at = t;
            }
        }
        assertEquals(1.0, peak, 1e-6);
        // well after the peak the decay is e^{-Δt/τ}: 0.5 s = 50 frames per e-fold
        assertEquals(Math.exp(-1), c[at + 150] / c[at + 100], 0.01);
    }

    /**
     * The motion ground truth moves the picture the way its convention says: frame t shows frame 0's content
     * displaced by d(t) − d(0). Measured by least-squares matching of frames against frame 0.
     */
    @Test
    void groundTruthShiftsMatchTheMotionInTheMovie() {
        SimulationSettings s = Sims.small().width(96).height(96).frames(60).cells(0).vessels(6).maxShift(4)
                .backgroundFluctuation(0).motion("rigid").build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        GroundTruth truth = sim.groundTruth();
        float[] reference = sim.renderStored(0, null);
        double[] d0 = truth.motion().meanDisplacement(0);
        double squared = 0;
        for (int t = 5; t < 60; t += 5) {
            float[] frame = sim.renderStored(t, null);
            double[] d = truth.motion().meanDisplacement(t);
            double[] measured = bestShift(reference, frame, 96, 96, 6);
            double ex = measured[0] - (d[0] - d0[0]);
            double ey = measured[1] - (d[1] - d0[1]);
            squared += ex * ex + ey * ey;
        }
        double rms = Math.sqrt(squared / 11);
        System.out.printf("simulated rigid motion: RMS error of measured vs true shift %.3f px%n", rms);
        assertTrue(rms < 0.35, "rms " + rms);
    }

    /**
     * Least-squares shift: frame(q) ≈ reference(q − shift), searched on whole pixels, then refined on a
     * 0.05 px grid with the reference interpolated bilinearly.
     */
    private static double[] bestShift(float[] reference, float[] frame, int w, int h, int range) {
        double[] best = {0, 0};
        double bestSsd = Double.MAX_VALUE;
        for (int dy = -range; dy <= range; dy++) {
            for (int dx = -range; dx <= range; dx++) {
                double ssd = ssd(reference, frame, w, h, range, dx, dy);
                if (ssd < bestSsd) {
                    bestSsd = ssd;
                    best = new double[]{dx, dy};
                }
            }
        }
        double[] coarse = best.clone();
        for (double dy = coarse[1] - 1; dy <= coarse[1] + 1; dy += 0.05) {
            for (double dx = coarse[0] - 1; dx <= coarse[0] + 1; dx += 0.05) {
                double ssd = ssd(reference, frame, w, h, range, dx, dy);
                if (ssd < bestSsd) {
                    bestSsd = ssd;
                    best = new double[]{dx, dy};
                }
            }
        }
        return best;
    }

    private static double ssd(float[] reference, float[] frame, int w, int h, int margin, double dx, double dy) {
        double sum = 0;
        for (int y = margin + 1; y < h - margin - 1; y++) {
            for (int x = margin + 1; x < w - margin - 1; x++) {
                double sx = x - dx;
                double sy = y - dy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int i = y0 * w + x0;
                double r = (1 - fy) * ((1 - fx) * reference[i] + fx * reference[i + 1])
                        + fy * ((1 - fx) * reference[i + w] + fx * reference[i + w + 1]);
                double diff = frame[y * w + x] - r;
                sum += diff * diff;
            }
        }
        return sum;
    }

    /**
     * The calcium ground truth is what the movie shows: each cell's footprint-weighted signal, with the local
     * background (a ring around the cell) subtracted, follows its true calcium.
     */
    @Test
    void cellSignalsInTheMovieFollowTheTrueCalcium() {
        SimulationSettings s = Sims.small().width(96).height(96).frames(400).cells(10).motion("none")
                .spikeRate(1.0).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        GroundTruth truth = sim.groundTruth();
        int n = truth.footprints().size();
        double[][] signal = new double[n][s.frames()];
        for (int t = 0; t < s.frames(); t++) {
            float[] frame = sim.renderStored(t, null);
            for (int c = 0; c < n; c++) {
                signal[c][t] = projected(truth.footprints().get(c), frame, s.width(), s.height());
            }
        }
        double[] r = new double[n];
        for (int c = 0; c < n; c++) {
            double[] calcium = new double[s.frames()];
            for (int t = 0; t < s.frames(); t++) {
                calcium[t] = truth.calcium()[c][t];
            }
            r[c] = Stats.pearson(signal[c], calcium);
        }
        double[] sorted = r.clone();
        java.util.Arrays.sort(sorted);
        double median = 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        System.out.printf("simulated cells: median correlation of movie signal with true calcium %.3f%n", median);
        assertTrue(median > 0.8, "median r " + median + " of " + java.util.Arrays.toString(r));
    }

    private static double projected(Footprint f, float[] frame, int w, int h) {
        double inside = 0;
        double weight = 0;
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                double v = f.weights()[y * f.w() + x];
                inside += v * frame[(f.y0() + y) * w + f.x0() + x];
                weight += v;
            }
        }
        double ring = 0;
        int count = 0;
        for (int y = Math.max(0, f.y0() - 4); y < Math.min(h, f.y0() + f.h() + 4); y++) {
            for (int x = Math.max(0, f.x0() - 4); x < Math.min(w, f.x0() + f.w() + 4); x++) {
                boolean inBox = y >= f.y0() && y < f.y0() + f.h() && x >= f.x0() && x < f.x0() + f.w();
                if (!inBox) {
                    ring += frame[y * w + x];
                    count++;
                }
            }
        }
        return inside / weight - ring / Math.max(count, 1);
    }

    @Test
    void corruptedFramesOfSimulatedMoviesAreFound(@TempDir Path dir) throws Exception {
        int truePositives = 0;
        int flagged = 0;
        int planted = 0;
        for (long seed = 1; seed <= 3; seed++) {
            SimulationSettings s = Sims.small().frames(300).corruptedFrames(8).seed(seed).build();
            RecordingSimulator.Written w = RecordingSimulator.write(s, List.of(), OutputTarget.of(dir.resolve("c" + seed)),
                    ProgressListener.NONE);
            Set<Integer> truth = new HashSet<>(new MovieSimulator(s, List.of()).groundTruth().corrupted());
            try (FrameSource movie = MovieOpener.open(w.movie(), "", 0)) {
                List<Integer> found = CorruptedFrameDetector.detect(movie, CorruptedFrameDetector.DEFAULT_THRESHOLD,
                        ProgressListener.NONE).corrupted();
                flagged += found.size();
                planted += truth.size();
                truePositives += (int) found.stream().filter(truth::contains).count();
            }
        }
        double precision = (double) truePositives / flagged;
        double recall = (double) truePositives / planted;
        System.out.printf("simulated corrupted frames: precision %.3f, recall %.3f%n", precision, recall);
        assertTrue(precision >= 0.9 && recall >= 0.9, "precision " + precision + ", recall " + recall);
    }

    @Test
    void realFootprintsBecomeTheCellShapes() throws Exception {
        Path csv = SharedData.require("placecell/regression_2d/footprints_A_sparse.csv");
        List<Footprint> templates = FootprintFactory.readSparseCsv(csv);
        assertEquals(10, templates.size());
        Set<Integer> templateAreas = new HashSet<>();
        for (Footprint f : templates) {
            templateAreas.add(area(f));
        }
        SimulationSettings s = Sims.small().width(128).height(128).cells(6).vessels(0).footprints(csv.toString())
                .build();
        GroundTruth truth = new MovieSimulator(s, templates).groundTruth();
        for (Footprint f : truth.footprints()) {
            assertTrue(templateAreas.contains(area(f)), "footprint area " + area(f) + " is one of the real ones");
        }
    }

    private static int area(Footprint f) {
        int n = 0;
        for (float v : f.weights()) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void badSettingsNameEveryBadField() {
        InputException e = assertThrows(InputException.class, () -> Sims.small().frames(0).droppedFrames(3).build()
                .validate());
        String m = e.getMessage();
        assertTrue(m.contains("frames must be positive") && m.contains("droppedFrames needs format v4"), m);
        InputException format = assertThrows(InputException.class, () -> Sims.small().format("avi"));
        assertTrue(format.getMessage().contains("parameter 'format': 'avi' is not one of [tiff, hdf5, v4]"),
                format.getMessage());
    }

    @Test
    void cancellingLeavesNoPartialRecording(@TempDir Path dir) {
        Path out = dir.resolve("never");
        ProgressListener cancelAfterFirstBatch = new ProgressListener() {
            private boolean started;

            @Override
            public void stage(String name) {
            }

            @Override
            public void progress(long done, long total) {
                started = true;
            }

            @Override
            public boolean isCancelled() {
                return started;
            }
        };
        assertThrows(CancelledException.class, () -> RecordingSimulator.write(Sims.small().build(), List.of(), OutputTarget.of(out),
                cancelAfterFirstBatch));
        assertFalse(Files.exists(out));
        assertEquals(0, dir.toFile().list().length, "no staging folder left behind");
    }
}
