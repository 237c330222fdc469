package org.spikescope.rates.rnn;

import org.junit.jupiter.api.Test;
import org.spikescope.core.Workers;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutoencoderRnnTest {

    private static final int SEQUENCES = 3;
    private static final int STEPS = 7;

    private static double[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextGaussian();
        }
        return out;
    }

    private static double loss(AutoencoderRnn net, double[] p, double[] x, double[] target) {
        AutoencoderRnn.Pass pass = net.forward(p, x, SEQUENCES, STEPS, true, 5, null);
        return AutoencoderRnn.meanSquaredError(pass.outputs(), target, null);
    }

    /** The largest relative difference between {@code analytic} and central differences over {@code varied}. */
    private static double worstError(AutoencoderRnn net, double[] p, double[] x, double[] target, double[] varied,
                                     double[] analytic) {
        double h = 1e-6;
        double worst = 0;
        for (int i = 0; i < varied.length; i++) {
            double keep = varied[i];
            varied[i] = keep + h;
            double up = loss(net, p, x, target);
            varied[i] = keep - h;
            double down = loss(net, p, x, target);
            varied[i] = keep;
            double numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - analytic[i]) / Math.max(1e-4, Math.abs(numeric)));
        }
        return worst;
    }

    /** Back-propagation through time against central differences, dropout masks included (fixed by their seed). */
    @Test
    void gradientsMatchFiniteDifferences() {
        AutoencoderRnn net = new AutoencoderRnn(6, 4, 3, 0.2);
        double[] p = new double[net.parameterCount()];
        net.initialise(p, 1);
        double[] x = random(SEQUENCES * STEPS * 6, 2);
        double[] target = random(SEQUENCES * STEPS * 3, 3);

        AutoencoderRnn.Pass pass = net.forward(p, x, SEQUENCES, STEPS, true, 5, null);
        double[] dy = new double[pass.outputs().length];
        AutoencoderRnn.meanSquaredError(pass.outputs(), target, dy);
        double[] gradient = new double[p.length];
        double[] dx = new double[x.length];
        net.backward(p, pass, dy, gradient, dx, null);

        double worst = Math.max(worstError(net, p, x, target, p, gradient), worstError(net, p, x, target, x, dx));
        assertTrue(worst < 1e-5, "worst relative gradient error " + worst);
    }

    @Test
    void threadsChangeNothingAndPredictionDropsNothing() {
        AutoencoderRnn net = new AutoencoderRnn(5, 8, 3, 0.2);
        double[] p = new double[net.parameterCount()];
        net.initialise(p, 4);
        double[] x = random(SEQUENCES * STEPS * 5, 6);
        double[] dy = random(SEQUENCES * STEPS * 3, 7);
        double[] serial = new double[p.length];
        double[] parallel = new double[p.length];
        AutoencoderRnn.Pass one = net.forward(p, x, SEQUENCES, STEPS, true, 9, null);
        net.backward(p, one, dy, serial, null, null);
        try (Workers workers = new Workers()) {
            AutoencoderRnn.Pass many = net.forward(p, x, SEQUENCES, STEPS, true, 9, workers);
            net.backward(p, many, dy, parallel, null, workers);
            assertArrayEquals(one.outputs(), many.outputs(), 0);
        }
        assertArrayEquals(serial, parallel, 1e-12);

        // Dropout is inverted: with it off, two predictions agree and differ from a training pass
        double[] a = net.forward(p, x, SEQUENCES, STEPS, false, 1, null).outputs();
        double[] b = net.forward(p, x, SEQUENCES, STEPS, false, 2, null).outputs();
        assertArrayEquals(a, b, 0);
        assertTrue(Math.abs(a[5] - one.outputs()[5]) > 0);
        assertEquals(SEQUENCES * STEPS * 8, one.latents().length);
    }
}
