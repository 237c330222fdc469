package org.spikescope.detect;

/**
 * Every pixel's activity at the indicator's time scale, frame by frame: the movie as {@link SeedFilter} gives it,
 * less a running estimate of its drift (an exponential mean over {@link Kinetics#driftFrames}) and smoothed over a
 * fraction of the decay ({@link Kinetics#smoothingWeight}). What seeds are judged by and what their traces are.
 * Frames must come in order; not thread-safe.
 */
final class PixelActivity {

    private final float[] drift;
    private final float[] activity;
    private final float rate;
    private final float weight;

    /** @param start each pixel's drift to begin with (the mean of the filtered movie) */
    PixelActivity(float[] start, Kinetics kinetics) {
        this.drift = start.clone();
        this.activity = new float[start.length];
        this.rate = (float) (1 / kinetics.driftFrames());
        this.weight = (float) kinetics.smoothingWeight();
    }

    /** Takes the next filtered frame. */
    void update(float[] filtered) {
        for (int i = 0; i < filtered.length; i++) {
            float fast = filtered[i] - drift[i];
            drift[i] += rate * fast;
            activity[i] += weight * (fast - activity[i]);
        }
    }

    /** Each pixel's activity after the last frame taken; valid until the next update. */
    float[] values() {
        return activity;
    }
}
