package org.spikescope.benchmark;

import org.spikescope.core.ProgressListener;
import org.spikescope.rates.gfr.GfrFitSettings;
import org.spikescope.rates.gfr.GfrFitting;
import org.spikescope.rates.gfr.GfrFittingTest;

/**
 * Seconds to fit a GFR neuron (activation, then α and β at three learning rates × 500 steps, the defaults) to
 * 12,000 bins of simulated step and noise sweeps (GfrFittingTest's recording). No peer runs here: GRNN's PyTorch
 * fitting needs its data pipeline.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.spikescope.benchmark.GfrFitBenchmark}
 */
public final class GfrFitBenchmark {

    public static void main(String[] args) {
        double[][][] rec = GfrFittingTest.recording(GfrFittingTest.truth(), 5);
        GfrFitSettings s = GfrFitSettings.defaults();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            GfrFitting.Result fit = GfrFitting.fit("bench", "", rec[0], rec[1], s, ProgressListener.NONE);
            System.out.printf("round %d: 12000 bins, 3 learning rates x %d steps: %.2f s (validation EVR %.3f)%n",
                    round + 1, s.steps(), (System.nanoTime() - t0) / 1e9, fit.validationEvr());
        }
    }
}
