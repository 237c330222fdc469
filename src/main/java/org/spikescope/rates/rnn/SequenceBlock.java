package org.spikescope.rates.rnn;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.spikescope.rates.rnn.FeatureMajor.backInput;
import static org.spikescope.rates.rnn.FeatureMajor.biasGradient;
import static org.spikescope.rates.rnn.FeatureMajor.dense;
import static org.spikescope.rates.rnn.FeatureMajor.throughSigmoid;
import static org.spikescope.rates.rnn.FeatureMajor.weightGradient;

/**
 * One worker's block of consecutive sequences, feature-major with time-major rows: {@code a[f·rows + t·S + s]}
 * for feature f, step t and the block's sequence s (S sequences). The activations of the forward pass stay here for
 * the backward pass, and the buffers are reused from step to step.
 */
final class SequenceBlock {

    private final int nIn;
    private final int hidden;
    private final int nOut;
    private final int enc;
    private final int dec;
    private final double dropout;
    private final int[] at;
    private final int first;
    private final int count;
    private final int steps;
    private final int rows;

    private final double[] x;
    private final double[] a1;
    private final double[] a2;
    final double[] m0;
    private final double[] u0;
    private final double[] h0;
    private final double[] m1;
    private final double[] u1;
    final double[] h1;
    private final double[] d;
    final double[] y;
    final double[] gradient;
    private final double[] dy;
    private final double[] dd;
    private final double[] dh1;
    private final double[] dh0;
    private final double[] da1;
    private final double[] carry;

    /** Parameter offsets, in {@link AutoencoderRnn#offsets()} order. */
    private static final int W1 = 0, B1 = 1, W2 = 2, B2 = 3, IH0 = 4, HH0 = 5, BI0 = 6, BH0 = 7, IH1 = 8, HH1 = 9,
            BI1 = 10, BH1 = 11, W3 = 12, B3 = 13, W4 = 14, B4 = 15;

    SequenceBlock(AutoencoderRnn net, int first, int count, int steps, boolean masks) {
        this.nIn = net.inputs();
        this.hidden = net.hidden();
        this.nOut = net.outputs();
        this.enc = net.encoderWidth();
        this.dec = net.decoderWidth();
        this.dropout = net.dropout();
        this.at = net.offsets();
        this.first = first;
        this.count = count;
        this.steps = steps;
        this.rows = count * steps;
        x = new double[nIn * rows];
        a1 = new double[enc * rows];
        a2 = new double[hidden * rows];
        m0 = masks ? new double[hidden * rows] : null;
        u0 = new double[hidden * rows];
        h0 = new double[hidden * rows];
        m1 = masks ? new double[hidden * rows] : null;
        u1 = new double[hidden * rows];
        h1 = new double[hidden * rows];
        d = new double[dec * rows];
        y = new double[nOut * rows];
        gradient = new double[net.parameterCount()];
        dy = new double[nOut * rows];
        dd = new double[dec * rows];
        dh1 = new double[hidden * rows];
        dh0 = new double[hidden * rows];
        da1 = new double[enc * rows];
        carry = new double[hidden * count];
    }

    void forward(double[] p, double[] all, long maskSeed) {
        fromRows(all, nIn, x);
        dense(p, at[W1], bias(p, B1, -1, enc), x, nIn, a1, enc, rows);
        FeatureMajor.sigmoid(a1, 0, a1.length);
        dense(p, at[W2], bias(p, B2, -1, hidden), a1, enc, a2, hidden, rows);
        FeatureMajor.sigmoid(a2, 0, a2.length);
        drawMasks(maskSeed);
        times(a2, m0, u0);
        recurrent(p, IH0, HH0, BI0, BH0, u0, h0);
        times(h0, m1, u1);
        recurrent(p, IH1, HH1, BI1, BH1, u1, h1);
        dense(p, at[W3], bias(p, B3, -1, dec), h1, hidden, d, dec, rows);
        FeatureMajor.sigmoid(d, 0, d.length);
        dense(p, at[W4], bias(p, B4, -1, nOut), d, dec, y, nOut, rows);
    }

    private double[] bias(double[] p, int b, int second, int n) {
        double[] out = Arrays.copyOfRange(p, at[b], at[b] + n);
        if (second >= 0) {
            for (int j = 0; j < n; j++) {
                out[j] += p[at[second] + j];
            }
        }
        return out;
    }

