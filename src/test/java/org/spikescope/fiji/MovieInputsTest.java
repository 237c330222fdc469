package org.spikescope.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;
import org.junit.jupiter.api.Test;
import org.spikescope.core.FrameSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 25, item 3: a frame rate the user gives overrides an image's own frame interval, as it does a file's. */
class MovieInputsTest {

    private static ImagePlus tenHertzImage() {
        ImageStack stack = new ImageStack(8, 6);
        for (int t = 0; t < 5; t++) {
            ShortProcessor p = new ShortProcessor(8, 6);
            p.set(t * 10 + 3);
            stack.addSlice(p);
        }
        ImagePlus imp = new ImagePlus("ten hertz", stack);
        imp.setDimensions(1, 1, 5);
        imp.getCalibration().frameInterval = 0.1;
        imp.getCalibration().setTimeUnit("s");
        return imp;
    }

    @Test
    void theImagesOwnIntervalUnlessTheUserGivesARate() throws Exception {
        try (FrameSource own = MovieInputs.open(null, "", 0, tenHertzImage());
             FrameSource given = MovieInputs.open(null, "", 20, tenHertzImage())) {
            assertEquals(10, own.times().frameRate(), 1e-9);
            assertEquals(20, given.times().frameRate(), 1e-9);
            assertEquals(5, given.frameCount());
            assertArrayEquals(own.readFrame(3, null), given.readFrame(3, null));
        }
    }
}
