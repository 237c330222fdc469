package org.spikescope.pipeline;

import org.spikescope.core.FrameGap;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;

import java.io.IOException;
import java.util.List;

/**
 * A movie written by one stage (the motion-corrected TIFF) read with the recording's own frame times, which the
 * file cannot hold (gaps where frames were dropped).
 */
record Retimed(FrameSource movie, FrameTimes frameTimes, List<FrameGap> frameGaps) implements FrameSource {

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
    public String description() {
        return movie.description();
    }

    @Override
    public void close() throws IOException {
        movie.close();
    }
}
