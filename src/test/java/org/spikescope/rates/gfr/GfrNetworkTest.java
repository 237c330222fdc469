package org.spikescope.rates.gfr;

import org.junit.jupiter.api.Test;
import org.spikescope.core.Workers;
import org.spikescope.rates.rnn.AutoencoderRnn;
import org.spikescope.rates.rnn.SequenceModel;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GfrNetworkTest {

    static GfrNetwork network(boolean trainUnits) {
        GfrCell fitted = GfrFittingTest.truth();
        return new GfrNetwork(5, 3, List.of(GfrNetwork.Unit.generic(20), GfrNetwork.Unit.of(fitted),
                GfrNetwork.Unit.generic(20)), trainUnits);
    }

    static double loss(GfrNetwork net, double[] p, double[] x, double[] target) {
        return AutoencoderRnn.meanSquaredError(net.forward(p, x, 2, 15, true, 0, null, null).outputs(), target, null);
    }

    /** Back through time through the units' dynamics and the recurrence, against central differences. */
    @Test
    void gradientsMatchFiniteDifferences() {
        GfrNetwork net = network(true);
        double[] p = new double[net.parameterCount()];
        net.initialise(p, 3);
        SplittableRandom rng = new SplittableRandom(4);
        for (int k = 0; k < p.length; k++) {
            p[k] += 0.01 * rng.nextGaussian(); // recurrent weights away from zero
        }
        double[] x = rng.doubles(2 * 15 * 5).map(v -> 2 * v - 1).toArray();
        double[] target = rng.doubles(2 * 15 * 3).toArray();
        SequenceModel.Pass pass = net.forward(p, x, 2, 15, true, 0, null, null);
        double[] dy = new double[target.length];
        AutoencoderRnn.meanSquaredError(pass.outputs(), target, dy);
        double[] gradient = new double[p.length];
        double[] dx = new double[x.length];
        net.backward(p, pass, dy, gradient, dx, null);
        double worst = Math.max(GfrLikelihoodTest.worst(p, gradient, q -> loss(net, q, x, target)),
                GfrLikelihoodTest.worst(x, dx, q -> loss(net, p, q, target)));
        assertTrue(worst < 1e-4, "worst relative error " + worst);
    }

    @Test
    void frozenUnitsKeepTheirDynamicsAndThreadsChangeNothing() {
        GfrNetwork frozen = network(false);
        double[] p = new double[frozen.parameterCount()];
        frozen.initialise(p, 3);
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = rng.doubles(2 * 15 * 5).toArray();
        double[] dy = rng.doubles(2 * 15 * 3).toArray();
        double[] serial = new double[p.length];
        frozen.backward(p, frozen.forward(p, x, 2, 15, true, 0, null, null), dy, serial, null, null);
        int unitParams = 2 * 3 * GfrCell.decays(20).length;
        for (int k = p.length - unitParams; k < p.length; k++) {
            assertEquals(0, serial[k]);
        }
        double[] parallel = new double[p.length];
        try (Workers workers = new Workers()) {
            frozen.backward(p, frozen.forward(p, x, 2, 15, true, 0, workers, null), dy, parallel, null, workers);
        }
        assertArrayEquals(serial, parallel, 1e-12);
    }
}
