package org.spikescope.rates.gfr;

import org.spikescope.core.Workers;
import org.spikescope.rates.rnn.SequenceModel;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A recurrent network of GFR neurons as a rate model (GRNN's network experiments): each unit j receives the current
 * I_j(t) = b_j + Σ_i W_ji x_i(t) + Σ_k R_jk q_k(t−1), runs its own GFR dynamics (α, β, λ, g) and fires f_j(t); a
 * linear readout of q_j = f_j/γ_j (each unit's rate as a share of its maximum, so that weights see values in [0, 1]
 * whatever the units' rates) gives the outputs. Trained: the input, recurrent and readout weights, and
 * the units' α and β unless frozen (g always stays as given). The latent state is the units' rates.
 */
public final class GfrNetwork implements SequenceModel {

    /** One unit's fixed dynamics and activation, and its starting α and β. */
    public record Unit(double[] alpha, double[] beta, double[] lambda, GfrActivation activation) {

        public static Unit of(GfrCell cell) {
            return new Unit(cell.alpha(), cell.beta(), cell.lambda(), cell.activation());
        }

        /**
         * A generic unit for when no dataset is given: α = (n, 0, …) so that the mean state is the input, β = 0, and
         * g(x) = 100 Hz · ReLU(tanh(0.25 + x)), responsive on both sides of zero input.
         */
        public static Unit generic(double binMs) {
            double[] lambda = GfrCell.decays(binMs);
            double[] alpha = new double[lambda.length];
            alpha[0] = lambda.length;
            return new Unit(alpha, new double[lambda.length], lambda,
                    new GfrActivation(1, 0.1, new double[] {0.5, 1}, 0, binMs));
        }
    }

    /** The network as stored with a model. */
    public record Spec(int inputs, int outputs, List<Unit> units, boolean trainUnits) implements SequenceModel.Spec {
        @Override
        public GfrNetwork build() {
            return new GfrNetwork(inputs, outputs, units, trainUnits);
        }
    }

    private final int nIn;
    private final int nOut;
    private final int units;
    private final int states;
    private final List<Unit> unitList;
    private final boolean trainUnits;
    /** From a rate in Hz to the share of the unit's maximum, 1/(1000 γ). */
    private final double[] toShare;
    private final int win;
    private final int bin;
    private final int wrec;
    private final int wout;
    private final int bout;
    private final int alpha;
    private final int beta;
    private final int size;

    public GfrNetwork(int inputs, int outputs, List<Unit> unitList, boolean trainUnits) {
        this.nIn = inputs;
        this.nOut = outputs;
        this.units = unitList.size();
        this.states = unitList.get(0).lambda().length;
        for (Unit u : unitList) {
            if (u.lambda().length != states || u.alpha().length != states || u.beta().length != states) {
                throw new IllegalArgumentException("every unit needs " + states + " hidden states (same bin size)");
            }
        }
        this.unitList = List.copyOf(unitList);
        this.trainUnits = trainUnits;
        this.toShare = unitList.stream().mapToDouble(u -> 1 / (1000 * u.activation().maxFiringRate())).toArray();
        int o = 0;
        win = o; o += units * nIn;
        bin = o; o += units;
        wrec = o; o += units * units;
        wout = o; o += nOut * units;
        bout = o; o += nOut;
        alpha = o; o += units * states;
        beta = o; o += units * states;
        size = o;
    }

    @Override
    public int parameterCount() {
        return size;
    }

    @Override
    public int inputs() {
        return nIn;
    }

    @Override
    public int outputs() {
        return nOut;
    }

    /**
     * Input weights uniform in ±σ_j/√inputs (σ_j the unit's maximum current), biases at b_j + 0.3σ_j so that units
     * start responsive, no recurrence, a readout uniform in ±1/√units, α and β as the units come.
     */
    @Override
    public void initialise(double[] p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Arrays.fill(p, 0);
        for (int j = 0; j < units; j++) {
            GfrActivation g = unitList.get(j).activation();
            for (int i = 0; i < nIn; i++) {
                p[win + j * nIn + i] = (2 * rng.nextDouble() - 1) * g.maxCurrent() / Math.sqrt(nIn);
            }
            p[bin + j] = g.threshold() + 0.3 * g.maxCurrent();
            System.arraycopy(unitList.get(j).alpha(), 0, p, alpha + j * states, states);
            System.arraycopy(unitList.get(j).beta(), 0, p, beta + j * states, states);
        }
        for (int k = 0; k < nOut * units; k++) {
            p[wout + k] = (2 * rng.nextDouble() - 1) / Math.sqrt(units);
        }
    }

    /** Per sequence and step: input currents, mean states and rates (Hz), kept for the backward pass. */
    public final class Pass implements SequenceModel.Pass {
        private final int sequences;
        private final int steps;
        private final double[] x;
        private final double[] current;
        private final double[] mean;
        private final double[] rate;
        private final double[] y;

        private Pass(double[] x, int sequences, int steps) {
            this.sequences = sequences;
            this.steps = steps;
            this.x = x;
            int rows = sequences * steps;
            current = new double[rows * units];
            mean = new double[rows * units];
            rate = new double[rows * units];
            y = new double[rows * nOut];
        }

        @Override
        public double[] outputs() {
            return y;
        }

        /** The units' rates, Hz. */
        @Override
        public double[] latents() {
            return rate;
        }
    }

    @Override
    public Pass forward(double[] p, double[] x, int sequences, int steps, boolean training, long maskSeed,
                        Workers workers, SequenceModel.Pass reuse) {
        Pass pass = new Pass(x, sequences, steps);
        Workers.inBlocks(workers, sequences, (chunk, from, to) -> {
            double[] h = new double[units * states];
            for (int s = from; s < to; s++) {
                Arrays.fill(h, 0);
                forwardSequence(p, pass, s, h);
            }
        });
        return pass;
    }

    private void forwardSequence(double[] p, Pass pass, int s, double[] h) {
        for (int t = 0; t < pass.steps; t++) {
            int row = s * pass.steps + t;
            int prev = t > 0 ? (row - 1) * units : -1;
            for (int j = 0; j < units; j++) {
                double in = p[bin + j];
                for (int i = 0; i < nIn; i++) {
                    in += p[win + j * nIn + i] * pass.x[row * nIn + i];
                }
                double feedback = 0;
                if (prev >= 0) {
                    for (int k = 0; k < units; k++) {
                        in += p[wrec + j * units + k] * pass.rate[prev + k] * toShare[k];
                    }
                    feedback = pass.rate[prev + j];
                }
                double[] lambda = unitList.get(j).lambda();
                double sum = 0;
                for (int i = 0; i < states; i++) {
                    int q = j * states + i;
                    h[q] = (1 - lambda[i]) * h[q] + p[alpha + q] * in + p[beta + q] * feedback;
                    sum += h[q];
                }
                pass.current[row * units + j] = in;
                pass.mean[row * units + j] = sum / states;
                pass.rate[row * units + j] = 1000 * unitList.get(j).activation().apply(sum / states);
            }
            for (int o = 0; o < nOut; o++) {
                double v = p[bout + o];
                for (int j = 0; j < units; j++) {
                    v += p[wout + o * units + j] * pass.rate[row * units + j] * toShare[j];
                }
                pass.y[row * nOut + o] = v;
            }
        }
    }

    @Override
    public void backward(double[] p, SequenceModel.Pass given, double[] dy, double[] gradient, double[] dx,
                         Workers workers) {
        Pass pass = (Pass) given;
        int chunkCount = Workers.blockCount(workers, pass.sequences);
        double[][] partial = new double[chunkCount][size];
        Workers.inBlocks(workers, pass.sequences, (chunk, from, to) -> {
            for (int s = from; s < to; s++) {
                backwardSequence(p, pass, s, dy, partial[chunk], dx);
            }
        });
        Arrays.fill(gradient, 0, size, 0);
        for (double[] g : partial) {
            for (int k = 0; k < size; k++) {
                gradient[k] += g[k];
            }
        }
        if (!trainUnits) {
            Arrays.fill(gradient, alpha, size, 0);
        }
    }

    private void backwardSequence(double[] p, Pass pass, int s, double[] dy, double[] g, double[] dx) {
        double[] dhNext = new double[units * states];
        double[] dINext = new double[units];
        double[] dr = new double[units];
        double[] dI = new double[units];
        for (int t = pass.steps - 1; t >= 0; t--) {
            int row = s * pass.steps + t;
            int prev = t > 0 ? (row - 1) * units : -1;
            for (int j = 0; j < units; j++) {
                double share = 0;
                for (int o = 0; o < nOut; o++) {
                    share += p[wout + o * units + j] * dy[row * nOut + o];
                }
                for (int k = 0; k < units; k++) {
                    share += p[wrec + k * units + j] * dINext[k];
                }
                double v = share * toShare[j];
                for (int i = 0; i < states; i++) {
                    v += p[beta + j * states + i] * dhNext[j * states + i];
                }
                dr[j] = v;
            }
            for (int o = 0; o < nOut; o++) {
                double d = dy[row * nOut + o];
                g[bout + o] += d;
                for (int j = 0; j < units; j++) {
                    g[wout + o * units + j] += d * pass.rate[row * units + j] * toShare[j];
                }
            }
            for (int j = 0; j < units; j++) {
                double[] lambda = unitList.get(j).lambda();
                double dm = dr[j] * 1000 * unitList.get(j).activation().derivative(pass.mean[row * units + j])
                        / states;
                double in = pass.current[row * units + j];
                double feedback = prev >= 0 ? pass.rate[prev + j] : 0;
                double di = 0;
                for (int i = 0; i < states; i++) {
                    int q = j * states + i;
                    double dh = dm + (1 - lambda[i]) * dhNext[q];
                    g[alpha + q] += dh * in;
                    g[beta + q] += dh * feedback;
                    di += p[alpha + q] * dh;
                    dhNext[q] = dh;
                }
                dI[j] = di;
                g[bin + j] += di;
                for (int i = 0; i < nIn; i++) {
                    g[win + j * nIn + i] += di * pass.x[row * nIn + i];
                }
                if (prev >= 0) {
                    for (int k = 0; k < units; k++) {
                        g[wrec + j * units + k] += di * pass.rate[prev + k] * toShare[k];
                    }
                }
            }
            if (dx != null) {
                for (int i = 0; i < nIn; i++) {
                    double v = 0;
                    for (int j = 0; j < units; j++) {
                        v += p[win + j * nIn + i] * dI[j];
                    }
                    dx[row * nIn + i] = v;
                }
            }
            System.arraycopy(dI, 0, dINext, 0, units);
        }
    }
}
