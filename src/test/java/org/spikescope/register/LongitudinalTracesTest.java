package org.spikescope.register;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.Footprint;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvRows;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.TraceTables;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.FootprintCsv;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.Stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Longitudinal traces: a simulated recording is day 2; day 1 saw the same cells rotated by 2° and shifted by
 * (6, −5) px, and day 2's extraction missed four of them. "Extract Traces" with the registration measures every
 * registered cell in day 2's movie, the four missed ones with their day-1 footprints carried over.
 */
class LongitudinalTracesTest {

    private static final int MISSED = 4;

    @Test
    void everyRegisteredCellIsMeasuredInTheSessionsMovieTheMissedOnesWithCarriedFootprints(@TempDir Path dir)
            throws IOException {
        SimulationSettings s = SimulationSettings.builder().width(128).height(128).cells(24).cellRadius(5)
                .frames(800).motion("none").seed(8).build();
        RecordingSimulator.write(s, List.of(), OutputTarget.of(dir.resolve("rec")), ProgressListener.NONE);
        GroundTruth truth = new MovieSimulator(s, List.of()).groundTruth();
        SessionTransform day1 = new SessionTransform(6, -5, 2, 63.5, 63.5, null);
        List<Footprint> first = new ArrayList<>();
        List<String> firstIds = new ArrayList<>();
        List<Footprint> second = new ArrayList<>();
        List<String> secondIds = new ArrayList<>();
        for (int i = 0; i < truth.footprints().size(); i++) {
            Footprint f = truth.footprints().get(i);
            Footprint moved = FootprintWarp.moved(f, p -> day1.apply(p[0], p[1]), q -> day1.invert(q[0], q[1]));
            if (moved.x0() < 0 || moved.y0() < 0 || moved.x0() + moved.w() > 128 || moved.y0() + moved.h() > 128) {
                continue;
            }
            first.add(moved);
            firstIds.add("c" + i);
            if (first.size() > MISSED) {
                second.add(f);
                secondIds.add("c" + i);
            }
        }
        FootprintCsv.write(first, firstIds, dir.resolve("day1.csv"));
        FootprintCsv.write(second, secondIds, dir.resolve("day2.csv"));
        HeadlessRuns.Run reg = HeadlessRuns.launch("--headless", "--run", "Register Sessions", "sessions='"
                + dir.resolve("day1.csv") + "," + dir.resolve("day2.csv") + "',output='" + dir.resolve("reg") + "'");
        assertEquals(0, reg.code(), reg.err());
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Extract Traces", "input='"
                + dir.resolve("rec").resolve(RecordingSimulator.TIFF_NAME) + "',registration='" + dir.resolve("reg")
                + "',session=2,output='" + dir.resolve("day2_traces") + "',cellRadius=5");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(MISSED + " carried"), run.out());

        CsvRows map = CsvRows.read(dir.resolve("reg").resolve("cell_map.csv"));
        TraceSet dff = TraceTables.read(dir.resolve("day2_traces").resolve("traces.csv"));
        TraceSet raw = TraceTables.read(dir.resolve("day2_traces").resolve("traces_raw.csv"));
        assertEquals(dff.names(), raw.names());
        assertEquals(map.rows().size(), dff.names().size(), "one column per registered cell");
        List<Double> own = new ArrayList<>();
        List<Double> carried = new ArrayList<>();
        for (int r = 0; r < map.rows().size(); r++) {
            String id = map.rows().get(r)[1].isEmpty() ? map.rows().get(r)[2] : map.rows().get(r)[1];
            int cell = Integer.parseInt(id.substring(1));
            double[] fluorescence = new double[dff.frames()];
            for (int t = 0; t < fluorescence.length; t++) {
                fluorescence[t] = truth.amplitude()[cell] * truth.calcium()[cell][truth.storedToTrue()[t]];
            }
            (map.rows().get(r)[2].isEmpty() ? carried : own).add(Stats.pearson(raw.values()[r], fluorescence));
        }
        own.sort(null);
        carried.sort(null);
        System.out.printf("longitudinal raw traces of %d registered cells, correlation with the true fluorescence: "
                        + "own footprints median %.3f, lowest %.3f; %d carried from day 1 %s%n", map.rows().size(),
                own.get(own.size() / 2), own.get(0), MISSED, carried);
        assertEquals(MISSED, carried.size());
        // carried footprints measure their cells as well as the session's own do
        // measured: own median 0.969, lowest 0.790; carried 0.843-0.996
        assertTrue(carried.get(0) > 0.8 && carried.get(0) >= own.get(0) - 0.05 && own.get(own.size() / 2) > 0.9,
                own + " " + carried);
        String cells = Files.readString(dir.resolve("day2_traces").resolve("cells.csv"));
        assertEquals(MISSED, cells.lines().filter(l -> l.endsWith(",carried")).count(), cells);

        HeadlessRuns.Run bad = HeadlessRuns.launch("--headless", "--run", "Extract Traces", "input='"
                + dir.resolve("rec").resolve(RecordingSimulator.TIFF_NAME) + "',registration='" + dir.resolve("reg")
                + "',session=3,output='" + dir.resolve("day3_traces") + "'");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("'session'") && bad.err().contains("1 to 2"), bad.err());
    }
}
