package org.spikescope.cells;

import org.spikescope.core.FrameGap;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;

import java.io.IOException;
import java.util.List;

/**
 * A movie less the cells of a model, as 32-bit frames: where cells that the model does not hold yet still show.
 * Reading is as thread-safe as the movie's own. Closing it leaves the movie open: it belongs to the caller.
 */
final class ResidualSource implements FrameSource {

    private final FrameSource movie;
    private final CellModel cells;

    ResidualSource(FrameSource movie, CellModel cells) {
        this.movie = movie;
        this.cells = cells;
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
        return 32;
    }

    @Override
    public FrameTimes times() {
        return movie.times();
    }

    @Override
    public float[] readFrame(int index, float[] target) throws IOException {
        float[] frame = movie.readFrame(index, target);
        cells.subtractFrom(index, frame, movie.width());
        return frame;
    }

    @Override
    public String description() {
        return movie.description() + ", less " + cells.footprints().size() + " cells";
    }

    @Override
    public List<FrameGap> gaps() {
        return movie.gaps();
    }

    @Override
    public List<Integer> damagedFrames() {
        return movie.damagedFrames();
    }

    @Override
    public void close() {
    }
}
