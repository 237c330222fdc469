package org.spikescope.core;

import net.imglib2.parallel.Parallelization;
import org.junit.jupiter.api.Test;
import org.spikescope.SpikeScope;
import org.spikescope.motion.MotionSettings;
import org.spikescope.testing.Sims;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulatedFrameSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The caller sets the thread count through ImgLib2's Parallelization; by default every core works. */
class WorkersTest {

    @Test
    void theCallersThreadCountIsUsed() {
        assertEquals(Runtime.getRuntime().availableProcessors(), Workers.threads());
        assertEquals(1, (int) Parallelization.runSingleThreaded(Workers::threads));
        assertEquals(3, (int) Parallelization.runWithNumThreads(3, Workers::threads));
        AtomicInteger seen = new AtomicInteger();
        Parallelization.runWithNumThreads(3, () -> {
            try (Workers w = new Workers()) {
                w.forEach(i -> seen.incrementAndGet());
            }
        });
        assertEquals(3, seen.get(), "three workers ran");
    }

    @Test
    void oneThreadGivesTheSameShiftsAsAll() throws Exception {
        var movie = new SimulatedFrameSource(new MovieSimulator(Sims.small().width(80).height(64).frames(60)
                .motion("rigid").maxShift(3).build(), List.of()));
        var settings = MotionSettings.defaults().withShape(4, 4);
        var all = SpikeScope.correctMotion(toImg(movie), settings);
        var one = Parallelization.runSingleThreaded(() -> SpikeScope.correctMotion(toImg(movie), settings));
        // the template sums frames per worker: float sums in another order differ in the 7th digit
        assertArrayEquals(all.shifts().x(), one.shifts().x(), 1e-4);
        assertArrayEquals(all.shifts().y(), one.shifts().y(), 1e-4);
    }

    private static net.imglib2.img.array.ArrayImg<net.imglib2.type.numeric.real.FloatType, ?> toImg(FrameSource m)
            throws java.io.IOException {
        int w = m.width();
        int h = m.height();
        float[] data = new float[w * h * m.frameCount()];
        for (int t = 0; t < m.frameCount(); t++) {
            System.arraycopy(m.readFrame(t, null), 0, data, t * w * h, w * h);
        }
        return net.imglib2.img.array.ArrayImgs.floats(data, w, h, m.frameCount());
    }
}
