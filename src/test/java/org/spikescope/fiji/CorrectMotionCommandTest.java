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
    void anOutputThatIsAFileGetsOneClearLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not a folder"), "x");
        HeadlessRuns.Run run = HeadlessLauncherTest.launch("--headless", "--run", "Correct Motion",
                "input='test-images/sim-small',output='" + file + "'");
        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("parameter 'output'") && run.err().contains("expected a folder"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
