package org.spikescope.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Blood vessels on the brain surface: meandering dark tubes that shade everything below them. */
final class VesselMap {

    private VesselMap() {
    }

    /** Multiplicative shading, 1 where no vessel lies. */
    static float[] shade(SimulationSettings s, SplittableRandom rng) {
        int w = s.width();
        int h = s.height();
        float[] shade = new float[w * h];
        Arrays.fill(shade, 1f);
        float[] distance = new float[w * h];
        for (int v = 0; v < s.vessels(); v++) {
            double width = 2 + (1 + s.cellRadius()) * rng.nextDouble();
            double depth = 0.25 + 0.3 * rng.nextDouble();
            Arrays.fill(distance, Float.MAX_VALUE);
            // start on a random border point, heading inwards, with a slowly wandering direction
            double x;
            double y;
            double heading;
            switch (rng.nextInt(4)) {
                case 0 -> { x = 0; y = h * rng.nextDouble(); heading = 0; }
                case 1 -> { x = w - 1; y = h * rng.nextDouble(); heading = Math.PI; }
                case 2 -> { x = w * rng.nextDouble(); y = 0; heading = Math.PI / 2; }
                default -> { x = w * rng.nextDouble(); y = h - 1; heading = -Math.PI / 2; }
            }
            heading += (rng.nextDouble() - 0.5) * Math.PI / 2;
            double turn = 0;
            int reach = (int) Math.ceil(3 * width);
            for (int step = 0; step < 4 * (w + h); step++) {
                turn = 0.95 * turn + 0.002 * SmoothNoise.gaussian(rng);
                heading += turn;
                x += 0.5 * StrictMath.cos(heading);
                y += 0.5 * StrictMath.sin(heading);
                if (x < -reach || y < -reach || x > w + reach || y > h + reach) {
                    break;
                }
                for (int py = Math.max(0, (int) y - reach); py <= Math.min(h - 1, (int) y + reach); py++) {
                    for (int px = Math.max(0, (int) x - reach); px <= Math.min(w - 1, (int) x + reach); px++) {
                        float d = (float) StrictMath.hypot(px - x, py - y);
                        int i = py * w + px;
                        if (d < distance[i]) {
                            distance[i] = d;
                        }
                    }
                }
            }
            double sigma = width / 2;
            for (int i = 0; i < shade.length; i++) {
                if (distance[i] < Float.MAX_VALUE) {
                    double d = distance[i];
                    shade[i] *= (float) (1 - depth * StrictMath.exp(-d * d / (2 * sigma * sigma)));
                }
            }
        }
        return shade;
    }
}
