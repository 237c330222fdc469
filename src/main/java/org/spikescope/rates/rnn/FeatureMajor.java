package org.spikescope.rates.rnn;

/**
 * Kernels on feature-major blocks, {@code a[feature·rows + row]}: dense layers as rows of axpy operations over
 * long rows (which the JIT vectorises), weight gradients as dot products over rows, element-wise activations.
 * Rows are processed in tiles that stay in the L1 cache.
 */
final class FeatureMajor {

    private static final int TILE = 512;

    private FeatureMajor() {
    }

    /** out[j] = bias[j] + Σ_i W[j][i]·in[i] for every row; W at {@code p[w + j·nI + i]}. */
    static void dense(double[] p, int w, double[] bias, double[] in, int nI, double[] out, int nO, int rows) {
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int j = 0; j < nO; j++) {
                int o = j * rows;
                java.util.Arrays.fill(out, o + r0, o + r1, bias[j]);
                for (int i = 0; i < nI; i += 4) {
                    // four inputs per sweep: one load and store of out for four multiply-adds
                    int k = w + j * nI + i;
                    double w0 = p[k];
                    double w1 = i + 1 < nI ? p[k + 1] : 0;
                    double w2 = i + 2 < nI ? p[k + 2] : 0;
                    double w3 = i + 3 < nI ? p[k + 3] : 0;
                    int n0 = i * rows;
                    int n1 = Math.min(i + 1, nI - 1) * rows;
                    int n2 = Math.min(i + 2, nI - 1) * rows;
                    int n3 = Math.min(i + 3, nI - 1) * rows;
                    for (int r = r0; r < r1; r++) {
                        out[o + r] += w0 * in[n0 + r] + w1 * in[n1 + r] + w2 * in[n2 + r] + w3 * in[n3 + r];
                    }
                }
            }
        }
    }

    /** dIn[i] = Σ_j W[j][i]·dOut[j] for every row (overwrites dIn). */
    static void backInput(double[] p, int w, double[] dOut, int nO, double[] dIn, int nI, int rows) {
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int i = 0; i < nI; i++) {
                int n = i * rows;
                java.util.Arrays.fill(dIn, n + r0, n + r1, 0);
                for (int j = 0; j < nO; j += 4) {
                    double w0 = p[w + j * nI + i];
                    double w1 = j + 1 < nO ? p[w + (j + 1) * nI + i] : 0;
                    double w2 = j + 2 < nO ? p[w + (j + 2) * nI + i] : 0;
                    double w3 = j + 3 < nO ? p[w + (j + 3) * nI + i] : 0;
                    int o0 = j * rows;
                    int o1 = Math.min(j + 1, nO - 1) * rows;
                    int o2 = Math.min(j + 2, nO - 1) * rows;
                    int o3 = Math.min(j + 3, nO - 1) * rows;
                    for (int r = r0; r < r1; r++) {
                        dIn[n + r] += w0 * dOut[o0 + r] + w1 * dOut[o1 + r] + w2 * dOut[o2 + r] + w3 * dOut[o3 + r];
                    }
                }
            }
        }
    }

    /**
     * g[w + j·nI + i] += Σ_r dOut[j][r]·in[i][r − shift] over rows [from, rows): with shift one step of sequences,
     * this pairs each step's gradient with the previous step's state (the recurrent weights). Two outputs by two
     * inputs at a time, so that each load serves two multiply-adds.
     */
    static void weightGradient(double[] g, int w, double[] dOut, int nO, double[] in, int nI, int rows, int from,
                               int shift) {
        for (int j = 0; j < nO; j += 2) {
            int jb = Math.min(j + 1, nO - 1);
            int o0 = j * rows;
            int o1 = jb * rows;
            for (int i = 0; i < nI; i += 2) {
                int ib = Math.min(i + 1, nI - 1);
                int n0 = i * rows - shift;
                int n1 = ib * rows - shift;
                double s00 = 0;
                double s01 = 0;
                double s10 = 0;
                double s11 = 0;
                for (int r = from; r < rows; r++) {
                    double a0 = dOut[o0 + r];
                    double a1 = dOut[o1 + r];
                    double b0 = in[n0 + r];
                    double b1 = in[n1 + r];
                    s00 += a0 * b0;
                    s01 += a0 * b1;
                    s10 += a1 * b0;
                    s11 += a1 * b1;
                }
                g[w + j * nI + i] += s00;
                if (ib != i) {
                    g[w + j * nI + ib] += s01;
                }
                if (jb != j) {
                    g[w + jb * nI + i] += s10;
                    if (ib != i) {
                        g[w + jb * nI + ib] += s11;
                    }
                }
            }
        }
    }

    /** g[b + j] += Σ_r dOut[j][r]. */
    static void biasGradient(double[] g, int b, double[] dOut, int nO, int rows) {
        for (int j = 0; j < nO; j++) {
            double s = 0;
            for (int r = j * rows; r < (j + 1) * rows; r++) {
                s += dOut[r];
            }
            g[b + j] += s;
        }
    }

    static void sigmoid(double[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = 1 / (1 + Math.exp(-a[k]));
        }
    }

    /** tanh through exp, which the JIT compiles to an intrinsic; Math.tanh is several times slower. */
    static void tanh(double[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = 1 - 2 / (Math.exp(2 * a[k]) + 1);
        }
    }

    /** dA[k] *= a(1 − a): through a sigmoid whose outputs are {@code a}. */
    static void throughSigmoid(double[] dA, double[] a, int count) {
        for (int k = 0; k < count; k++) {
            dA[k] *= a[k] * (1 - a[k]);
        }
    }
}
