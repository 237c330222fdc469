package org.spikescope.motion;

/**
 * Sharpness of an image as its gradient energy: the mean squared central-difference gradient over the interior
 * (a margin left out, where corrected frames hold edge copies). A motion-blurred mean image has less of it.
 */
public final class Sharpness {

    private Sharpness() {
    }

    public static double gradientEnergy(float[] image, int width, int height, int margin) {
        int m = Math.max(1, margin);
        double sum = 0;
        long count = 0;
        for (int y = m; y < height - m; y++) {
            for (int x = m; x < width - m; x++) {
                int i = y * width + x;
                double gx = 0.5 * (image[i + 1] - image[i - 1]);
                double gy = 0.5 * (image[i + width] - image[i - width]);
                sum += gx * gx + gy * gy;
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
