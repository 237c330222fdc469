package org.spikescope.motion;

import org.spikescope.core.FrameSource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One thread's registration, buffers and running sums: reads a frame, registers it, writes the corrected frame,
 * and adds good frames to the sum of raw frames and to that of corrected frames since the last template (folded
 * into the sum of all corrected frames at each renewal, rather than adding every frame twice).
 */
final class MotionWorker {

    private final FrameSource movie;
    private final FrameAligner aligner;
    private final float[] frame;
    final ImageSum raw;
    final ImageSum corrected;
    final ImageSum recent;

    MotionWorker(FrameSource movie, MotionSettings settings) {
        this.movie = movie;
        int width = movie.width();
        int height = movie.height();
        this.aligner = new FrameAligner(width, height, settings);
        this.frame = new float[width * height];
        this.raw = new ImageSum(width * height);
        this.corrected = new ImageSum(width * height);
        this.recent = new ImageSum(width * height);
    }

    FrameRegistration registration() {
        return aligner.registration();
    }

    /** Reads frame {@code t} into the worker's buffer and returns it. */
    float[] read(int t) {
        try {
            return movie.readFrame(t, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the corrected frames since the last template into the sum of all corrected frames. */
    void foldRecent() {
        corrected.add(recent);
        recent.clear();
    }

    /**
     * Reads frame {@code t}, registers it and writes the corrected frame into {@code out}; a good frame is added
     * to the sums.
     */
    FrameRegistration.Shifts correct(int t, float[] out, boolean good) {
        read(t);
        FrameRegistration.Shifts s = aligner.align(frame, out);
        if (good) {
            raw.add(frame);
            recent.add(out);
        }
        return s;
    }
}
