package org.spikescope.fiji;

import org.spikescope.testing.HeadlessRuns;

import io.jhdf.HdfFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.Footprint;
import org.spikescope.core.TraceSet;
import org.spikescope.io.FootprintArrays;
import org.spikescope.export.RoiSetFiles;
import org.spikescope.io.TraceTables;
import org.spikescope.testing.FootprintMatching;
import org.spikescope.testing.Stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Detect Neurons" and "Extract Traces" through the headless launcher, as batch users run them. */
class DetectNeuronsCommandTest {

    @TempDir
    static Path dir;
    static Path recording;

    @BeforeAll
    static void simulate() {
        recording = dir.resolve("recording");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run",
                "Simulate Miniscope Recording", "output='" + recording + "',format=tiff,frames=800,width=96,"
                        + "height=96,cells=10,cellRadius=5,motion=none,seed=7");
        assertEquals(0, run.code(), run.err());
    }

    /** "Detect Neurons" on the simulated recording into {@code out}, with more macro options ({@code ",name=value"}). */
    private static HeadlessRuns.Run detectNeurons(Path out, String options) {
        return HeadlessLauncherTest.launch("--headless", "--run", "Detect Neurons",
                "input='" + recording.resolve("movie.tif") + "',output='" + out + "'" + options);
    }

    /** The macro's {@code border}: no cell seeded within 30 px of the 96×96 movie's edges, so none centred there. */
    @Test
    void noCellIsSeededInTheEdgeBandTheMacroNames() throws Exception {
        Path out = dir.resolve("inner");
        HeadlessRuns.Run run = detectNeurons(out, ",cellRadius=5,border=30");
        assertEquals(0, run.code(), run.err());
        List<Footprint> inner = RoiSetFiles.read(out.resolve("RoiSet.zip"), 96, 96);
        assertTrue(!inner.isEmpty() && inner.size() < 10, inner.size() + " cells");
        for (Footprint f : inner) {
            double[] c = f.centre();
            // a footprint grows around its seed: its centre stays within a cell radius of the inner square
            assertTrue(Math.min(c[0], c[1]) >= 25 && Math.max(c[0], c[1]) <= 71, Arrays.toString(c));
        }
        try (HdfFile h5 = new HdfFile(out.resolve("results.h5"))) {
            Object bands = h5.getByPath("/detection").getAttribute("seedless_border_px").getData();
            assertEquals("[30, 30, 30, 30]", Arrays.toString((int[]) bands), "recorded with the results");
        }
        HeadlessRuns.Run bad = detectNeurons(dir.resolve("bad"), ",border=-3");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("border") && bad.err().contains("-3") && !bad.err().contains("\tat "),
                bad.err());
        assertTrue(!Files.exists(dir.resolve("bad")), "nothing written");
    }

    @Test
    void detectsTheSimulatedCellsAndWritesEveryFile() throws Exception {
        Path out = dir.resolve("cells");
        HeadlessRuns.Run run = detectNeurons(out, ",cellRadius=5");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("cells from"), run.out());

        TraceSet dff = TraceTables.read(out.resolve("traces.csv"));
        TraceSet raw = TraceTables.read(out.resolve("traces_raw.csv"));
        assertEquals("time_s", dff.timeColumn());
        assertEquals(800, dff.frames());
        assertEquals(dff.names(), raw.names());
        assertEquals("cell_001", dff.names().get(0));
        List<Footprint> rois = RoiSetFiles.read(out.resolve("RoiSet.zip"), 96, 96);
        assertEquals(dff.cells(), rois.size());
        assertTrue(Files.size(out.resolve("summary.png")) > 1000);

        float[][][] found;
        try (HdfFile h5 = new HdfFile(out.resolve("results.h5"))) {
            found = (float[][][]) h5.getDatasetByPath("/footprints").getData();
            double[][] h5dff = (double[][]) h5.getDatasetByPath("/traces/dff").getData();
            assertEquals(dff.cells(), h5dff.length);
            assertEquals(800, h5dff[0].length);
            assertEquals(96, ((float[][]) h5.getDatasetByPath("/summary/correlation").getData()).length);
            // the decay time detection estimated from the movie (the simulator's calcium decays over 0.6 s)
            var detection = h5.getByPath("/detection");
            double decay = ((Number) detection.getAttribute("decay_time_used_s").getData()).doubleValue();
            assertEquals(1, ((Number) detection.getAttribute("decay_time_estimated").getData()).intValue());
            assertTrue(decay >= 0.3 && decay <= 1.5, "decay time used " + decay + " s");
        }
        float[][][] truth;
        try (HdfFile h5 = new HdfFile(recording.resolve("groundtruth/results.h5"))) {
            truth = (float[][][]) h5.getDatasetByPath("/footprints").getData();
        }
        // every true cell found once, nothing else: one-to-one matches by IoU of the masks above a fifth of the peak
        double f1 = FootprintMatching.f1(FootprintArrays.sparse(truth, "truth"), FootprintArrays.sparse(found, "found"),
                96, 96);
        assertTrue(f1 >= 0.9, "F1 " + f1 + " (" + truth.length + " true cells, " + found.length + " found)");
    }

    @Test
    void extractTracesMeasuresRoisDrawnInFijiLikeTheDetectedFootprints() throws Exception {
        Path cells = dir.resolve("cells for extraction");
        assertEquals(0, detectNeurons(cells, ",cellRadius=5").code());
        Path out = dir.resolve("extracted");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Extract Traces",
                "input='" + recording.resolve("movie.tif") + "',footprints='" + cells.resolve("RoiSet.zip")
                        + "',output='" + out + "',cellRadius=5");
        assertEquals(0, run.code(), run.err());
        TraceSet detected = TraceTables.read(cells.resolve("traces_raw.csv"));
        TraceSet extracted = TraceTables.read(out.resolve("traces_raw.csv"));
        assertEquals(detected.cells(), extracted.cells());
        // flat ROI masks weigh the pixels differently from the footprints, but the activity is the same
        double[] r = new double[detected.cells()];
        for (int c = 0; c < r.length; c++) {
            r[c] = Stats.pearson(detected.values()[c], extracted.values()[c]);
        }
        Arrays.sort(r);
        assertTrue(r[r.length / 2] >= 0.9, "median correlation " + Arrays.toString(r));
    }

    @Test
    void footprintsThatAreNotFootprintsGetOneClearLine() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not cells");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Extract Traces",
                "input='" + recording.resolve("movie.tif") + "',footprints='" + notes + "',output='"
                        + dir.resolve("never") + "'");
        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("parameter 'footprints'") && run.err().contains("RoiSet.zip"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(Files.notExists(dir.resolve("never")));
    }
}
