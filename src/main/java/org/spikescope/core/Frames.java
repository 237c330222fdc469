package org.spikescope.core;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/** ImgLib2 views of frames: stages run their filters on these, without copying the pixels. */
public final class Frames {

    private Frames() {
    }

    /** A width × height image backed by {@code pixels} (row-major, as {@link FrameSource} returns them). */
    public static ArrayImg<FloatType, FloatArray> view(float[] pixels, int width, int height) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " frame");
        }
        return ArrayImgs.floats(pixels, width, height);
    }
}
