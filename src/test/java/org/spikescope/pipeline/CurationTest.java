package org.spikescope.pipeline;

import io.jhdf.HdfFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.TraceTables;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.TestFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Apply Curation" on the pipeline's bundle of the bundled recording, headless as macros and batch jobs run it. */
class CurationTest {

    @TempDir
    static Path shared;
    private static Path pipelineBundle;

    @BeforeAll
    static void runPipeline() {
        pipelineBundle = shared.resolve("rec_spikescope");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline",
                "input='test-images/sim-small',output='" + pipelineBundle + "'");
        assertEquals(0, run.code(), run.err());
    }

    private static Path copyOfBundle(Path dir) throws Exception {
        Path bundle = dir.resolve("bundle");
        TestFiles.copyTree(pipelineBundle, bundle);
        return bundle;
    }

    private static HeadlessRuns.Run apply(Path bundle, Path decisions) {
        return HeadlessRuns.launch("--headless", "--run", "Apply Curation", "bundle='" + bundle + "',curation='"
                + decisions + "'");
    }

    @Test
    void rejectedCellsLeaveEveryFileAndALaterCurationStartsFromTheOriginal(@TempDir Path dir) throws Exception {
        Path bundle = copyOfBundle(dir);
        TraceSet before = TraceTables.read(bundle.resolve("traces.csv"));
        int cells = before.names().size();
        Path decisions = Files.writeString(dir.resolve("decisions.csv"),
                "cell,status,merged_into,source\n3,rejected,,user\ncell_005,rejected,,classifier\n7,accepted,,user\n");
        HeadlessRuns.Run run = apply(bundle, decisions);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains((cells - 2) + " of " + cells + " cells kept"), run.out());

        TraceSet after = TraceTables.read(bundle.resolve("traces.csv"));
        assertEquals(cells - 2, after.names().size());
        assertTrue(!after.names().contains("cell_003") && !after.names().contains("cell_005")
                && after.names().contains("cell_007"), after.names().toString());
        // kept cells keep their names and their traces, value for value
        int seven = before.names().indexOf("cell_007");
        assertArrayEquals(before.values()[seven], after.values()[after.names().indexOf("cell_007")]);
        for (String table : List.of("traces_raw.csv", "spikes.csv", "spikes_calcium.csv")) {
            assertEquals(after.names(), TraceTables.read(bundle.resolve(table)).names(), table);
        }
        CsvTable cellsTable = CsvTable.read(bundle.resolve("cells.csv"));
        assertEquals(cells - 2, cellsTable.rows());
        assertTrue(java.util.Arrays.stream(cellsTable.column("cell")).noneMatch(c -> c == 3 || c == 5));
        assertEquals(cells - 2, Files.readAllLines(bundle.resolve("spikes_parameters.csv")).size() - 1);
        assertEquals(cells - 2, ImageJFormats.get().readNamedRoiSet(bundle.resolve("RoiSet.zip")).names().size());
        try (HdfFile h5 = new HdfFile(bundle.resolve("results.h5"))) {
            for (String path : List.of("/footprints", "/traces/dff", "/traces/raw", "/spikes")) {
                assertEquals(cells - 2, h5.getDatasetByPath(path).getDimensions()[0], path);
            }
        }
        assertEquals(cells, TraceTables.read(bundle.resolve("original").resolve("traces.csv")).names().size());
        assertTrue(Files.readString(bundle.resolve("log.txt")).contains("curation"));
        assertTrue(Files.readString(bundle.resolve("curation.csv")).contains("cell_005,rejected,,classifier"));

        // the user changes their mind about cell 3: the next curation starts from the original extraction
        Path revised = Files.writeString(dir.resolve("revised.csv"), "cell,status,merged_into,source\n"
                + "cell_005,rejected,,user\n");
        assertEquals(0, apply(bundle, revised).code());
        TraceSet reverted = TraceTables.read(bundle.resolve("traces.csv"));
        assertEquals(cells - 1, reverted.names().size());
        assertArrayEquals(before.values()[before.names().indexOf("cell_003")],
                reverted.values()[reverted.names().indexOf("cell_003")]);
        // and the bundle's own curation.csv, edited in place, applies too
        Files.writeString(bundle.resolve("curation.csv"), "cell,status,merged_into,source\n1,rejected,,user\n");
        assertEquals(0, apply(bundle, bundle.resolve("curation.csv")).code());
        assertEquals(cells - 1, TraceTables.read(bundle.resolve("traces.csv")).names().size());
        assertTrue(!TraceTables.read(bundle.resolve("traces.csv")).names().contains("cell_001"));
    }

    @Test
    void badDecisionsAreNamedAndChangeNothing(@TempDir Path dir) throws Exception {
        Path bundle = copyOfBundle(dir);
        byte[] traces = Files.readAllBytes(bundle.resolve("traces.csv"));
        String header = "cell,status,merged_into,source\n";
        String[][] cases = {
                {"cell,verdict\n1,rejected\n", "no column 'status'"},
                {header + "99,rejected,,user\n", "no cell '99'"},
                {header + "2,deleted,,user\n", "'deleted'"},
                {header + "2,rejected,,robot\n", "'robot'"},
                {header + "2,rejected,,user\n2,accepted,,user\n", "a second decision on cell cell_002"},
                {header + "2,merged,,user\n", "'merged_into' names no cell"},
                {header + "2,merged,3,user\n3,rejected,,user\n", "merge into a cell that is kept"},
        };
        for (String[] c : cases) {
            Path decisions = Files.writeString(dir.resolve("d.csv"), c[0]);
            HeadlessRuns.Run run = apply(bundle, decisions);
            assertNotEquals(0, run.code(), c[0]);
            assertTrue(run.err().contains(c[1]) && !run.err().contains("\tat "), c[1] + " in " + run.err());
        }
        StringBuilder all = new StringBuilder(header);
        int cells = TraceTables.read(bundle.resolve("traces.csv")).names().size();
        for (int i = 1; i <= cells; i++) {
            all.append(i).append(",rejected,,user\n");
        }
        HeadlessRuns.Run everything = apply(bundle, Files.writeString(dir.resolve("all.csv"), all.toString()));
        assertTrue(everything.err().contains("every cell"), everything.err());
        HeadlessRuns.Run notABundle = apply(dir, dir.resolve("all.csv"));
        assertTrue(notABundle.err().contains("'bundle'"), notABundle.err());
        assertArrayEquals(traces, Files.readAllBytes(bundle.resolve("traces.csv")), "the bundle is unchanged");
        assertTrue(!Files.exists(bundle.resolve("original")) && !Files.exists(bundle.resolve("curation.csv")));
    }

    @Test
    void decisionsSurviveAReRunIntoTheBundle(@TempDir Path dir) throws Exception {
        Path bundle = copyOfBundle(dir);
        List<org.spikescope.core.Footprint> before = ImageJFormats.get().readNamedRoiSet(bundle.resolve("RoiSet.zip"))
                .footprints();
        Path decisions = Files.writeString(dir.resolve("decisions.csv"),
                "cell,status,merged_into,source\n2,rejected,,user\n6,rejected,,user\n");
        assertEquals(0, apply(bundle, decisions).code());
        int curated = TraceTables.read(bundle.resolve("traces.csv")).names().size();
        // the same recording again, into the curated bundle: its curation.csv is carried to the new cells
        HeadlessRuns.Run rerun = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline",
                "input='test-images/sim-small',output='" + bundle + "'");
        assertEquals(0, rerun.code(), rerun.err());
        List<String> names = TraceTables.read(bundle.resolve("traces.csv")).names();
        assertEquals(curated, names.size(), names.toString());
        String log = Files.readString(bundle.resolve("log.txt"));
        assertTrue(log.contains("curation: 2 of 2 decisions") && log.contains("carried over"), log);
        // the cells left out are the ones the user rejected, found again by their outlines
        List<org.spikescope.core.Footprint> now = ImageJFormats.get().readNamedRoiSet(bundle.resolve("RoiSet.zip"))
                .footprints();
        for (int rejected : new int[]{1, 5}) {
            for (org.spikescope.core.Footprint f : now) {
                assertTrue(CurationCarryOver.iou(before.get(rejected), f) < 0.5, "cell " + (rejected + 1) + " is back");
            }
        }
        assertTrue(Files.isDirectory(bundle.resolve("original")));
    }

    @Test
    void mergedCellsAreJoinedAndMeasuredAgain(@TempDir Path dir) throws Exception {
        Path bundle = copyOfBundle(dir);
        TraceSet raw = TraceTables.read(bundle.resolve("traces_raw.csv"));
        int cells = raw.names().size();
        List<org.spikescope.core.Footprint> before = ImageJFormats.get().readNamedRoiSet(bundle.resolve("RoiSet.zip"))
                .footprints();
        // the two nearest cells, as a user merges the halves of one
        int a = 0;
        int b = 1;
        for (int i = 0; i < cells; i++) {
            for (int j = i + 1; j < cells; j++) {
                if (distance(before, i, j) < distance(before, a, b)) {
                    a = i;
                    b = j;
                }
            }
        }
        String target = TraceTables.cellName(a);
        String merged = TraceTables.cellName(b);
        int rejected = a != 3 && b != 3 ? 4 : 5;
        Path decisions = Files.writeString(dir.resolve("merge.csv"), "cell,status,merged_into,source\n" + merged
                + ",merged," + target + ",user\n" + rejected + ",rejected,,user\n");
        HeadlessRuns.Run run = apply(bundle, decisions);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("1 merged"), run.out());
        TraceSet after = TraceTables.read(bundle.resolve("traces_raw.csv"));
        assertEquals(cells - 2, after.names().size());
        assertTrue(!after.names().contains(merged) && after.names().contains(target));
        // the joined cell's trace follows both halves' light; its outline covers both
        double[] both = new double[raw.frames()];
        for (int t = 0; t < both.length; t++) {
            both[t] = raw.values()[a][t] + raw.values()[b][t];
        }
        double r = org.spikescope.testing.Stats.pearson(after.values()[after.names().indexOf(target)], both);
        org.spikescope.core.ImageJFormats.NamedFootprints now = ImageJFormats.get().readNamedRoiSet(
                bundle.resolve("RoiSet.zip"));
        int area = count(now.footprints().get(now.names().indexOf(target)));
        System.out.printf("merged %s into %s (%.1f px apart): trace r %.3f with the halves' sum; outline %d px (were "
                + "%d and %d)%n", merged, target, distance(before, a, b), r, area, count(before.get(a)),
                count(before.get(b)));
        assertTrue(r > 0.9, "r " + r);
        assertTrue(area > Math.max(count(before.get(a)), count(before.get(b))), "area " + area);
        for (String table : List.of("traces.csv", "spikes.csv", "spikes_calcium.csv")) {
            assertEquals(after.names(), TraceTables.read(bundle.resolve(table)).names(), table);
        }
        assertEquals(cells - 2, CsvTable.read(bundle.resolve("cells.csv")).rows());
        double number = a + 1;
        assertTrue(java.util.Arrays.stream(CsvTable.read(bundle.resolve("cells.csv")).column("cell"))
                .anyMatch(c -> c == number), "the joined cell keeps its number");
        try (HdfFile h5 = new HdfFile(bundle.resolve("results.h5"))) {
            for (String path : List.of("/footprints", "/traces/dff", "/spikes")) {
                assertEquals(cells - 2, h5.getDatasetByPath(path).getDimensions()[0], path);
            }
        }
        // a bundle without the corrected movie cannot measure a merged cell again, and says so
        Files.delete(bundle.resolve("motion_corrected.tif"));
        HeadlessRuns.Run refused = apply(bundle, decisions);
        assertTrue(refused.err().contains("motion_corrected.tif"), refused.err());
    }

    private static double distance(List<org.spikescope.core.Footprint> f, int i, int j) {
        double[] p = f.get(i).centre();
        double[] q = f.get(j).centre();
        return Math.hypot(p[0] - q[0], p[1] - q[1]);
    }

    private static int count(org.spikescope.core.Footprint f) {
        int n = 0;
        for (float v : f.weights()) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aClassifierTrainedOnDecisionsRejectsCellsInTheNextRunUnlessTheUserKeepsThem(@TempDir Path dir)
            throws Exception {
        Path bundle = copyOfBundle(dir);
        // the user rejects the four cells of weakest spikes
        CsvTable cells = CsvTable.read(bundle.resolve("cells.csv"));
        Integer[] order = new Integer[cells.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] snr = cells.column("snr");
        java.util.Arrays.sort(order, (x, y) -> Double.compare(snr[x], snr[y]));
        StringBuilder decisions = new StringBuilder("cell,status,merged_into,source\n");
        java.util.Set<String> weak = new java.util.TreeSet<>();
        for (int i = 0; i < 4; i++) {
            weak.add(TraceTables.cellName(order[i]));
            decisions.append(order[i] + 1).append(",rejected,,user\n");
        }
        assertEquals(0, apply(bundle, Files.writeString(dir.resolve("weak.csv"), decisions.toString())).code());
        Path model = dir.resolve("cells.json");
        HeadlessRuns.Run train = HeadlessRuns.launch("--headless", "--run", "Train Cell Classifier", "bundles='"
                + bundle + "',output='" + model + "'");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("4 rejected"), train.out());

        Path next = dir.resolve("next");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline",
                "input='test-images/sim-small',output='" + next + "',classifier='" + model + "'");
        assertEquals(0, run.code(), run.err());
        List<String> rows = Files.readAllLines(next.resolve("curation.csv"));
        List<String> rejected = rows.stream().filter(r -> r.endsWith(",rejected,,classifier"))
                .map(r -> r.substring(0, r.indexOf(','))).toList();
        System.out.printf("classifier trained on the 4 weakest cells rejects %s in the next run (weakest: %s)%n",
                rejected, weak);
        assertTrue(!rejected.isEmpty() && weak.containsAll(rejected), rejected + " against " + weak);
        assertEquals(cells.rows() - rejected.size(), TraceTables.read(next.resolve("traces.csv")).names().size());
        // the user keeps one of them: their decision wins over the classifier's in the run after
        Files.writeString(next.resolve("curation.csv"), "cell,status,merged_into,source\n" + rejected.get(0)
                + ",accepted,,user\n");
        HeadlessRuns.Run again = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline",
                "input='test-images/sim-small',output='" + next + "',classifier='" + model + "'");
        assertEquals(0, again.code(), again.err());
        assertTrue(TraceTables.read(next.resolve("traces.csv")).names().contains(rejected.get(0)));
        assertTrue(Files.readString(next.resolve("curation.csv")).contains(rejected.get(0) + ",accepted,,user"));
    }

    @Test
    void theReviewWindowsDecisionsUndoAndApply(@TempDir Path dir) throws Exception {
        Path bundle = copyOfBundle(dir);
        ReviewSession review = ReviewSession.open(bundle);
        int cells = review.cells().size();
        review.reject(List.of("cell_003"));
        review.merge(List.of("cell_004", "cell_023"));
        review.reject(List.of("cell_001"));
        assertEquals("rejected", review.status("cell_001"));
        assertTrue(review.undo());
        assertEquals("", review.status("cell_001"));
        assertEquals("merged", review.status("cell_023"));
        // rejecting a cell rejects what was merged into it
        review.reject(List.of("cell_004"));
        assertEquals("rejected", review.status("cell_023"));
        assertTrue(review.undo());
        assertEquals("merged", review.status("cell_023"));
        CurationRun.Result r = review.apply(org.spikescope.core.ProgressListener.NONE);
        assertEquals(cells - 2, r.kept());
        String csv = Files.readString(bundle.resolve("curation.csv"));
        assertTrue(csv.contains("cell_003,rejected,,user") && csv.contains("cell_023,merged,cell_004,user"), csv);
        // reopened, the window starts from the bundle's decisions and all of the extraction's cells
        ReviewSession again = ReviewSession.open(bundle);
        assertEquals(cells, again.cells().size());
        assertEquals("rejected", again.status("cell_003"));
        org.spikescope.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.spikescope.core.InputException.class, () -> again.merge(List.of("cell_003", "cell_005")));
        assertTrue(e.getMessage().contains("kept cell"), e.getMessage());
    }

    @Test
    void decisionsOnCellsNotFoundAgainAreReportedNotGuessed() {
        org.spikescope.core.Footprint a = square(10, 10);
        org.spikescope.core.Footprint b = square(40, 10);
        org.spikescope.core.Footprint c = square(70, 10);
        CurationDecisions decisions = new CurationDecisions(new java.util.LinkedHashMap<>(java.util.Map.of(
                "cell_001", new CurationDecisions.Decision(CurationDecisions.Status.REJECTED, null, "user"),
                "cell_003", new CurationDecisions.Decision(CurationDecisions.Status.REJECTED, null, "classifier"))));
        CurationCarryOver.Prior prior = new CurationCarryOver.Prior(Path.of("curation.csv"), decisions,
                List.of(a, b, c), List.of("cell_001", "cell_002", "cell_003"));
        // the new run finds b first and a moved by a pixel; c is gone
        CurationCarryOver.Carried carried = CurationCarryOver.carry(prior, List.of(b, square(11, 10)));
        assertEquals(java.util.Set.of("cell_002"), carried.decisions().byCell().keySet());
        assertEquals(1, carried.unplaced().size());
        assertTrue(carried.unplaced().get(0).startsWith("cell_003 rejected"), carried.unplaced().toString());
    }

    private static org.spikescope.core.Footprint square(int x0, int y0) {
        float[] w = new float[100];
        java.util.Arrays.fill(w, 1f);
        return new org.spikescope.core.Footprint(x0, y0, 10, 10, w);
    }
}
