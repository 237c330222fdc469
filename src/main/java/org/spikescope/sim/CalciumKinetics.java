package org.spikescope.sim;

/**
 * AR(2) calcium dynamics c_t = g1·c_{t−1} + g2·c_{t−2} + s_t/h, with g from rise and decay time constants
 * (g1 = d + r, g2 = −d·r, d = e^{−Δt/τ_decay}, r = e^{−Δt/τ_rise}); h is the peak of the impulse response, so
 * one isolated spike peaks at 1.
 */
public record CalciumKinetics(double g1, double g2, double peak) {

    public static CalciumKinetics of(double riseSeconds, double decaySeconds, double frameRate) {
        double d = StrictMath.exp(-1 / (decaySeconds * frameRate));
        double r = StrictMath.exp(-1 / (riseSeconds * frameRate));
        double g1 = d + r;
        double g2 = -d * r;
        double c1 = 0;
        double c2 = 0;
        double peak = 0;
        for (int t = 0; t < 100_000; t++) {
            double c = g1 * c1 + g2 * c2 + (t == 0 ? 1 : 0);
            if (c < peak) {
                break;
            }
            peak = c;
            c2 = c1;
            c1 = c;
        }
        return new CalciumKinetics(g1, g2, peak);
    }

    public float[] apply(int[] spikes) {
        float[] c = new float[spikes.length];
        double c1 = 0;
        double c2 = 0;
        for (int t = 0; t < spikes.length; t++) {
            double v = g1 * c1 + g2 * c2 + spikes[t] / peak;
            c[t] = (float) v;
            c2 = c1;
            c1 = v;
        }
        return c;
    }
}
