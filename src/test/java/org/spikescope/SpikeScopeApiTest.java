package org.spikescope;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulatedFrameSource;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.Stats;
import org.spikescope.traces.TraceSettings;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed entry points not covered by the scripts' tests, on an ImgLib2 image of a simulated movie. */
class SpikeScopeApiTest {

    @Test
    void extractTracesMeasuresKnownCellsOfAnImgLib2Movie() throws Exception {
        SimulationSettings s = SimulationSettings.builder().width(96).height(96).frames(600).cells(10).cellRadius(5)
                .motion("none").seed(4).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        ArrayImg<FloatType, ?> movie = toImg(new SimulatedFrameSource(sim));
        GroundTruth truth = sim.groundTruth();

        SpikeScope.Cells known = SpikeScope.extractTraces(movie, s.frameRate(), truth.footprints(),
                TraceSettings.defaults().withCellRadius(5));
        assertEquals(truth.footprints().size(), known.raw().cells());
        assertEquals(truth.footprints().size(), (int) known.footprints().dimension(2));
        double[] r = new double[truth.footprints().size()];
        for (int i = 0; i < r.length; i++) {
            double[] fluorescence = new double[s.frames()];
            for (int t = 0; t < fluorescence.length; t++) {
                fluorescence[t] = truth.amplitude()[i] * truth.calcium()[i][truth.storedToTrue()[t]];
            }
            r[i] = Stats.pearson(known.raw().values()[i], fluorescence);
        }
        Arrays.sort(r);
        System.out.printf("extractTraces with the true footprints: trace r median %.3f, lowest %.3f%n",
                r[r.length / 2], r[0]);
        // measured: median 0.953, lowest 0.915 (the simulator's fluctuating background stays in part)
        assertTrue(r[r.length / 2] >= 0.9, "median trace correlation " + r[r.length / 2]);

        // the cells detectNeurons finds, measured again: the same traces
        SpikeScope.Cells found = SpikeScope.detectNeurons(movie, s.frameRate(),
                DetectionSettings.defaults().withCellRadius(5));
        SpikeScope.Cells again = SpikeScope.extractTraces(movie, s.frameRate(), found.shapes(),
                TraceSettings.defaults().withCellRadius(5));
        double lowest = 1;
        for (int i = 0; i < found.raw().cells(); i++) {
            lowest = Math.min(lowest, Stats.pearson(found.raw().values()[i], again.raw().values()[i]));
        }
        System.out.printf("%d cells detected; their traces measured again correlate >= %.3f%n", found.raw().cells(),
                lowest);
        assertTrue(found.raw().cells() >= 8, found.raw().cells() + " cells");
        // measured: 9 cells, lowest 0.968
        assertTrue(lowest >= 0.9, "lowest correlation " + lowest);

        InputException e = assertThrows(InputException.class, () -> SpikeScope.extractTraces(movie, s.frameRate(),
                List.of(), TraceSettings.defaults()));
        assertTrue(e.getMessage().contains("footprints"), e.getMessage());
    }

    static ArrayImg<FloatType, ?> toImg(FrameSource m) throws java.io.IOException {
        int w = m.width();
        int h = m.height();
        float[] data = new float[w * h * m.frameCount()];
        for (int t = 0; t < m.frameCount(); t++) {
            System.arraycopy(m.readFrame(t, null), 0, data, t * w * h, w * h);
        }
        return ArrayImgs.floats(data, w, h, m.frameCount());
    }
}
