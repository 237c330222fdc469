package org.spikescope.image;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;

/**
 * Any ImgLib2 image of dimensions x, y, t as a movie, read frame by frame (a hyperslice at each t, in x-fastest
 * order): nothing is copied beyond the frame asked for. Safe for concurrent reads where the image is (array,
 * planar and cell images are).
 */
public final class IntervalFrameSource<T extends RealType<T>> implements FrameSource {

    private final RandomAccessibleInterval<T> movie;
    private final int width;
    private final int height;
    private final int frames;
    private final FrameTimes times;

    /** @param frameRate Hz */
    public IntervalFrameSource(RandomAccessibleInterval<T> movie, double frameRate) {
        if (movie.numDimensions() != 3) {
            throw new InputException("the movie has " + movie.numDimensions() + " dimensions; expected 3 (x, y, t)");
        }
        if (movie.dimension(0) * movie.dimension(1) > Integer.MAX_VALUE - 8 || movie.dimension(2) > Integer.MAX_VALUE) {
            throw new InputException("the movie's frames are too large: " + movie.dimension(0) + "x"
                    + movie.dimension(1));
        }
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new InputException("frameRate: " + frameRate + "; expected a positive number of frames per second");
        }
        this.movie = Views.zeroMin(movie);
        this.width = (int) movie.dimension(0);
        this.height = (int) movie.dimension(1);
        this.frames = (int) movie.dimension(2);
        this.times = FrameTimes.regular(frames, frameRate);
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
        return frames;
    }

    @Override
    public int bitDepth() {
        T type = movie.getType();
        return type instanceof UnsignedByteType ? 8 : type instanceof UnsignedShortType ? 16 : 32;
    }

    @Override
    public FrameTimes times() {
        return times;
    }

    @Override
    public float[] readFrame(int index, float[] target) {
        float[] out = target != null ? target : new float[width * height];
        Cursor<T> c = Views.flatIterable(Views.hyperSlice(movie, 2, index)).cursor();
        for (int i = 0; i < out.length; i++) {
            out[i] = c.next().getRealFloat();
        }
        return out;
    }

    @Override
    public String description() {
        return "an ImgLib2 image of " + width + "x" + height + "x" + frames;
    }

    @Override
    public void close() {
    }
}
