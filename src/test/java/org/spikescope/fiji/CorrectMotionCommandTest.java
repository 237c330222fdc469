package org.spikescope.fiji;

import org.spikescope.testing.HeadlessRuns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.io.CsvTable;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Correct Motion" through the headless launcher, as batch users run it. */
class CorrectMotionCommandTest {

    @Test
    void correctsTheBundledRecordingHeadless(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("motion out");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Correct Motion",
                "input='test-images/sim-small',output='" + out + "',mode='piecewise',maxShift=6,cellRadius=4,"
                        + "patchSize=48,patchOverlap=24");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("mean-image sharpness"), run.out());
        assertTrue(Files.size(out.resolve("motion_corrected.tif")) > 0);
        assertTrue(Files.exists(out.resolve("results.h5")));
        CsvTable shifts = CsvTable.read(out.resolve("shifts.csv"));
        assertEquals(java.util.List.of("frame", "x", "y"), shifts.header().subList(0, 3));
        assertTrue(shifts.header().size() > 3, "piecewise mode writes per-patch columns");
    }

    @Test
    void aFieldMovingFartherThanMaxShiftIsWarnedOf(@TempDir Path dir) throws Exception {
        // rigid motion of up to 12 px with no vessels: searched within 4 px, most frames end on the search's rim
        org.spikescope.sim.SimulationSettings s = org.spikescope.sim.SimulationSettings.builder().width(128)
                .height(128).cells(20).cellRadius(5).frames(300).vessels(0).motion("rigid").maxShift(12).seed(5)
                .build();
        org.spikescope.sim.RecordingSimulator.write(s, java.util.List.of(),
                org.spikescope.io.OutputTarget.of(dir.resolve("rec")), org.spikescope.core.ProgressListener.NONE);
        Path movie = dir.resolve("rec").resolve(org.spikescope.sim.RecordingSimulator.TIFF_NAME);
        HeadlessRuns.Run narrow = HeadlessLauncherTest.launch("--headless", "--run", "Correct Motion",
                "input='" + movie + "',output='" + dir.resolve("narrow") + "',maxShift=4,cellRadius=5");
        assertEquals(0, narrow.code(), narrow.err());
        assertTrue(narrow.out().contains("warning:") && narrow.out().contains("maxShift 4 px"), narrow.out());
        HeadlessRuns.Run wide = HeadlessLauncherTest.launch("--headless", "--run", "Correct Motion",
                "input='" + movie + "',output='" + dir.resolve("wide") + "',maxShift=40,cellRadius=5");
        assertEquals(0, wide.code(), wide.err());
        assertTrue(!wide.out().contains("warning:"), wide.out());
        try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(dir.resolve("narrow").resolve("results.h5"))) {
            int edge = ((Number) h5.getByPath("/motion").getAttribute("frames_at_search_edge").getData()).intValue();
            System.out.println("motion up to 12 px searched within 4 px: " + edge + " of 300 frames at the rim");
            assertTrue(edge > 30, edge + " frames");
        }
    }

    @Test
    void anOutputThatIsAFileGetsOneClearLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not a folder"), "x");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Correct Motion",
                "input='test-images/sim-small',output='" + file + "'");
        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("parameter 'output'") && run.err().contains("expected a folder"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
