package org.spikescope.motion;

import java.util.Arrays;
import java.util.List;

/** A running sum of frames, kept per worker thread so that adding never waits; the means combine the workers'. */
final class ImageSum {

    private final double[] sum;
    private int count;

    ImageSum(int pixels) {
        this.sum = new double[pixels];
    }

    void add(float[] frame) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += frame[i];
        }
        count++;
    }

    /** Adds everything in {@code other} (sums and count). */
    void add(ImageSum other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.sum[i];
        }
        count += other.count;
    }

    void clear() {
        Arrays.fill(sum, 0);
        count = 0;
    }

    /** The mean of every frame added to any of {@code sums}, or null when none was. */
    static float[] mean(List<ImageSum> sums) {
        int total = sums.stream().mapToInt(s -> s.count).sum();
        if (total == 0) {
            return null;
        }
        double[] all = new double[sums.get(0).sum.length];
        for (ImageSum s : sums) {
            for (int i = 0; i < all.length; i++) {
                all[i] += s.sum[i];
            }
        }
        float[] m = new float[all.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (all[i] / total);
        }
        return m;
    }
}
