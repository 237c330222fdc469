package org.spikescope.core;

import java.io.IOException;
import java.util.List;

/**
 * A movie read with other frame times than it states: a stage's output (the motion-corrected TIFF) with the
 * recording's own times, which the file cannot hold (gaps where frames were dropped), or an image at the frame rate
 * the user gave.
 */
public record Retimed(FrameSource movie, FrameTimes frameTimes, List<FrameGap> frameGaps) implements FrameSource {

    /** {@code movie} at {@code frameRate} frames per second, its gaps kept. */
    public static FrameSource atRate(FrameSource movie, double frameRate) {
        return new Retimed(movie, FrameTimes.regular(movie.frameCount(), frameRate), movie.gaps());
    }

    @Override
    public int width() {
        return movie.width();
    }

    @Override
    public int height() {
        return movie.height();
    }

    @Override
    public int frameCount() {
        return movie.frameCount();
    }

    @Override
    public int bitDepth() {
        return movie.bitDepth();
    }

    @Override
    public FrameTimes times() {
        return frameTimes;
    }

    @Override
    public List<FrameGap> gaps() {
        return frameGaps;
    }

    @Override
    public float[] readFrame(int index, float[] target) throws IOException {
        return movie.readFrame(index, target);
    }

    @Override
    public boolean storedInFiles() {
        return movie.storedInFiles();
    }

    @Override
    public String description() {
        return movie.description();
    }

    @Override
    public void close() throws IOException {
        movie.close();
    }
}
