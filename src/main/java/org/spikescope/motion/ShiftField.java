package org.spikescope.motion;

/** A displacement that varies over the frame, read one row at a time. */
public interface ShiftField {

    /** Displacement (x into {@code dx}, y into {@code dy}) of every pixel of row {@code y}. */
    void row(int y, float[] dx, float[] dy);
}
