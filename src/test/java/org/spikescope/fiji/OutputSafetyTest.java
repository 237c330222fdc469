package org.spikescope.fiji;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.testing.HeadlessRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data-loss cases users met, through the headless launcher: each output that is, holds or sits inside an input,
 * or that would replace files SpikeScope did not write, is refused with exit 2 and one line, and every file of the
 * user's is left byte for byte as it was.
 */
class OutputSafetyTest {

    @TempDir
    Path dir;
    private Path mouse;
    private Path recording;
    private Map<Path, byte[]> before;

    @BeforeEach
    void userFolders() throws Exception {
        mouse = dir.resolve("mouse1");
        recording = mouse.resolve("rec");
        copy(Path.of("test-images", "sim-small"), recording);
        Files.writeString(mouse.resolve("notes.txt"), "day 1: good session");
        copy(Path.of("test-images", "sim-small", "groundtruth"), mouse.resolve("rec2"));
        before = snapshot(dir);
    }

    private void assertRefusedAndUntouched(String expected, String label, String options) throws Exception {
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", label, options);
        assertEquals(2, run.code(), run.out() + run.err());
        String message = run.err().strip();
        assertEquals(1, message.lines().count(), "one line: " + message);
        assertTrue(message.contains(expected), message);
        assertEquals(before.keySet(), snapshot(dir).keySet(), "no file appeared or went");
        for (Map.Entry<Path, byte[]> e : snapshot(dir).entrySet()) {
            assertTrue(java.util.Arrays.equals(before.get(e.getKey()), e.getValue()), e.getKey() + " changed");
        }
    }

    @Test
    void thePipelineNeverWritesOverOrAroundItsRecording() throws Exception {
        String pipeline = "Run SpikeScope Pipeline";
        assertRefusedAndUntouched("holds the input", pipeline, "input='" + recording + "',output='" + mouse + "'");
        assertRefusedAndUntouched("is the input", pipeline, "input='" + recording + "',output='" + recording + "'");
        assertRefusedAndUntouched("is inside the input", pipeline, "input='" + recording + "',output='"
                + recording.resolve("results") + "'");
        assertRefusedAndUntouched("holds files SpikeScope did not write", pipeline, "input='" + recording
                + "',output='" + mouse.resolve("rec2") + "'");
        // the same through a symbolic link to the session
        Path link = Files.createSymbolicLink(dir.resolve("link"), mouse);
        before = snapshot(dir);
        assertRefusedAndUntouched("holds the input", pipeline, "input='" + recording + "',output='" + link + "'");
    }

    @Test
    void rateModelsRefuseTheFolderHoldingTheirSpikes() throws Exception {
        Path spikes = mouse.resolve("spikes.csv");
        Files.writeString(spikes, "time_s,cell_001\n0,1\n0.05,0\n");
        before = snapshot(dir);
        assertRefusedAndUntouched("holds the input", "Infer Firing Rates (RNN)", "spikes='" + spikes + "',output='"
                + mouse + "'");
    }

    @Test
    void theSimulatorRefusesAFolderOfTheUsers() throws Exception {
        assertRefusedAndUntouched("holds files SpikeScope did not write", "Simulate Miniscope Recording",
                "output='" + mouse + "',frames=20,width=48,height=48,cells=2");
    }

    @Test
    void fileOutputsRefuseToBeTheirInput() throws Exception {
        Path movie = recording.resolve("Miniscope").resolve("0.avi");
        assertRefusedAndUntouched("is inside the input", "Open Miniscope Recording", "input='" + recording
                + "',report='" + movie + "'");
        Files.copy(Path.of("test-images", "sim-small", "Miniscope", "0.avi"), dir.resolve("movie.avi"));
        before = snapshot(dir);
        Path avi = dir.resolve("movie.avi");
        assertRefusedAndUntouched("is the input", "Open Miniscope Recording", "input='" + avi + "',report='" + avi
                + "'");
        Path traces = dir.resolve("traces.csv");
        Files.writeString(traces, "time_s,cell_001\n0,1\n0.05,2\n0.1,1\n");
        before = snapshot(dir);
        assertRefusedAndUntouched("is the input", "Deconvolve Spikes", "input='" + traces + "',output='" + traces
                + "'");
        // a sibling the command writes beside its output may not be an input either
        Path calcium = dir.resolve("spikes_calcium.csv");
        Files.copy(traces, calcium);
        before = snapshot(dir);
        assertRefusedAndUntouched("would replace the input", "Deconvolve Spikes", "input='" + calcium
                + "',output='" + dir.resolve("spikes.csv") + "'");
    }

    @Test
    void aFileOfTheSameNameIsReplacedOnlyWithOverwrite() throws Exception {
        Path traces = dir.resolve("traces.csv");
        Files.writeString(traces, "time_s,cell_001\n0,1\n0.05,2\n0.1,1\n0.15,1\n0.2,1\n");
        Path theirs = dir.resolve("spikes.csv");
        Files.writeString(theirs, "a colleague's spikes");
        before = snapshot(dir);
        assertRefusedAndUntouched("was not written by SpikeScope", "Deconvolve Spikes", "input='" + traces
                + "',output='" + theirs + "'");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Deconvolve Spikes", "input='" + traces
                + "',output='" + theirs + "',overwrite=true");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(theirs).startsWith("time_s,cell_001"));
        // a rerun replaces SpikeScope's own file without being asked
        run = HeadlessRuns.launch("--headless", "--run", "Deconvolve Spikes", "input='" + traces + "',output='"
                + theirs + "'");
        assertEquals(0, run.code(), run.err());
    }

    private static Map<Path, byte[]> snapshot(Path root) throws Exception {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p), Files.readAllBytes(p));
            }
        }
        return files;
    }

    static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
