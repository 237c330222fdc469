package org.spikescope.motion;

import org.spikescope.core.FrameSource;

import java.io.IOException;
import java.io.UncheckedIOException;

/** One thread's registration and buffers: reads a frame, registers it and writes the corrected frame. */
final class MotionWorker {

    private final FrameSource movie;
    private final FrameRegistration registration;
    private final int width;
    private final int height;
    private final float[] frame;
    private final float[] scratch;

    MotionWorker(FrameSource movie, MotionSettings settings) {
        this.movie = movie;
        this.width = movie.width();
        this.height = movie.height();
        this.registration = new FrameRegistration(width, height, settings);
        this.frame = new float[width * height];
        this.scratch = new float[width * height];
    }

    FrameRegistration registration() {
        return registration;
    }

    /** Reads frame {@code t}, registers it and writes the corrected frame into {@code corrected}. */
    FrameRegistration.Shifts correct(int t, float[] corrected) {
        try {
            movie.readFrame(t, frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FrameRegistration.Shifts s = registration.register(frame);
        if (s.patches() == null) {
            FrameWarp.rigid(frame, corrected, width, height, s.x(), s.y(), scratch);
        } else {
            FrameWarp.field(frame, corrected, width, height, registration.grid().field(s.patches()));
        }
        return s;
    }

    /** The raw frame read by the last {@link #correct} call. */
    float[] lastRaw() {
        return frame;
    }
}
