package org.spikescope.image;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntegralImageTest {

    /** Window means against direct sums, on a 16-bit-like frame with a bright offset (the sums reach 10⁸). */
    @Test
    void windowMeansMatchDirectSums() {
        int w = 173;
        int h = 121;
        float[] image = new float[w * h];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < image.length; i++) {
            image[i] = 30000 + (float) rng.nextDouble(0, 35000);
        }
        IntegralImage table = new IntegralImage(w, h);
        table.set(image);
        for (int r : new int[]{0, 1, 7, 30}) {
            float[] out = new float[w + 2];
            for (int y = r; y < h - r; y += 13) {
                int n = w - 2 * r;
                table.means(y, r, n, r, out, 2);
                for (int x = 0; x < n; x++) {
                    double sum = 0;
                    for (int yy = y - r; yy <= y + r; yy++) {
                        for (int xx = x; xx <= x + 2 * r; xx++) {
                            sum += image[yy * w + xx];
                        }
                    }
                    double expected = sum / ((2 * r + 1) * (2 * r + 1));
                    assertEquals(expected, out[2 + x], 1e-6 * expected, "r " + r + " at " + (x + r) + "," + y);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> table.means(3, 10, 5, 4, new float[5], 0));
    }
}
