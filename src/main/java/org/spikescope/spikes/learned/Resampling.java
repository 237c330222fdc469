package org.spikescope.spikes.learned;

/**
 * Regular series moved between frame rates. Frame k at rate r stands for the interval [k/r, (k+1)/r). Traces
 * (ΔF/F) are averaged over each new frame's interval, which is also how a slower camera integrates the same light;
 * counts (spikes per frame) are shared by interval overlap, so the total is conserved exactly.
 */
public final class Resampling {

    private Resampling() {
    }

    /** Frames at {@code toRate} covering {@code frames} frames at {@code fromRate} (the last one may be partial). */
    public static int length(int frames, double fromRate, double toRate) {
        return Math.max(1, (int) Math.ceil(frames * toRate / fromRate - 1e-9));
    }

    /**
     * The trace's mean over each new frame's interval, weighted by overlap; a new frame any of whose source frames
     * is NaN is NaN (a gap stays a gap).
     */
    public static double[] trace(double[] x, double fromRate, double toRate) {
        double[] out = new double[length(x.length, fromRate, toRate)];
        double[] weight = new double[out.length];
        share(x, fromRate, toRate, out, weight);
        for (int k = 0; k < out.length; k++) {
            out[k] = weight[k] > 0 ? out[k] / weight[k] : Double.NaN;
        }
        return out;
    }

    /** Counts per frame moved to the new rate, shared by interval overlap: Σ out = Σ counts (NaN counts as 0). */
    public static double[] counts(double[] counts, double fromRate, double toRate) {
        double[] out = new double[length(counts.length, fromRate, toRate)];
        double[] clean = new double[counts.length];
        for (int t = 0; t < counts.length; t++) {
            clean[t] = Double.isNaN(counts[t]) ? 0 : counts[t];
        }
        double[] weight = new double[out.length];
        share(clean, fromRate, toRate, out, weight);
        return out;
    }

    /**
     * For every overlap of a source frame t with a target frame k: out[k] += x[t] · f, weight[k] += f, f the overlap
     * as a fraction of the source frame (so Σ_k f = 1 for each t). NaN source values make their targets NaN.
     */
    private static void share(double[] x, double fromRate, double toRate, double[] out, double[] weight) {
        double ratio = toRate / fromRate; // target frames per source frame
        for (int t = 0; t < x.length; t++) {
            double start = t * ratio;
            double end = (t + 1) * ratio;
            for (int k = (int) Math.floor(start); k < out.length && k < end; k++) {
                double f = (Math.min(end, k + 1) - Math.max(start, k)) / ratio;
                if (f <= 0) {
                    continue;
                }
                out[k] += x[t] * f;
                weight[k] += f;
            }
        }
    }
}
