package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.io.CsvRows;
import org.spikescope.io.FootprintArrays;
import org.spikescope.io.ResultsH5;
import org.spikescope.register.Session;
import org.spikescope.testing.FootprintCsv;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.MultiSessionScenes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Register Sessions" through the headless launcher, on sessions given as footprint CSVs and a results bundle. */
class RegisterSessionsCommandTest {

    /** Session k's footprints as a CSV; each cell's identifier is its pool cell's number. */
    private static void writeCsv(Session s, int[] identity, Path file) throws IOException {
        FootprintCsv.write(s.footprints(), java.util.Arrays.stream(identity).mapToObj(String::valueOf).toList(), file);
    }

    private static HeadlessRuns.Run register(String sessions, Path output, String more) {
        return HeadlessRuns.launch("--headless", "--run", "Register Sessions", "sessions='" + sessions
                + "',output='" + output + "'" + more);
    }

    @Test
    void csvAndBundleSessionsRegisterToTheirTrueCells(@TempDir Path dir) throws IOException {
        MultiSessionScenes scenes = MultiSessionScenes.make(256, 224, 260, 4, 3, 0.8, 20, 5, 11);
        Path first = dir.resolve("day1.csv.gz");
        Path second = dir.resolve("day2.csv");
        writeCsv(scenes.sessions().get(0), scenes.identities().get(0), first);
        writeCsv(scenes.sessions().get(1), scenes.identities().get(1), second);
        Path bundle = Files.createDirectory(dir.resolve("day3_results"));
        Session third = scenes.sessions().get(2);
        new ResultsH5().dataset("/footprints", FootprintArrays.dense(third.footprints(), third.width(),
                third.height())).write(bundle.resolve("results.h5"));
        Path out = dir.resolve("registered");
        HeadlessRuns.Run run = register(first + "," + second + ", " + bundle, out, ",alignment='rigid'");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("registered cells"), run.out());
        for (String f : List.of("cell_map.csv", "cell_scores.csv", "pairs.csv", "alignment.csv", "model.png",
                "sessions.png", "results.h5")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        CsvRows map = CsvRows.read(out.resolve("cell_map.csv"));
        assertEquals(List.of("registered_cell", "session_1", "session_2", "session_3"), map.header());
        // the CSVs name cells by their pool number, the bundle by cell_NNN: check the CSV sessions' agreement
        int together = 0;
        int agreeing = 0;
        for (String[] row : map.rows()) {
            if (!row[1].isEmpty() && !row[2].isEmpty()) {
                together++;
                agreeing += row[1].equals(row[2]) ? 1 : 0;
            }
            assertTrue(row[3].isEmpty() || row[3].startsWith("cell_"), row[3]);
        }
        int shared = 0;
        for (int a : scenes.identities().get(0)) {
            for (int b : scenes.identities().get(1)) {
                shared += a == b ? 1 : 0;
            }
        }
        System.out.printf("sessions 1 and 2: %d cells in common, %d registered together, %d of them right%n", shared,
                together, agreeing);
        assertTrue(agreeing >= 0.95 * shared && agreeing >= 0.95 * together, agreeing + " right of " + together
                + " registered together, " + shared + " true");
        CsvRows alignment = CsvRows.read(out.resolve("alignment.csv"));
        assertEquals(List.of("session", "source", "cells", "dx", "dy", "rotation_deg", "correlation",
                "field_max_px"), alignment.header());
        assertEquals(3, alignment.rows().size());
    }

    @Test
    void badRequestsAreRefusedByNameAndWriteNothing(@TempDir Path dir) throws IOException {
        MultiSessionScenes scenes = MultiSessionScenes.make(128, 128, 40, 4, 2, 0.9, 5, 2, 12);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        writeCsv(scenes.sessions().get(0), scenes.identities().get(0), a);
        writeCsv(scenes.sessions().get(1), scenes.identities().get(1), b);
        Path out = dir.resolve("out");
        HeadlessRuns.Run one = register(a.toString(), out, "");
        assertNotEquals(0, one.code());
        assertTrue(one.err().contains("two or more") && !one.err().contains("\tat "), one.err());
        HeadlessRuns.Run range = register(a + "," + b, out, ",reference=3");
        assertNotEquals(0, range.code());
        assertTrue(range.err().contains("'reference'") && range.err().contains("1 to 2"), range.err());
        Path broken = Files.writeString(dir.resolve("c.csv"), "cell,row,col\n1,2,3\n");
        HeadlessRuns.Run unreadable = register(a + "," + broken, out, "");
        assertNotEquals(0, unreadable.code());
        assertTrue(unreadable.err().contains("session 2") && unreadable.err().contains("c.csv"), unreadable.err());
        HeadlessRuns.Run alignment = register(a + "," + b, out, ",alignment='affine'");
        assertNotEquals(0, alignment.code());
        assertTrue(alignment.err().contains("alignment"), alignment.err());
        assertTrue(!Files.exists(out), "nothing written for a refused request");
        // an input's folder is never the output
        byte[] before = Files.readAllBytes(a);
        HeadlessRuns.Run into = register(a + "," + b, dir, "");
        assertNotEquals(0, into.code());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(a)), "the session file is untouched");
    }
}
