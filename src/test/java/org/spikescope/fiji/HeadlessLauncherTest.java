package org.spikescope.fiji;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikescope.fiji.launcher.HeadlessLauncher;
import org.spikescope.testing.HeadlessRuns;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's contract: Fiji's --run syntax, printed outputs, exit codes and one-line errors. */
class HeadlessLauncherTest {

    static HeadlessRuns.Run launch(String... args) {
        return HeadlessRuns.launch(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiff", "hdf5", "v4"})
    void simulateThenOpenEveryFormat(String format, @TempDir Path dir) throws Exception {
        Path rec = dir.resolve("rec " + format);
        var sim = launch("--headless", "--run", "Simulate Miniscope Recording", "output='" + rec + "',format="
                + format + ",frames=120,width=48,height=40,cells=5,cellRadius=3,seed=7,corruptedFrames=2");
        assertEquals(0, sim.code(), sim.err());
        assertTrue(sim.out().contains("framesWritten = 120"), sim.out());
        Path report = dir.resolve("report " + format + ".csv");
        var open = launch("--headless", "--run", "Open Miniscope Recording", "input='" + rec + "',report='" + report
                + "'");
        assertEquals(0, open.code(), open.err());
        assertTrue(open.out().contains("frames = 120"), open.out());
        assertTrue(open.out().contains("48x40x120 (" + (format.equals("v4") ? 8 : 16) + "-bit)"), open.out());
        assertTrue(open.out().contains("20.00 Hz"), open.out());
        assertTrue(Files.readAllLines(report).get(0).startsWith("frame,time_s,dropped_before,corrupted"));
    }

    @Test
    void badInputGivesOneLineNamingTheParameterAndExitCode2(@TempDir Path dir) {
        var notANumber = launch("--headless", "--run", "Simulate Miniscope Recording",
                "output='" + dir.resolve("x") + "',frames=many");
        assertEquals(HeadlessLauncher.BAD_INPUT, notANumber.code());
        assertEquals("Error: parameter 'frames': 'many' is not a whole number", notANumber.err().strip());

        var unknown = launch("--run", "Simulate Miniscope Recording", "output='x',framez=3");
        assertEquals(HeadlessLauncher.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().startsWith("Error: \"Simulate Miniscope Recording\" has no parameter 'framez'"),
                unknown.err());

        var range = launch("--run", "Simulate Miniscope Recording", "output='x',width=3");
        assertTrue(range.err().contains("parameter 'width': 3 is below the minimum 16"), range.err());

        var choice = launch("--run", "Simulate Miniscope Recording", "output='x',format=mp4");
        assertTrue(choice.err().contains("parameter 'format': 'mp4' is not one of [tiff, hdf5, v4]"), choice.err());

        var missing = launch("--run", "Open Miniscope Recording", "");
        assertTrue(missing.err().contains("needs parameter 'input'"), missing.err());

        var noFile = launch("--run", "Open Miniscope Recording", "input='" + dir.resolve("absent.tif") + "'");
        assertEquals(HeadlessLauncher.BAD_INPUT, noFile.code());
        assertTrue(noFile.err().contains("absent.tif: no such file or folder"), noFile.err());
        assertEquals(1, noFile.err().strip().lines().count(), "one line, no stack trace");

        var noCommand = launch("--run", "Deconvolve Everything");
        assertTrue(noCommand.err().contains("no SpikeScope command named 'Deconvolve Everything'"), noCommand.err());
    }

    @Test
    void threadsAreTheCallersToChoose(@TempDir Path dir) throws Exception {
        var traces = dir.resolve("traces.csv");
        StringBuilder csv = new StringBuilder("time_s,cell_001,cell_002\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int t = 0; t < 600; t++) {
            csv.append(t / 20.0).append(',').append((t % 50 == 0 ? 1 : 0) + 0.1 * r.nextGaussian()).append(',')
                    .append((t % 70 == 0 ? 1 : 0) + 0.1 * r.nextGaussian()).append('\n');
        }
        java.nio.file.Files.writeString(traces, csv);
        var one = launch("--headless", "--threads", "1", "--run", "Deconvolve Spikes", "input='" + traces
                + "',output='" + dir.resolve("one.csv") + "'");
        var all = launch("--headless", "--run", "Deconvolve Spikes", "input='" + traces + "',output='"
                + dir.resolve("all.csv") + "'");
        assertEquals(0, one.code(), one.err());
        assertEquals(0, all.code(), all.err());
        assertEquals(java.nio.file.Files.readString(dir.resolve("all.csv")),
                java.nio.file.Files.readString(dir.resolve("one.csv")), "the same spikes on one thread");
        var bad = launch("--headless", "--threads", "many", "--run", "Deconvolve Spikes", "input='" + traces + "'");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--threads needs a whole number"), bad.err());
    }

    @Test
    void helpListsEveryCommandWithParametersTypesAndDefaults() {
        var help = launch("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("\"Simulate Miniscope Recording\""));
        assertTrue(help.out().contains("\"Open Miniscope Recording\""));
        assertTrue(help.out().matches("(?s).*frames\\s+int\\s+default 1000.*"), help.out());
        assertTrue(help.out().matches("(?s).*format\\s+String\\s+default tiff one of \\[tiff, hdf5, v4].*"));
    }
}
