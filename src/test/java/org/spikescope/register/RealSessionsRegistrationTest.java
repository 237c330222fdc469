package org.spikescope.register;

import org.junit.jupiter.api.Test;
import org.spikescope.core.ProgressListener;
import org.spikescope.testing.SharedData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five real sessions of one mouse in ../shared/data/cellreg (495–598 cells each, 2.35 µm per pixel), against
 * CellReg's own result on them: 787 registered cells, its P_same = 0.5 at a spatial correlation of 0.69.
 */
class RealSessionsRegistrationTest {

    private static final int CELLREG_CELLS = 787;

    @Test
    void fiveRealSessionsGiveCellRegsCountOfCellsWithinFivePercent() throws IOException {
        Path dir = SharedData.require("cellreg");
        List<Path> files = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            files.add(dir.resolve("session_" + k + "_footprints.csv.gz"));
        }
        List<Session> sessions = RegistrationRun.read(files, ProgressListener.NONE);
        RegistrationResult r = SessionRegistration.register(sessions, new RegistrationSettings(1, 2.35,
                Alignment.RIGID, 14, 0.5, 10), ProgressListener.NONE);
        for (int s = 0; s < sessions.size(); s++) {
            SessionTransform t = r.transforms().get(s);
            System.out.printf("session %d (%d cells): dx %.2f px, dy %.2f px, rotation %.1f°, correlation after "
                    + "alignment %.3f%n", s + 1, sessions.get(s).cells(), t.dx(), t.dy(), t.rotationDeg(),
                    r.alignment()[s]);
            // footprints of one field on different days: the aligned projections must agree well
            assertTrue(r.alignment()[s] > 0.5, "session " + (s + 1) + " correlates " + r.alignment()[s]);
        }
        System.out.printf("%d registered cells (CellReg %d), %d in all five; P_same = 0.5 at correlation %.3f%n",
                r.cells().size(), CELLREG_CELLS, r.cellsInAtLeast(5), r.model().correlationAt(0.5));
        assertTrue(Math.abs(r.cells().size() - CELLREG_CELLS) <= 0.05 * CELLREG_CELLS,
                r.cells().size() + " registered cells; CellReg found " + CELLREG_CELLS);
        assertTrue(Math.abs(r.model().correlationAt(0.5) - 0.69) < 0.05,
                "P_same = 0.5 at " + r.model().correlationAt(0.5) + "; CellReg's model puts it at 0.69");
    }
}
