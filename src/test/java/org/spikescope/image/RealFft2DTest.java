package org.spikescope.image;

import org.jtransforms.fft.FloatFFT_2D;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RealFft2DTest {

    /** Against JTransforms' full 2-D transform, on even and odd sizes. */
    @Test
    void forwardMatchesTheFullComplexSpectrum() {
        for (int[] size : new int[][]{{16, 8}, {15, 9}, {48, 48}, {7, 12}}) {
            int w = size[0];
            int h = size[1];
            float[] image = random(w * h, 1);
            float[] full = new float[2 * w * h];
            System.arraycopy(image, 0, full, 0, image.length);
            new FloatFFT_2D(h, w).realForwardFull(full);
            RealFft2D fft = new RealFft2D(w, h);
            float[] half = new float[fft.spectrumLength()];
            fft.forward(image, half);
            for (int y = 0; y < h; y++) {
                for (int kx = 0; kx < fft.columns(); kx++) {
                    int f = 2 * (y * w + kx);
                    int c = 2 * (y * fft.columns() + kx);
                    assertEquals(full[f], half[c], 1e-4, w + "x" + h + " re at " + kx + "," + y);
                    assertEquals(full[f + 1], half[c + 1], 1e-4, w + "x" + h + " im at " + kx + "," + y);
                }
            }
        }
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
