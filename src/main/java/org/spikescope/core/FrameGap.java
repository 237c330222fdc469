package org.spikescope.core;

/**
 * Frames missing from a recording: {@code missing} frames were lost between stored frame {@code afterFrame}
 * and the next stored frame.
 */
public record FrameGap(int afterFrame, int missing, double gapSeconds, String evidence) {
}
