package org.spikescope.fiji.display;

import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import org.spikescope.core.FrameSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** A virtual ImageJ stack over a {@link FrameSource}: frames are read when shown, never all at once. */
public final class FrameSourceStack extends VirtualStack {

    private final FrameSource source;

    /** The source as a virtual time series with its frame interval. */
    public static ij.ImagePlus imagePlus(String title, FrameSource source) {
        ij.ImagePlus image = new ij.ImagePlus(title, new FrameSourceStack(source));
        image.setDimensions(1, 1, source.frameCount());
        ij.measure.Calibration cal = image.getCalibration();
        cal.frameInterval = source.times().medianInterval();
        cal.setTimeUnit("s");
        cal.fps = source.times().frameRate();
        return image;
    }

    public FrameSourceStack(FrameSource source) {
        super(source.width(), source.height(), null, null);
        this.source = source;
        setBitDepth(source.bitDepth());
    }

    @Override
    public ImageProcessor getProcessor(int n) {
        float[] pixels;
        try {
            pixels = source.readFrame(n - 1, null);
        } catch (IOException e) {
            throw new UncheckedIOException(source.description() + ", frame " + (n - 1), e);
        }
        int w = source.width();
        int h = source.height();
        return switch (source.bitDepth()) {
            case 8 -> {
                byte[] b = new byte[pixels.length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (int) pixels[i];
                }
                yield new ByteProcessor(w, h, b);
            }
            case 16 -> {
                short[] s = new short[pixels.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (short) (int) pixels[i];
                }
                yield new ShortProcessor(w, h, s, null);
            }
            default -> new FloatProcessor(w, h, pixels);
        };
    }

    @Override
    public int getSize() {
        return source.frameCount();
    }

    @Override
    public String getSliceLabel(int n) {
        return String.format(Locale.ROOT, "t=%.3f s", source.times().at(n - 1));
    }

    @Override
    public void deleteSlice(int n) {
        throw new UnsupportedOperationException("frames of a recording opened by SpikeScope cannot be deleted");
    }

    public FrameSource source() {
        return source;
    }
}
