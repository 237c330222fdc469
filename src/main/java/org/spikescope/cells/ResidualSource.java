package org.spikescope.cells;

import org.spikescope.core.FrameSource;
import org.spikescope.core.MovieView;

import java.io.IOException;

/**
 * A movie less the cells of a model, as 32-bit frames: where cells that the model does not hold yet still show.
 * Reading is as thread-safe as the movie's own. Closing it leaves the movie open: it belongs to the caller.
 */
record ResidualSource(FrameSource viewed, CellModel cells) implements MovieView {

    @Override
    public int bitDepth() {
        return 32;
    }

    @Override
    public float[] readFrame(int index, float[] target) throws IOException {
        float[] frame = viewed.readFrame(index, target);
        cells.subtractFrom(index, frame, viewed.width());
        return frame;
    }

    @Override
    public String description() {
        return viewed.description() + ", less " + cells.footprints().size() + " cells";
    }

    @Override
    public boolean storedInFiles() {
        return false;
    }

    @Override
    public void close() {
    }
}
