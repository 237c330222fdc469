package org.spikescope.cells;

import org.junit.jupiter.api.Test;
import org.spikescope.core.Footprint;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracePartsTest {

    private static Footprint disc(int cx, int cy, int r) {
        int size = 2 * r + 1;
        float[] w = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d2 = (x - r) * (x - r) + (y - r) * (y - r);
                w[y * size + x] = (float) Math.exp(-d2 / (r * r));
            }
        }
        return new Footprint(cx - r, cy - r, size, size, w);
    }

    @Test
    void leastSquaresSplitsOverlappingCellsExactly() {
        int w = 40;
        List<Footprint> cells = List.of(disc(12, 12, 5), disc(18, 14, 5), disc(30, 30, 4));
        double[] truth = {3.0, -1.5, 7.25};
        float[] image = new float[w * w];
        for (int i = 0; i < cells.size(); i++) {
            Footprint f = cells.get(i);
            for (int y = 0; y < f.h(); y++) {
                for (int x = 0; x < f.w(); x++) {
                    image[(f.y0() + y) * w + f.x0() + x] += (float) (truth[i] * f.weights()[y * f.w() + x]);
                }
            }
        }
        double[] c = new double[3];
        new TraceSolver(cells, w).activity(image, c);
        assertArrayEquals(truth, c, 1e-4);
    }

    @Test
    void theBackgroundUnderNearlyIdenticalCellsIsPositiveForEach() {
        // two footprints 1 px apart (a cell and its copy) beside a bright patch of neuropil: a joint solve splits the
        // background between them into large values of opposite sign, each cell's own fit does not
        int w = 40;
        List<Footprint> cells = List.of(disc(20, 20, 5), disc(21, 20, 5));
        float[] background = new float[w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                background[y * w + x] = (float) (100 + 400 * Math.exp(-((x - 27) * (x - 27) + (y - 20) * (y - 20)) / 18.0));
            }
        }
        TraceSolver solver = new TraceSolver(cells, w);
        double[] joint = new double[2];
        solver.activity(background, joint);
        double[] level = new double[2];
        solver.levelUnder(background, level);
        assertTrue(Math.min(joint[0], joint[1]) < 0, "the joint solve this guards against: " + joint[0] + ", " + joint[1]);
        for (int i = 0; i < 2; i++) {
            double[] alone = new double[1];
            new TraceSolver(List.of(cells.get(i)), w).activity(background, alone);
            assertEquals(alone[0], level[i], 1e-6 * alone[0], "cell " + i + " as if it were alone");
            assertTrue(level[i] > 100, "cell " + i + " is on a background of at least 100: " + level[i]);
        }
    }

    @Test
    void theResidualOfKnownCellsIsTheMovieTheyLeaveUnexplained() throws Exception {
        int w = 40;
        int frames = 30;
        List<Footprint> known = List.of(disc(12, 12, 5), disc(18, 14, 5));
        Footprint hidden = disc(28, 26, 4);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[][] traces = new double[2][frames];
        float[][] movie = new float[frames][];
        float[][] unexplained = new float[frames][];
        for (int t = 0; t < frames; t++) {
            traces[0][t] = 100 * random.nextDouble();
            traces[1][t] = 50 * random.nextDouble();
            float[] cells = new float[w * w];
            new CellModel(known, new double[][]{{traces[0][t]}, {traces[1][t]}}).render(0, cells, w);
            unexplained[t] = new float[w * w];
            new CellModel(List.of(hidden), new double[][]{{30 * random.nextDouble()}}).render(0, unexplained[t], w);
            movie[t] = new float[w * w];
            for (int i = 0; i < movie[t].length; i++) {
                unexplained[t][i] += 200 + 10 * (float) random.nextGaussian();
                movie[t][i] = unexplained[t][i] + cells[i];
            }
        }
        CellModel model = new CellModel(known, traces);
        CellMovie cells = CellMovie.of(new org.spikescope.testing.MemoryMovie(movie, w, w, 20), 5, List.of(4));
        CellMovie residual = model.residualOf(cells);
        assertArrayEquals(new boolean[]{false, false, false, false, true}, java.util.Arrays.copyOf(
                residual.excluded(), 5), "the movie's excluded frames stay excluded");
        for (int t = 0; t < frames; t++) {
            assertArrayEquals(unexplained[t], residual.source().readFrame(t, null), 1e-3f, "frame " + t);
        }
        // the cells' mean image over the used frames only
        float[] mean = model.meanImage(cells);
        int centre = 12 * w + 12;
        double expected = 0;
        for (int t = 0; t < frames; t++) {
            float[] one = new float[w * w];
            model.render(t, one, w);
            expected += t == 4 ? 0 : one[centre] / (frames - 1.0);
        }
        assertEquals(expected, mean[centre], 1e-3 * expected);
    }

    @Test
    void backgroundRemovalFollowsCurvedBackgroundsToTheBordersAndKeepsCells() {
        int w = 96;
        int h = 80;
        float[] frame = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // a broad bright blob over a tilted plane, as one-photon backgrounds look
                double d2 = (x - 30.0) * (x - 30.0) + (y - 50.0) * (y - 50.0);
                frame[y * w + x] = (float) (500 + 2.0 * x - 1.0 * y + 300 * Math.exp(-d2 / (2 * 40.0 * 40.0)));
            }
        }
        float[] cells = new float[w * h];
        float[] background = new float[w * h];
        new BackgroundRemoval(w, h, 4).apply(frame, cells, background, null, 0);
        double worst = 0;
        double inside = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = Math.abs(cells[y * w + x]);
                worst = Math.max(worst, v);
                if (x >= 12 && y >= 12 && x < w - 12 && y < h - 12) {
                    inside = Math.max(inside, v);
                }
            }
        }
        // the background spans about 480 counts: less than 1 % of that is left inside, less than 2 % at the
        // borders, corners included (a plain box mean of the same size leaves about 10 at the blob's top and
        // the gradient times half the box at the borders)
        assertTrue(inside < 4.8, "largest background left inside " + inside);
        assertTrue(worst < 9.6, "largest background left " + worst);

        Footprint cell = disc(60, 40, 4);
        for (int y = 0; y < cell.h(); y++) {
            for (int x = 0; x < cell.w(); x++) {
                frame[(cell.y0() + y) * w + cell.x0() + x] += 100 * cell.weights()[y * cell.w() + x];
            }
        }
        new BackgroundRemoval(w, h, 4).apply(frame, cells, background, null, 0);
        assertTrue(cells[40 * w + 60] > 85, "cell peak kept: " + cells[40 * w + 60]);
        // with the cell known, the background under it is the background alone
        double[][] trace = {{100}};
        new BackgroundRemoval(w, h, 4).apply(frame, cells, background, new CellModel(List.of(cell), trace), 0);
        assertEquals(100, cells[40 * w + 60], 6);
    }

    @Test
    void deltaFOverFIsRelativeToTheCellAndTheBackgroundAtRest() {
        int n = 2000;
        double[] raw = new double[n];
        double[] bg = new double[n];
        for (int t = 0; t < n; t++) {
            raw[t] = 100 + (t % 200 == 50 ? 300 : 0);
            bg[t] = 900;
        }
        double[][] dff = DeltaF.compute(new CellTraces(new double[][]{raw}, new double[][]{bg}), 8, 600);
        assertEquals(0.3, dff[0][250], 1e-9);
        assertEquals(0, dff[0][251], 1e-9);
    }

    @Test
    void runningPercentileFollowsASlowDriftButNotTransients() {
        int n = 3000;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 0.01 * t + (t % 100 < 10 ? 50 : 0);
        }
        double[] base = DeltaF.runningPercentile(x, 8, 400);
        for (int t = 300; t < n - 300; t += 50) {
            assertEquals(0.01 * t, base[t], 2.5, "frame " + t);
        }
    }

    @Test
    void excludedFramesGetValuesInterpolatedFromTheirNeighbours() throws Exception {
        org.spikescope.core.FrameSource source = new org.spikescope.sim.SimulatedFrameSource(
                new org.spikescope.sim.MovieSimulator(org.spikescope.testing.Sims.small().frames(7).build(),
                        List.of()));
        CellMovie movie = CellMovie.of(source, 4, List.of(0, 2, 3, 6));
        double[] x = {99, 1, 99, 99, 4, 5, 99};
        movie.interpolateExcluded(x);
        // before the first used frame: its value; between: a straight line; after the last: its value
        assertArrayEquals(new double[]{1, 1, 2, 3, 4, 5, 5}, x, 1e-12);
        assertEquals(3, movie.usedFrames());
    }
}
