package org.spikescope.benchmark;

import org.spikescope.core.ProgressListener;
import org.spikescope.detect.DetectionResult;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.detect.NeuronDetector;
import org.spikescope.testing.FootprintMatching;
import org.spikescope.testing.MemoryMovie;
import org.spikescope.testing.RealDerivedMovies;

import java.util.Locale;
import java.util.Set;

/**
 * Neuron detection on movies rebuilt from real extractions ({@link RealDerivedMovies}: real footprints, real
 * calcium, a one-photon background and a real miniscope's noise): F1 against the real cells (IoU ≥ 0.5), cells
 * found, time. Issue 25's goal is F1 ≥ 0.85 on both.
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
        double radius = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        DetectionSettings settings = DetectionSettings.defaults().withCellRadius(radius);
        run(RealDerivedMovies.min1pipe(), settings);
        run(RealDerivedMovies.placecell("regression_1d", frames), settings);
        run(RealDerivedMovies.placecell("regression_2d", frames), settings);
    }

    static void run(RealDerivedMovies.Scene scene, DetectionSettings settings) throws Exception {
        MemoryMovie movie = new MemoryMovie(scene.movie(1));
        long start = System.nanoTime();
        DetectionResult r = NeuronDetector.detect(movie, settings, Set.of(), ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        int matched = FootprintMatching.match(scene.cells(), r.footprints(), scene.width(), scene.height()).size();
        double f1 = 2.0 * matched / (scene.cells().size() + r.footprints().size());
        System.out.printf(Locale.ROOT, "%s (%dx%d, %d frames, %d cells): found %d, matched %d, F1 %.3f, %.1f s%n",
                scene.name(), scene.width(), scene.height(), scene.frames(), scene.cells().size(),
                r.footprints().size(), matched, f1, seconds);
    }
}
