package org.spikescope.motion;

import org.spikescope.core.Workers;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The first template: the mean of the first good frames, then registered to that mean and averaged again, a few
 * times over, so that it ends sharp and free of the motion within those frames. Rigid registration suffices here
 * (local motion averages out over the frames, and measured piecewise templates were no better) and costs a
 * fraction of piecewise registration. Frames flagged as corrupted are
 * never used. Frames are read again in each round rather than held, so memory stays a few frames.
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

    static float[] build(FrameSource movie, MotionSettings settings, Set<Integer> excluded, List<MotionWorker> workers,
                         Workers pool) {
        int[] frames = goodFrames(movie.frameCount(), excluded, settings.templateFrames());
        if (frames.length == 0) {
            throw new InputException(movie.description() + ": no frame to build a template from (the movie is "
                    + "empty or every frame is flagged as corrupted)");
        }
        List<ImageSum> sums = workers.stream().map(w -> w.recent).toList();
        pool.forEach(i -> {
            for (int k = i; k < frames.length; k += workers.size()) {
                workers.get(i).recent.add(workers.get(i).read(frames[k]));
            }
        });
        float[] template = ImageSum.mean(sums);
        for (int round = 0; round < ROUNDS; round++) {
            float[] next = template;
            pool.forEach(i -> {
                MotionWorker w = workers.get(i);
                w.registration().setTemplate(next);
                w.recent.clear();
                float[] out = new float[movie.width() * movie.height()];
                for (int k = i; k < frames.length; k += workers.size()) {
                    w.correct(frames[k], out, false, true);
                    w.recent.add(out);
                }
            });
            template = ImageSum.mean(sums);
        }
        workers.forEach(w -> w.recent.clear());
        return template;
    }
}
