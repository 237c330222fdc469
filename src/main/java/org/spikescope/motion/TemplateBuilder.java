package org.spikescope.motion;

import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.Workers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The first template: the mean of the first good frames, then registered to that mean and averaged again, a few
 * times over, so that it ends sharp and free of the motion within those frames. The rounds before the last only
 * make a reference for the next and use every other frame (measured: the same accuracy, half their cost). Rigid registration suffices here
 * (local motion averages out over the frames, and measured piecewise templates were no better). Frames flagged as
 * corrupted are never used.
 *
 * <p>All of it runs on the binned frames that registration sees ({@link Prefilter}): each frame is read and binned
 * once and kept (templateFrames binned frames, a quarter of a frame each at the usual 2×2), and the rounds move
 * binned frames. Binning and shifting commute up to interpolation, and the template is binned before any use, so
 * the result is the same template at a fraction of the cost (no rereading, and a quarter of the pixels to move).
 */
final class TemplateBuilder {

    static final int ROUNDS = 2;

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

    /** The first template, binned as {@link FrameRegistration#setBinnedTemplate} takes it. */
    static float[] build(FrameSource movie, Set<Integer> excluded, int templateFrames, List<MotionWorker> workers,
                         Workers pool) {
        int[] frames = goodFrames(movie.frameCount(), excluded, templateFrames);
        if (frames.length == 0) {
            throw new InputException(movie.description() + ": no frame to build a template from (the movie is "
                    + "empty or every frame is flagged as corrupted)");
        }
        FrameRegistration first = workers.get(0).registration();
        int w = first.binnedWidth();
        int h = first.binnedHeight();
        int bin = first.bin();
        int threads = workers.size();
        float[][] binned = new float[frames.length][w * h];
        List<ImageSum> sums = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sums.add(new ImageSum(w * h));
        }
        pool.forEach(i -> {
            MotionWorker worker = workers.get(i);
            for (int k = i; k < frames.length; k += threads) {
                worker.registration().bin(worker.read(frames[k]), binned[k]);
                sums.get(i).add(binned[k]);
            }
        });
        float[] template = ImageSum.mean(sums);
        for (int round = 0; round < ROUNDS; round++) {
            float[] current = template;
            int step = round < ROUNDS - 1 ? 2 * threads : threads;
            pool.forEach(i -> {
                FrameRegistration registration = workers.get(i).registration();
                registration.setBinnedTemplate(current);
                ImageSum sum = sums.get(i);
                sum.clear();
                float[] moved = new float[w * h];
                RigidWarp warp = new RigidWarp(w, h);
                for (int k = i * step / threads; k < frames.length; k += step) {
                    double[] shift = registration.registerBinned(binned[k]);
                    warp.apply(binned[k], moved, shift[0], shift[1]);
                    sum.add(moved);
                }
            });
            template = ImageSum.mean(sums);
        }
        return template;
    }
}
