package org.spikescope.motion;

import org.junit.jupiter.api.Test;
import org.spikescope.core.FrameSink;
import org.spikescope.core.ProgressListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sink may keep the frames it is given (FrameSink's contract): a keeping sink gets a distinct array per frame
 * holding exactly what a copying file writer receives. Before, the corrector recycled its two blocks of buffers:
 * a keeping sink got 64 distinct arrays for 100 frames, most overwritten by later frames.
 */
class FrameSinkOwnershipTest {

    /** Keeps every array it is given. */
    private static class Keeping implements FrameSink {
        final List<float[]> frames = new ArrayList<>();

        @Override
        public void write(float[] frame) {
            frames.add(frame);
        }

        @Override
        public void close() {
        }
    }

    /** Copies each frame when written and says so, as the file writers do. */
    private static final class Copying extends Keeping {
        @Override
        public void write(float[] frame) {
            frames.add(frame.clone());
        }

        @Override
        public boolean releasesFrames() {
            return true;
        }
    }

    @Test
    void aSinkMayKeepTheFramesItIsGiven() throws Exception {
        MotionSettings settings = MotionSettings.defaults().withShape(3, 4);
        Keeping keeping = new Keeping();
        Copying copying = new Copying();
        MotionCorrector.correct(MotionFilesTest.movie("rigid"), settings, Set.of(), keeping, ProgressListener.NONE);
        MotionCorrector.correct(MotionFilesTest.movie("rigid"), settings, Set.of(), copying, ProgressListener.NONE);
        assertEquals(120, keeping.frames.size());
        Set<float[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(keeping.frames);
        assertEquals(120, distinct.size(), "one array per frame");
        for (int t = 0; t < 120; t++) {
            assertArrayEquals(copying.frames.get(t), keeping.frames.get(t), "frame " + t);
        }
    }
}
