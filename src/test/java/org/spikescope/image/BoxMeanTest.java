package org.spikescope.image;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoxMeanTest {

    /**
     * Running means along rows and down columns against direct means of the window (shrunk at the borders), for
     * radii from none to wider than the image, on a height that leaves rows over after the groups of four.
     */
    @Test
    void meansMatchDirectWindows() {
        int w = 23;
        int h = 7;
        float[] image = new float[w * h];
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < image.length; i++) {
            image[i] = 1000 + (float) rng.nextDouble(-500, 500);
        }
        for (int r : new int[]{0, 1, 3, 11, 30}) {
            for (boolean alongRows : new boolean[]{true, false}) {
                float[] out = new float[w * h];
                BoxMean.apply(image, out, w, h, r, alongRows);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double sum = 0;
                        int count = 0;
                        for (int d = -r; d <= r; d++) {
                            int xx = alongRows ? x + d : x;
                            int yy = alongRows ? y : y + d;
                            if (xx >= 0 && xx < w && yy >= 0 && yy < h) {
                                sum += image[yy * w + xx];
                                count++;
                            }
                        }
                        assertEquals(sum / count, out[y * w + x], 1e-3,
                                "r " + r + (alongRows ? " along rows" : " down columns") + " at " + x + "," + y);
                    }
                }
            }
        }
    }
}
