package org.spikescope.motion;

import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The first template: the mean of the first good frames, then registered to that mean and averaged again, a few
 * times over, so that it ends sharp and free of the motion within those frames. Frames flagged as corrupted are
 * never used. Frames are read again in each round rather than held, so memory stays a few frames.
 */
final class TemplateBuilder {

    static final int ROUNDS = 3;

    private TemplateBuilder() {
    }

    /** The first {@code count} frames not in {@code excluded}. */
    static int[] goodFrames(int frames, Set<Integer> excluded, int count) {
        List<Integer> chosen = new ArrayList<>();
        for (int t = 0; t < frames && chosen.size() < count; t++) {
            if (!excluded.contains(t)) {
                chosen.add(t);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    static float[] build(FrameSource movie, MotionSettings settings, Set<Integer> excluded, List<MotionWorker> workers,
                         Workers pool)
            throws IOException {
        int[] frames = goodFrames(movie.frameCount(), excluded, settings.templateFrames());
        if (frames.length == 0) {
            throw new InputException(movie.description() + ": no frame to build a template from (the movie is "
                    + "empty or every frame is flagged as corrupted)");
        }
        int n = movie.width() * movie.height();
        double[] sum = new double[n];
        float[] buffer = new float[n];
        for (int t : frames) {
            movie.readFrame(t, buffer);
            add(sum, buffer);
        }
        float[] template = mean(sum, frames.length);
        for (int round = 0; round < ROUNDS; round++) {
            for (MotionWorker w : workers) {
                w.registration().setTemplate(template);
            }
            double[][] partial = new double[workers.size()][n];
            pool.forEach(i -> {
                float[] corrected = new float[n];
                for (int k = i; k < frames.length; k += workers.size()) {
                    workers.get(i).correct(frames[k], corrected);
                    add(partial[i], corrected);
                }
            });
            Arrays.fill(sum, 0);
            for (double[] p : partial) {
                for (int j = 0; j < n; j++) {
                    sum[j] += p[j];
                }
            }
            template = mean(sum, frames.length);
        }
        return template;
    }

    static void add(double[] sum, float[] frame) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += frame[i];
        }
    }

    static float[] mean(double[] sum, int count) {
        float[] m = new float[sum.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (sum[i] / count);
        }
        return m;
    }
}
