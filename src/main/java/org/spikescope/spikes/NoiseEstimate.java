package org.spikescope.spikes;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Noise level of a trace from its power spectral density: calcium signals carry little power in the upper half
 * of the frequencies, so there the spectrum is the white noise floor (OASIS's GetSn, Pnevmatikakis et al. 2016).
 * Welch's method: 256-frame Hann windows, half overlapping; σ² = mean PSD over 0.25–0.5 cycles/frame.
 */
public final class NoiseEstimate {

    private static final int SEGMENT = 256;

    private NoiseEstimate() {
    }

    /** Standard deviation of the white noise in {@code y} (no NaN). */
    public static double sigma(double[] y) {
        int n = y.length;
        int seg = Math.min(SEGMENT, Integer.highestOneBit(Math.max(n, 8)));
        if (n < 8) {
            return standardDeviation(y);
        }
        double[] window = new double[seg];
        double windowPower = 0;
        for (int i = 0; i < seg; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / seg);
            windowPower += window[i] * window[i];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(seg);
        double[] buffer = new double[seg];
        int lo = seg / 4 + 1;
        int hi = seg / 2;
        double[] psd = new double[hi + 1];
        int segments = 0;
        for (int start = 0; start + seg <= n; start += seg / 2) {
            double mean = 0;
            for (int i = 0; i < seg; i++) {
                mean += y[start + i];
            }
            mean /= seg;
            for (int i = 0; i < seg; i++) {
                buffer[i] = (y[start + i] - mean) * window[i];
            }
            fft.realForward(buffer);
            for (int k = lo; k <= hi; k++) {
                double re = k == hi ? buffer[1] : buffer[2 * k];
                double im = k == hi ? 0 : buffer[2 * k + 1];
                psd[k] += re * re + im * im;
            }
            segments++;
        }
        double mean = 0;
        for (int k = lo; k <= hi; k++) {
            mean += psd[k];
        }
        mean /= (hi - lo + 1) * (double) segments;
        // |X_k|² of windowed white noise has expectation σ²·Σw²
        return Math.sqrt(mean / windowPower);
    }

    static double standardDeviation(double[] y) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / Math.max(1, y.length - 1));
    }
}
