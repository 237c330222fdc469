package org.spikescope.sim;

import java.util.SplittableRandom;

/**
 * Transmission damage as wireless miniscopes show it: a band of rows replaced by garbage or displaced
 * ("several rows"), or rectangular blocks of garbage ("several blocks"). Works on camera counts.
 */
final class FrameCorruption {

    private FrameCorruption() {
    }

    static void apply(float[] frame, int w, int h, float maxValue, SplittableRandom rng) {
        if (rng.nextBoolean()) {
            int band = 2 + rng.nextInt(Math.max(1, h / 8));
            int y0 = rng.nextInt(Math.max(1, h - band));
            for (int y = y0; y < y0 + band; y++) {
                float level = (float) (maxValue * (0.3 + 0.6 * rng.nextDouble()));
                for (int x = 0; x < w; x++) {
                    frame[y * w + x] = (float) (level + 0.1 * maxValue * SmoothNoise.gaussian(rng));
                }
            }
        } else {
            int blocks = 1 + rng.nextInt(3);
            for (int b = 0; b < blocks; b++) {
                int bw = w / 8 + rng.nextInt(Math.max(1, w / 4));
                int bh = h / 16 + rng.nextInt(Math.max(1, h / 8));
                int x0 = rng.nextInt(Math.max(1, w - bw));
                int y0 = rng.nextInt(Math.max(1, h - bh));
                float level = (float) (maxValue * rng.nextDouble());
                for (int y = y0; y < y0 + bh; y++) {
                    for (int x = x0; x < x0 + bw; x++) {
                        frame[y * w + x] = (float) (level + 0.2 * maxValue * rng.nextDouble());
                    }
                }
            }
        }
    }
}
