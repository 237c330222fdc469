package org.spikescope.detect;

/**
 * The indicator's time scale, from which every time constant of detection follows: a calcium transient decays
 * over {@code decayFrames}, so drifts slower than a few decay times are background, and a cell's activity is best
 * seen in its trace smoothed over a fraction of a decay time (a matched filter for the transient's tail).
 *
 * @param decayFrames the calcium decay time constant, frames
 * @param estimated   whether it was estimated from the movie (else given by the user)
 */
public record Kinetics(double decayFrames, boolean estimated) {

    /** Half-width of the running mean taken as drift, in decay times: keeps a transient's whole tail. */
    static final double DRIFT_PER_DECAY = 1;
    /** Time constant of the smoothing applied before peaks and correlations are measured, in decay times. */
    static final double SMOOTHING_PER_DECAY = 0.1;

    /** From the user's decay time, in seconds. */
    public static Kinetics given(double decaySeconds, double frameRate) {
        return new Kinetics(decaySeconds * frameRate, false);
    }

    /**
     * What an estimate may be: decay times outside [{@code minSeconds}, {@code maxSeconds}] are clamped (no
     * indicator is that fast or that slow), and a movie without measurable activity gets {@code fallbackSeconds}.
     */
    public record Range(double frameRate, double fallbackSeconds, double minSeconds, double maxSeconds) {

        Kinetics measured(double estimateFrames) {
            if (Double.isNaN(estimateFrames) || estimateFrames <= 0) {
                return new Kinetics(fallbackSeconds * frameRate, false);
            }
            double seconds = Math.max(minSeconds, Math.min(maxSeconds, estimateFrames / frameRate));
            return new Kinetics(seconds * frameRate, true);
        }
    }

    /** For the log: the decay time and where it came from. */
    public String describe(double frameRate) {
        return String.format(java.util.Locale.ROOT, "Indicator decay time %.2f s (%s)", decayFrames / frameRate,
                estimated ? "estimated from the movie" : "given or assumed");
    }

    /** Half-width, frames, of the running mean subtracted as slow drift (and the drift's time constant). */
    public double driftFrames() {
        return Math.max(2, DRIFT_PER_DECAY * decayFrames);
    }

    /** Weight of the newest frame in the exponential smoothing of traces (1 = none). */
    public double smoothingWeight() {
        return 1 / (1 + SMOOTHING_PER_DECAY * decayFrames);
    }

    /**
     * Standard deviation of white noise after the smoothing, over its standard deviation before: an exponential
     * moving average of weight α leaves a variance of α / (2 − α).
     */
    public double smoothedNoise() {
        double a = smoothingWeight();
        return Math.sqrt(a / (2 - a));
    }

    /** x less its drift, then smoothed: the trace at the indicator's time scale. */
    public double[] fastSmoothed(double[] x) {
        double[] out = Drift.removed(x, (int) Math.round(driftFrames()));
        smooth(out);
        return out;
    }

    /** A smoothed copy of x, drift kept: a transient's shape without most of the frame-to-frame noise. */
    public double[] smoothed(double[] x) {
        double[] out = x.clone();
        smooth(out);
        return out;
    }

    /**
     * Exponential smoothing in place, forward in time (a transient's rise is kept, its tail averaged). It starts
     * from the mean of the first 1/α frames, as if it had been running before: started from the first frame alone,
     * that frame's full noise would decay slowly through the start of the trace and pass for a transient.
     */
    private void smooth(double[] x) {
        double a = smoothingWeight();
        int warmUp = Math.min(x.length, (int) Math.ceil(1 / a));
        double s = 0;
        for (int t = 0; t < warmUp; t++) {
            s += x[t] / warmUp;
        }
        for (int t = 0; t < x.length; t++) {
            s += a * (x[t] - s);
            x[t] = s;
        }
    }
}
