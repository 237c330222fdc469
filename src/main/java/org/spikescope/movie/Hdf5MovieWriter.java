package org.spikescope.movie;

import org.spikescope.core.FrameSink;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a 16-bit frames × height × width HDF5 dataset (chunked by frame, deflate-compressed) with a
 * {@code frame_rate} attribute. jHDF writes whole datasets, so the movie is held in memory until close:
 * {@link #requiredBytes} lets callers refuse movies that would not fit.
 */
public final class Hdf5MovieWriter implements FrameSink {

    private final Path file;
    private final String dataset;
    private final double frameRate;
    private final short[][][] frames;
    private final int width;
    private final int height;
    private int written;

    public Hdf5MovieWriter(Path file, String dataset, int frames, int width, int height, double frameRate) {
        long need = requiredBytes(frames, width, height);
        long free = Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory()
                - Runtime.getRuntime().freeMemory());
        if (need > free / 2) {
            throw new InputException(file + ": an HDF5 movie of " + frames + " frames of " + width + "x" + height
                    + " needs " + need / (1 << 20) + " MB of memory while writing, more than half of the "
                    + free / (1 << 20) + " MB available; write it as tiff or v4, which stream to disk");
        }
        this.file = file;
        this.dataset = dataset;
        this.frameRate = frameRate;
        this.frames = new short[frames][height][width];
        this.width = width;
        this.height = height;
    }

    public static long requiredBytes(int frames, int width, int height) {
        return 2L * frames * width * height;
    }

    @Override
    public void write(float[] frame) {
        short[][] plane = frames[written++];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                plane[y][x] = (short) PixelCodec.clampRound(frame[y * width + x], 65535);
            }
        }
    }

    /** The frame is encoded before write returns. */
    @Override
    public boolean releasesFrames() {
        return true;
    }

    @Override
    public void close() throws IOException {
        if (written != frames.length) {
            throw new IllegalStateException(written + " of " + frames.length + " frames written to " + file);
        }
        try (WritableHdfFile out = HdfFile.write(file)) {
            WritableDataset d = out.putDataset(dataset, frames, DatasetCreationOptions.builder().unsigned()
                    .chunkDimensions(1, height, width).deflate(4).build());
            d.putAttribute(Hdf5FrameSource.FRAME_RATE_ATTRIBUTE, frameRate);
        }
    }
}
