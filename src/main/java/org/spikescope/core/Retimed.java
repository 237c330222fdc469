package org.spikescope.core;

import java.util.List;

/**
 * A movie read with other frame times than it states: a stage's output (the motion-corrected TIFF) with the
 * recording's own times, which the file cannot hold (gaps where frames were dropped), or an image at the frame rate
 * the user gave.
 */
public record Retimed(FrameSource movie, FrameTimes frameTimes, List<FrameGap> frameGaps) implements MovieView {

    /** {@code movie} at {@code frameRate} frames per second, its gaps kept. */
    public static FrameSource atRate(FrameSource movie, double frameRate) {
        return new Retimed(movie, FrameTimes.regular(movie.frameCount(), frameRate), movie.gaps());
    }

    @Override
    public FrameSource viewed() {
        return movie;
    }

    @Override
    public FrameTimes times() {
        return frameTimes;
    }

    @Override
    public List<FrameGap> gaps() {
        return frameGaps;
    }
}
