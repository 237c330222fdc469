package org.spikescope.core;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FramesTest {

    @Test
    void aMovieAtAnotherFrameRateKeepsItsDamagedFramesAndGaps() {
        FrameSource recording = new org.spikescope.testing.MemoryMovie(new float[5][4], 2, 2, 20);
        FrameSource damaged = new MovieView() {
            @Override
            public FrameSource viewed() {
                return recording;
            }

            @Override
            public java.util.List<Integer> damagedFrames() {
                return java.util.List.of(2);
            }
        };
        FrameSource retimed = Retimed.atRate(damaged, 10);
        assertEquals(10, retimed.times().frameRate(), 1e-9);
        assertEquals(java.util.List.of(2), retimed.damagedFrames(), "the frames are the same, damaged or not");
        assertEquals(5, retimed.frameCount());
    }


    @Test
    void viewIsRowMajorAndSharesThePixels() {
        float[] pixels = new float[6 * 4];
        pixels[2 * 6 + 5] = 3f; // x = 5, y = 2
        ArrayImg<FloatType, FloatArray> img = Frames.view(pixels, 6, 4);
        assertEquals(6, img.dimension(0));
        assertEquals(4, img.dimension(1));
        RandomAccess<FloatType> ra = img.randomAccess();
        ra.setPosition(new long[]{5, 2});
        assertEquals(3f, ra.get().get());
        ra.get().set(9f);
        assertEquals(9f, pixels[17]);
        assertThrows(IllegalArgumentException.class, () -> Frames.view(pixels, 5, 4));
    }

    @Test
    void frameTimesFindTheRateDespiteAGap() {
        FrameTimes t = new FrameTimes(new double[]{0, 0.05, 0.1, 0.25, 0.3});
        assertEquals(20.0, t.frameRate(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new FrameTimes(new double[]{0, 0.1, 0.05}));
    }
}
