package org.spikescope.benchmark;

import org.spikescope.core.ProgressListener;
import org.spikescope.detect.DetectionResult;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.detect.NeuronDetector;
import org.spikescope.testing.FootprintMatching;
import org.spikescope.testing.MemoryMovie;
import org.spikescope.testing.RealDerivedMovies;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Neuron detection on movies rebuilt from real extractions ({@link RealDerivedMovies}: real footprints, real
 * calcium, a one-photon background and a real miniscope's noise): F1 against the real cells (IoU ≥ 0.5), cells
 * found (and how many of them lie on a real cell, {@link RealDerivedMovies.Scene#onCells}), the decay time
 * detection used, time, and the cells found by how clearly each shows frame by frame
 * ({@link RealDerivedMovies.Scene#peakSnr}). Issue 25's goal is F1 ≥ 0.85 on both, and ≥ 0.8 on the CellReg scenes
 * (session 1 was used in development; sessions 2 to 5 are kept aside). Radius 0 (the default) sets
 * each movie's {@code cellRadius} to its real cells' median radius, as a user who knows their cells would.
 * java -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.benchmark.RealDerivedDetectionBenchmark [placecell frames] [radius]
 */
public final class RealDerivedDetectionBenchmark {

    private RealDerivedDetectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        if (!RealDerivedMovies.available()) {
            System.out.println("skipped: " + RealDerivedMovies.DATA + " is absent");
            return;
        }
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        double radius = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        run(RealDerivedMovies.min1pipe(), radius);
        run(RealDerivedMovies.placecell("regression_1d", frames), radius);
        run(RealDerivedMovies.placecell("regression_2d", frames), radius);
        // session 1 has been looked into while developing detection; sessions 2 to 5 (other footprints of the same
        // field) are kept aside: issue 25 asks F1 >= 0.8 on such movies
        for (int session = 1; session <= 5; session++) {
            run(RealDerivedMovies.cellreg(session, Math.min(frames, 2000)), radius);
        }
    }

    static void run(RealDerivedMovies.Scene scene, double radius) throws Exception {
        double cellRadius = radius > 0 ? radius : scene.medianRadius();
        DetectionSettings settings = DetectionSettings.defaults().withCellRadius(cellRadius);
        MemoryMovie movie = new MemoryMovie(scene.movie(1));
        long start = System.nanoTime();
        DetectionResult r = NeuronDetector.detect(movie, settings, Set.of(), ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<int[]> pairs = FootprintMatching.match(scene.cells(), r.footprints(), scene.width(), scene.height());
        int matched = pairs.size();
        double f1 = 2.0 * matched / (scene.cells().size() + r.footprints().size());
        System.out.printf(Locale.ROOT, "%s (%dx%d, %d frames, %d cells), cellRadius %.1f: found %d (%d on a real cell),"
                        + " matched %d, F1 %.3f, decay %.2f s, %.1f s%n", scene.name(), scene.width(), scene.height(),
                scene.frames(), scene.cells().size(), cellRadius, r.footprints().size(),
                scene.onCells(r.footprints()), matched, f1,
                r.summary().kinetics().decayFrames() / scene.frameRate(), seconds);
        System.out.println("  cells found by their peak SNR (" + recallBySnr(scene, pairs) + ")");
    }

    /** Bins of {@link RealDerivedMovies.Scene#peakSnr}: where the misses lie, dim cells or bright ones. */
    static String recallBySnr(RealDerivedMovies.Scene scene, List<int[]> pairs) {
        double[] edges = {0, 3, 5, 8, 13, Double.POSITIVE_INFINITY};
        StringBuilder out = new StringBuilder();
        for (int b = 0; b + 1 < edges.length; b++) {
            int[] found = scene.foundBetween(pairs, edges[b], edges[b + 1]);
            String range = b + 2 < edges.length ? (int) edges[b] + "–" + (int) edges[b + 1] : "≥ " + (int) edges[b];
            out.append(b > 0 ? ", " : "").append(range).append(": ").append(found[0]).append(" of ").append(found[1]);
        }
        return out.toString();
    }
}