    /** Each sequence draws its masks from its own generator, so the thread count cannot change them. */
    private void drawMasks(long maskSeed) {
        if (m0 == null) {
            return;
        }
        double keep = 1 / (1 - dropout);
        // two 32-bit uniform draws per random long, compared as unsigned integers against p·2³²
        long threshold = (long) (dropout * 4294967296.0);
        for (int s = 0; s < count; s++) {
            SplittableRandom rng = new SplittableRandom(maskSeed * 1_000_003L + first + s);
            for (double[] m : new double[][] {m0, m1}) {
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < hidden; j += 2) {
                        long bits = rng.nextLong();
                        m[j * rows + t * count + s] = (bits >>> 32) < threshold ? 0 : keep;
                        if (j + 1 < hidden) {
                            m[(j + 1) * rows + t * count + s] = (bits & 0xFFFFFFFFL) < threshold ? 0 : keep;
                        }
                    }
                }
            }
        }
    }

    private static void times(double[] a, double[] mask, double[] out) {
        if (mask == null) {
            System.arraycopy(a, 0, out, 0, a.length);
        } else {
            for (int k = 0; k < a.length; k++) {
                out[k] = a[k] * mask[k];
            }
        }
    }

    /** h_t = tanh(Wih·u_t + bih + Whh·h_{t−1} + bhh): the input part for all rows at once, then step by step. */
    private void recurrent(double[] p, int ih, int hh, int bi, int bh, double[] u, double[] h) {
        dense(p, at[ih], bias(p, bi, bh, hidden), u, hidden, h, hidden, rows);
        int w = at[hh];
        for (int t = 0; t < steps; t++) {
            int now = t * count;
            if (t > 0) {
                int before = now - count;
                for (int j = 0; j < hidden; j++) {
                    int o = j * rows + now;
                    for (int i = 0; i < hidden; i++) {
                        double wji = p[w + j * hidden + i];
                        int n = i * rows + before;
                        for (int s = 0; s < count; s++) {
                            h[o + s] += wji * h[n + s];
                        }
                    }
                }
            }
            for (int j = 0; j < hidden; j++) {
                FeatureMajor.tanh(h, j * rows + now, j * rows + now + count);
            }
        }
    }

    void backward(double[] p, double[] dyAll, double[] dxAll) {
        Arrays.fill(gradient, 0);
        fromRows(dyAll, nOut, dy);
        biasGradient(gradient, at[B4], dy, nOut, rows);
        weightGradient(gradient, at[W4], dy, nOut, d, dec, rows, 0, 0);
        backInput(p, at[W4], dy, nOut, dd, dec, rows);
        throughSigmoid(dd, d, dd.length);
        biasGradient(gradient, at[B3], dd, dec, rows);
        weightGradient(gradient, at[W3], dd, dec, h1, hidden, rows, 0, 0);
        backInput(p, at[W3], dd, dec, dh1, hidden, rows);
        recurrentBackward(p, IH1, HH1, BI1, BH1, u1, h1, dh1, dh0);
        times(dh0, m1, dh0);
        double[] da2 = dh1;
        recurrentBackward(p, IH0, HH0, BI0, BH0, u0, h0, dh0, da2);
        times(da2, m0, da2);
        throughSigmoid(da2, a2, da2.length);
        biasGradient(gradient, at[B2], da2, hidden, rows);
        weightGradient(gradient, at[W2], da2, hidden, a1, enc, rows, 0, 0);
        backInput(p, at[W2], da2, hidden, da1, enc, rows);
        throughSigmoid(da1, a1, da1.length);
        biasGradient(gradient, at[B1], da1, enc, rows);
        weightGradient(gradient, at[W1], da1, enc, x, nIn, rows, 0, 0);
        if (dxAll != null) {
            double[] dx = new double[nIn * rows];
            backInput(p, at[W1], da1, enc, dx, nIn, rows);
            toRows(dx, nIn, dxAll);
        }
    }

    /**
     * Back through time for one tanh layer: {@code dh} holds the gradient reaching each step's output from above and
     * becomes the pre-activation gradient in place; {@code dIn} receives the gradient of the layer's input.
     */
    private void recurrentBackward(double[] p, int ih, int hh, int bi, int bh, double[] u, double[] h, double[] dh,
                                   double[] dIn) {
        int w = at[hh];
        Arrays.fill(carry, 0);
        for (int t = steps - 1; t >= 0; t--) {
            int now = t * count;
            for (int j = 0; j < hidden; j++) {
                int o = j * rows + now;
                for (int s = 0; s < count; s++) {
                    double v = h[o + s];
                    dh[o + s] = (dh[o + s] + carry[j * count + s]) * (1 - v * v);
                }
            }
            if (t > 0) {
                Arrays.fill(carry, 0);
                for (int j = 0; j < hidden; j++) {
                    int o = j * rows + now;
                    for (int i = 0; i < hidden; i++) {
                        double wji = p[w + j * hidden + i];
                        int c = i * count;
                        for (int s = 0; s < count; s++) {
                            carry[c + s] += wji * dh[o + s];
                        }
                    }
                }
            }
        }
        biasGradient(gradient, at[bi], dh, hidden, rows);
        biasGradient(gradient, at[bh], dh, hidden, rows);
        weightGradient(gradient, at[ih], dh, hidden, u, hidden, rows, 0, 0);
        weightGradient(gradient, w, dh, hidden, h, hidden, rows, count, count);
        backInput(p, at[ih], dh, hidden, dIn, hidden, rows);
    }

    /** Copies this block's sequences from row-major {@code [sequence][step][feature]} into feature-major form. */
    private void fromRows(double[] all, int features, double[] out) {
        for (int s = 0; s < count; s++) {
            for (int t = 0; t < steps; t++) {
                int src = ((first + s) * steps + t) * features;
                int r = t * count + s;
                for (int f = 0; f < features; f++) {
                    out[f * rows + r] = all[src + f];
                }
            }
        }
    }

    /** The reverse of {@link #fromRows}. */
    void toRows(double[] block, int features, double[] all) {
        for (int s = 0; s < count; s++) {
            for (int t = 0; t < steps; t++) {
                int dst = ((first + s) * steps + t) * features;
                int r = t * count + s;
                for (int f = 0; f < features; f++) {
                    all[dst + f] = block[f * rows + r];
                }
            }
        }
    }
}
