package org.spikescope.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;
import org.spikescope.fiji.display.FrameSourceStack;
import org.spikescope.movie.MovieOpener;

/**
 * An ImagePlus already open in Fiji as a {@link FrameSource}: one frame per stack slice (time-lapse hyperstacks
 * with one channel and one slice count their frames), times from the calibration's frame interval.
 * A stack that SpikeScope itself opened hands back its own source.
 */
public final class ImagePlusFrameSource implements FrameSource {

    private final ImagePlus imp;
    private final ImageStack stack;
    private final FrameTimes times;

    private ImagePlusFrameSource(ImagePlus imp) {
        this.imp = imp;
        this.stack = imp.getStack();
        Calibration cal = imp.getCalibration();
        double interval = cal.frameInterval > 0 ? cal.frameInterval : cal.fps > 0 ? 1 / cal.fps
                : 1 / MovieOpener.DEFAULT_FRAME_RATE;
        if ("ms".equals(cal.getTimeUnit())) {
            interval /= 1000;
        }
        this.times = FrameTimes.regular(stack.getSize(), 1 / interval);
    }

    public static FrameSource of(ImagePlus imp) {
        if (imp == null) {
            throw new InputException("no image is open");
        }
        if (imp.getStack() instanceof FrameSourceStack own) {
            return own.source();
        }
        if (imp.getNChannels() > 1 || (imp.getNSlices() > 1 && imp.getNFrames() > 1)) {
            throw new InputException(imp.getTitle() + ": " + imp.getNChannels() + " channels, " + imp.getNSlices()
                    + " slices, " + imp.getNFrames() + " frames; expected a single-channel time series");
        }
        if (imp.getBitDepth() == 24) {
            throw new InputException(imp.getTitle() + ": an RGB image; convert it to 8, 16 or 32-bit grey first");
        }
        return new ImagePlusFrameSource(imp);
    }

    @Override
    public int width() {
        return imp.getWidth();
    }

    @Override
    public int height() {
        return imp.getHeight();
    }

    @Override
    public int frameCount() {
        return stack.getSize();
    }

    @Override
    public int bitDepth() {
        return imp.getBitDepth();
    }

    @Override
    public FrameTimes times() {
        return times;
    }

    @Override
    public float[] readFrame(int index, float[] target) {
        ImageProcessor ip = stack.getProcessor(index + 1);
        float[] out = target != null ? target : new float[width() * height()];
        int n = out.length;
        for (int i = 0; i < n; i++) {
            out[i] = ip.getf(i);
        }
        return out;
    }

    @Override
    public String description() {
        return "image '" + imp.getTitle() + "'";
    }

    /** The image stays open: it belongs to Fiji. */
    @Override
    public void close() {
    }
}
