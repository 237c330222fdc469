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
    private final FrameRegistration registration;
    private final int width;
    private final int height;
    private final float[] frame;
    private final RigidWarp rigidWarp;
    final ImageSum raw;
    final ImageSum corrected;
    final ImageSum recent;

    MotionWorker(FrameSource movie, MotionSettings settings) {
        this.movie = movie;
        this.width = movie.width();
        this.height = movie.height();
        this.registration = new FrameRegistration(width, height, settings);
        this.frame = new float[width * height];
        this.rigidWarp = new RigidWarp(width, height);
        this.raw = new ImageSum(width * height);
        this.corrected = new ImageSum(width * height);
        this.recent = new ImageSum(width * height);
    }

    FrameRegistration registration() {
        return registration;
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
        FrameRegistration.Shifts s = align(frame, out);
        if (good) {
            raw.add(frame);
            recent.add(out);
        }
        return s;
    }

    /** Registers {@code image} to the template and writes it, moved onto the template, into {@code out}. */
    FrameRegistration.Shifts align(float[] image, float[] out) {
        FrameRegistration.Shifts s = registration.register(image);
        if (s.patches() == null) {
            rigidWarp.apply(image, out, s.x(), s.y());
        } else {
            FrameWarp.field(image, out, width, height, registration.grid().field(s.patches()));
        }
        return s;
    }
}
