package org.spikescope.math;

/** Eigen-decomposition of small symmetric matrices by cyclic Jacobi rotations (exact to rounding, O(n³) per sweep). */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private SymmetricEigen() {
    }

    /** Eigenvectors as the columns of the returned matrix. */
    public static double[][] vectors(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(scale, 1e-300)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        return v;
    }

    /** The eigenvalue of each column of {@code vectors}: vᵀ A v. */
    public static double[] values(double[][] matrix, double[][] vectors) {
        int n = matrix.length;
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int j = 0; j < n; j++) {
                    row += matrix[i][j] * vectors[j][c];
                }
                s += vectors[i][c] * row;
            }
            out[c] = s;
        }
        return out;
    }

    /** Column indices of the eigenvectors, largest eigenvalue first. */
    public static int[] descending(double[] values) {
        return java.util.stream.IntStream.range(0, values.length).boxed()
                .sorted((x, y) -> Double.compare(values[y], values[x])).mapToInt(Integer::intValue).toArray();
    }
}
