package org.spikescope.testing;

import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;

import java.io.IOException;

/** A movie rendered once into memory, so that tests with many passes do not render every frame again. */
public final class MemoryMovie implements FrameSource {

    private final int width;
    private final int height;
    private final int bitDepth;
    private final FrameTimes times;
    private final float[][] frames;
    private final String description;

    public MemoryMovie(FrameSource source) throws IOException {
        this.width = source.width();
        this.height = source.height();
        this.bitDepth = source.bitDepth();
        this.times = source.times();
        this.description = source.description();
        this.frames = new float[source.frameCount()][];
        java.util.stream.IntStream.range(0, frames.length).parallel().forEach(t -> {
            try {
                frames[t] = source.readFrame(t, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Frames given pixel by pixel (row-major, width × height each), as 32-bit data. */
    public MemoryMovie(float[][] frames, int width, int height, double frameRate) {
        this.width = width;
        this.height = height;
        this.bitDepth = 32;
        this.times = FrameTimes.regular(frames.length, frameRate);
        this.description = "frames in memory";
        this.frames = frames;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int frameCount() {
        return frames.length;
    }

    @Override
    public int bitDepth() {
        return bitDepth;
    }

    @Override
    public FrameTimes times() {
        return times;
    }

    @Override
    public float[] readFrame(int index, float[] target) {
        float[] out = target != null ? target : new float[width * height];
        System.arraycopy(frames[index], 0, out, 0, out.length);
        return out;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
    }
}
