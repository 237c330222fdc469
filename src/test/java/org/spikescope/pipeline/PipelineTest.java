package org.spikescope.pipeline;

import org.spikescope.io.OutputTarget;
import io.jhdf.HdfFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.CancelledException;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.FootprintArrays;
import org.spikescope.io.TraceTables;
import org.spikescope.movie.MovieOpener;
import org.spikescope.testing.FootprintMatching;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.Stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's main job: the whole pipeline on the bundled recording, checked against its ground truth. */
class PipelineTest {

    @TempDir
    static Path dir;
    static Path bundle;
    static HeadlessRuns.Run run;

    @BeforeAll
    static void runThePipeline() {
        bundle = dir.resolve("bundle");
        run = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline",
                "input='test-images/sim-small',output='" + bundle + "'");
    }

    @Test
    void writesTheWholeBundle() throws Exception {
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("cells") && run.out().contains("detection"), run.out());
        for (String file : List.of("results.h5", "traces.csv", "spikes.csv", "RoiSet.zip", "summary.png",
                "settings.json", "log.txt", "shifts.csv", "motion_corrected.tif", "cells.csv")) {
            assertTrue(Files.size(bundle.resolve(file)) > 0, file);
        }
        CsvTable cells = CsvTable.read(bundle.resolve("cells.csv"));
        assertEquals(List.of("cell", "x", "y", "area_px", "snr", "spike_rate_hz"), cells.header());
        assertEquals(TraceTables.read(bundle.resolve("spikes.csv")).cells(), cells.rows());
        // the rates found spread like the true ones: medians within 30 % of each other
        TraceSet trueSpikes = TraceTables.read(Path.of("test-images", "sim-small", "groundtruth", "spikes.csv"));
        double[] trueRates = new double[trueSpikes.cells()];
        for (int c = 0; c < trueRates.length; c++) {
            trueRates[c] = Arrays.stream(trueSpikes.values()[c]).sum() / (trueSpikes.frames() / 20.0);
        }
        double found = median(cells.column("spike_rate_hz"));
        double real = median(trueRates);
        assertTrue(Math.abs(found / real - 1) < 0.3, "median spike rate " + found + " Hz, true " + real + " Hz");
        try (HdfFile h5 = new HdfFile(bundle.resolve("results.h5"))) {
            for (String d : List.of("/motion/shifts", "/footprints", "/traces/raw", "/traces/dff", "/spikes",
                    "/movie/frame_times")) {
                assertTrue(h5.getDatasetByPath(d).getSize() > 0, d);
            }
            assertTrue(h5.getAttribute("settings").getData().toString().contains("detection"));
        }
        String log = Files.readString(bundle.resolve("log.txt"));
        for (String stage : Pipeline.STAGES) {
            assertTrue(log.contains("stage " + stage), log);
        }
        assertEquals(PipelineSettings.defaults(), PipelineSettings.load(bundle.resolve("settings.json")));
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".bundle")),
                    "no staging folder left behind");
        }
    }

    @Test
    void findsTheTrueCellsAndTheirSpikes() throws Exception {
        assertEquals(0, run.code(), run.err());
        double[] scores = scores(bundle);
        System.out.printf("pipeline on sim-small: F1 %.3f; spike correlation (200 ms bins) median %.3f%n", scores[0],
                scores[1]);
        assertTrue(scores[0] >= 0.85, "cell F1 " + scores[0]);
        assertTrue(scores[1] >= 0.6, "median spike correlation " + scores[1]);
    }

    @Test
    void theLearnedSpikeMethodIsASettingAndTheBundleSaysItRan() throws Exception {
        Path settings = Files.writeString(dir.resolve("learned.json"), "{\"spikes\": {\"method\": \"learned\"}}");
        Path learned = dir.resolve("learned bundle");
        HeadlessRuns.Run r = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline",
                "input='test-images/sim-small',output='" + learned + "',settings='" + settings + "'");
        assertEquals(0, r.code(), r.err());
        for (String file : List.of("spikes.csv", "spikes_events.csv", "spikes_parameters.csv", "cells.csv")) {
            assertTrue(Files.size(learned.resolve(file)) > 0, file);
        }
        assertTrue(Files.readString(learned.resolve("log.txt")).contains("spikes: learned model 20Hz"));
        try (HdfFile h5 = new HdfFile(learned.resolve("results.h5"))) {
            assertEquals("learned", h5.getDatasetByPath("/spikes").getAttribute("method").getData());
        }
        double[] scores = scores(learned);
        System.out.printf("pipeline on sim-small, learned spikes: spike correlation (200 ms bins) median %.3f%n",
                scores[1]);
        assertTrue(scores[1] >= 0.6, "median spike correlation " + scores[1]);
    }

    /** {cell F1, median spike correlation of the matched cells (200 ms bins)} of a bundle made from sim-small. */
    private static double[] scores(Path bundle) throws Exception {
        Path truthFile = Path.of("test-images", "sim-small", "groundtruth", "results.h5");
        List<Footprint> truth;
        List<Footprint> found;
        double[][] trueSpikes;
        int[] storedToTrue;
        try (HdfFile h5 = new HdfFile(truthFile); HdfFile ours = new HdfFile(bundle.resolve("results.h5"))) {
            truth = FootprintArrays.sparse((float[][][]) h5.getDatasetByPath("/footprints").getData(), "truth");
            found = FootprintArrays.sparse((float[][][]) ours.getDatasetByPath("/footprints").getData(), "found");
            trueSpikes = toDouble(h5.getDatasetByPath("/spikes").getData());
            storedToTrue = (int[]) h5.getDatasetByPath("/frames/stored_to_true").getData();
        }
        List<int[]> matches = FootprintMatching.matchUpToOffset(truth, found, 128, 128, 3);
        double f1 = 2.0 * matches.size() / (truth.size() + found.size());
        TraceSet spikes = TraceTables.read(bundle.resolve("spikes.csv"));
        double[] r = new double[matches.size()];
        for (int k = 0; k < r.length; k++) {
            int[] m = matches.get(k);
            double[] inferred = spikes.values()[m[1]];
            double[] real = new double[inferred.length];
            for (int t = 0; t < real.length; t++) {
                // spikes of the dropped frame before a stored frame count for it, as the indicator sums them
                int to = storedToTrue[t];
                int from = t == 0 ? 0 : storedToTrue[t - 1] + 1;
                for (int u = from; u <= to; u++) {
                    real[t] += trueSpikes[m[0]][u];
                }
            }
            // the project's spike score: correlation of counts in 200 ms bins (4 frames at 20 Hz)
            r[k] = Stats.pearson(binned(inferred, 4), binned(real, 4));
        }
        return new double[] {f1, median(r)};
    }

    @Test
    void aSettingsFileNeedsOnlyWhatDiffersAndUnknownFieldsAreNamed() throws Exception {
        Path partial = Files.writeString(dir.resolve("partial.json"), "{\"detection\": {\"cellRadius\": 6}}");
        PipelineSettings s = PipelineSettings.load(partial);
        assertEquals(6, s.detection().cellRadius());
        assertEquals(PipelineSettings.defaults().motion(), s.motion());
        Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"detection\": {\"cellRadious\": 6}}");
        InputException e = assertThrows(InputException.class, () -> PipelineSettings.load(wrong));
        assertTrue(e.getMessage().contains("detection.cellRadious") && e.getMessage().contains("cellRadius"),
                e.getMessage());
    }

    @Test
    void aCancelledRunLeavesTheEarlierBundleIntact() throws Exception {
        assertEquals(0, run.code(), run.err());
        Path earlier = dir.resolve("earlier");
        try (org.spikescope.io.OutputFolder f = org.spikescope.io.OutputFolder.bundle(OutputTarget.of(earlier),
                Pipeline.KIND)) {
            Files.writeString(f.dir().resolve("log.txt"), "an earlier run");
            f.commit();
        }
        ProgressListener cancelDuringDetection = new ProgressListener() {
            private boolean cancelled;

            @Override
            public void stage(String name) {
                cancelled |= name.startsWith("Refining footprints");
            }

            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        try (FrameSource movie = MovieOpener.open(Path.of("test-images", "sim-small"), "", 0)) {
            assertThrows(CancelledException.class, () -> Pipeline.run(movie, PipelineSettings.defaults(), OutputTarget.of(earlier),
                    cancelDuringDetection));
        }
        try (var files = Files.list(earlier)) {
            assertEquals(List.of(".spikescope-manifest.json", ".spikescope.lock", "log.txt"), files.map(p ->
                    p.getFileName().toString()).sorted().toList(), "the staging folder is gone");
        }
        assertEquals("an earlier run", Files.readString(earlier.resolve("log.txt")));
        assertEquals(java.util.Set.of("log.txt"), org.spikescope.io.OutputFolder.view(earlier).keySet());
    }

    private static double median(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static double[] binned(double[] x, int bin) {
        double[] out = new double[x.length / bin];
        for (int i = 0; i < out.length * bin; i++) {
            out[i / bin] += x[i];
        }
        return out;
    }

    private static double[][] toDouble(Object data) {
        if (data instanceof double[][] d) {
            return d;
        }
        if (data instanceof int[][] a) {
            double[][] out = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                out[i] = Arrays.stream(a[i]).asDoubleStream().toArray();
            }
            return out;
        }
        throw new IllegalStateException("unexpected /spikes type " + data.getClass());
    }
}
