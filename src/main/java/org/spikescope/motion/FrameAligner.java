package org.spikescope.motion;

/**
 * Registers an image to the template and moves it onto it, rigidly or by the piecewise field. Each motion worker
 * has one for its frames; the corrector keeps one on the first template to move renewed templates back onto it.
 * Not thread-safe.
 */
final class FrameAligner {

    private final FrameRegistration registration;
    private final RigidWarp rigidWarp;
    private final int width;
    private final int height;

    FrameAligner(int width, int height, MotionSettings settings) {
        this.registration = new FrameRegistration(width, height, settings);
        this.rigidWarp = new RigidWarp(width, height);
        this.width = width;
        this.height = height;
    }

    FrameRegistration registration() {
        return registration;
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
