package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.io.OutputFolder;
import org.spikescope.testing.CommandLoop;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection: commands writing over an earlier result are killed (SIGKILL) at random times, and halted before
 * every step of their commit; after each kill, the output as a reader sees it ({@link OutputFolder#view}) must be
 * exactly the earlier result or exactly the new one, and the input must be untouched. A later normal run then
 * finishes or discards what the killed one left, and nothing of it remains.
 */
class KillDuringWriteTest {

    private static final int RANDOM_KILLS = 5;

    @TempDir
    Path dir;

    /** A file output of three tables (spikes, calcium, parameters). */
    @Test
    void deconvolveSpikes() throws Exception {
        Path traces = dir.resolve("traces.csv");
        writeTraces(traces, 60, 2000);
        String a = "input='" + traces + "',output='%s',model=AR1";
        String b = "input='" + traces + "',output='%s',model=AR2";
        check("Deconvolve Spikes", a, b, dir.resolve("out").resolve("spikes.csv"), traces);
    }

    /** A results folder holding a sub-folder (the ground truth) and a movie. */
    @Test
    void simulateRecording() throws Exception {
        String common = ",frames=100,width=48,height=48,cells=5,format=tiff";
        check("Simulate Miniscope Recording", "output='%s',seed=1" + common, "output='%s',seed=2" + common,
                dir.resolve("sim"), null);
    }

    /**
     * The other commands whose files used to be replaced one by one: each is halted once in the middle of its
     * commit (after the journal and the first rename), and readers must see the new result whole.
     */
    @Test
    void motionDetectionAndPipelineHaltedMidCommit() throws Exception {
        Path movie = Path.of("test-images", "sim-small").toAbsolutePath();
        haltedMidCommit("Correct Motion", "input='" + movie + "',output='%s',mode=rigid",
                "input='" + movie + "',output='%s',mode=piecewise", dir.resolve("motion"), movie);
        haltedMidCommit("Detect Neurons", "input='" + movie + "',output='%s',cellRadius=5",
                "input='" + movie + "',output='%s',cellRadius=6", dir.resolve("cells"), movie);
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"motion\": {\"mode\": \"piecewise\"}}");
        haltedMidCommit("Run SpikeScope Pipeline", "input='" + movie + "',output='%s'",
                "input='" + movie + "',output='%s',settings='" + settings + "'", dir.resolve("bundle"), movie);
    }

    private void haltedMidCommit(String label, String a, String b, Path output, Path input) throws Exception {
        Map<String, String> expectA = reference(label, a, "refA-" + output.getFileName(), output);
        Map<String, String> expectB = reference(label, b, "refB-" + output.getFileName(), output);
        assertFalse(expectA.equals(expectB), label + ": the two runs must differ to be told apart");
        Map<String, String> inputBefore = tree(input);
        String optionsA = String.format(Locale.ROOT, a, output);
        assertEquals(0, HeadlessRuns.launch("--headless", "--run", label, optionsA).code());
        assertEquals(expectA, seen(output), label + " is deterministic");
        assertEquals(137, waitFor(child(label, String.format(Locale.ROOT, b, output), optionsA, 1, 3)), label);
        assertEquals(expectB, seen(output), label + ": readers see the new result whole");
        assertEquals(0, HeadlessRuns.launch("--headless", "--run", label, optionsA).code());
        assertEquals(expectA, seen(output), label);
        assertEquals(inputBefore, tree(input), label + ": the input is untouched");
    }

    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(f).toString(), TestFiles.sha256(f));
            }
        }
        return digests;
    }

    private void check(String label, String a, String b, Path output, Path input) throws Exception {
        boolean fileOutput = output.getFileName().toString().contains(".");
        Path folder = fileOutput ? output.getParent() : output;
        Map<String, String> expectA = reference(label, a, "refA", output);
        Map<String, String> expectB = reference(label, b, "refB", output);
        assertFalse(expectA.equals(expectB), "the two runs must differ to be told apart");
        String inputBefore = input == null ? "" : TestFiles.sha256(input);
        String optionsA = String.format(Locale.ROOT, a, output);
        String optionsB = String.format(Locale.ROOT, b, output);
        assertEquals(0, HeadlessRuns.launch("--headless", "--run", label, optionsA).code());
        assertEquals(expectA, seen(folder));

        // halted before each step of the commit of B over A
        int haltedInCommit = 0;
        for (int step = 1; ; step++) {
            Process p = child(label, optionsB, optionsA, 1, step);
            int code = waitFor(p);
            Map<String, String> seen = seen(folder);
            assertTrue(seen.equals(expectA) || seen.equals(expectB), "halted before commit step " + step
                    + ": the output is neither result: " + seen.keySet());
            if (step > 1) {
                assertEquals(expectB, seen, "after the journal, readers see the new result (step " + step + ")");
            }
            if (code == 0) {
                break; // no step left to halt at
            }
            assertEquals(137, code, "halted");
            haltedInCommit++;
            // the next run finishes the killed commit, then writes A again
            assertEquals(0, HeadlessRuns.launch("--headless", "--run", label, optionsA).code());
            assertEquals(expectA, seen(folder));
        }
        assertTrue(haltedInCommit >= 4, haltedInCommit + " commit steps");

        // killed at random times while running again and again
        long start = System.nanoTime();
        assertEquals(0, waitFor(child(label, optionsB, optionsA, 2, 0)));
        double twoRuns = (System.nanoTime() - start) / 1e9;
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < RANDOM_KILLS; k++) {
            Process p = child(label, optionsB, optionsA, 1000, 0);
            Thread.sleep((long) (1000 * twoRuns * random.nextDouble(0.4, 2.0)));
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            Map<String, String> seen = seen(folder);
            assertTrue(seen.equals(expectA) || seen.equals(expectB), "kill " + k + ": neither result");
        }
        assertEquals(0, HeadlessRuns.launch("--headless", "--run", label, optionsA).code());
        assertEquals(expectA, seen(folder));
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> left = entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".spikescope-staging") || n.startsWith(".spikescope-tmp")
                            || n.equals(".spikescope-commit.json")).toList();
            assertEquals(List.of(), left, "what killed runs left behind is removed");
        }
        if (input != null) {
            assertEquals(inputBefore, TestFiles.sha256(input), "the input is untouched");
        }
    }

    /** What one complete run of {@code options} writes, as a reader sees it. */
    private Map<String, String> reference(String label, String options, String name, Path output) throws Exception {
        Path where = dir.resolve(name).resolve(output.getFileName());
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", label, String.format(Locale.ROOT, options,
                where));
        assertEquals(0, run.code(), run.err());
        return seen(output.getFileName().toString().contains(".") ? where.getParent() : where);
    }

    /** The digest of every file of the folder's current result, by path within the folder. */
    private static Map<String, String> seen(Path folder) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        for (Map.Entry<String, Path> e : OutputFolder.view(folder).entrySet()) {
            try (Stream<Path> files = Files.walk(e.getValue())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String rel = e.getKey() + "/" + e.getValue().relativize(f);
                    // zip entries carry the time they were written; logs, and the pipeline's results.h5, the time
                    // each stage took
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".zip") && !name.endsWith(".txt") && !name.endsWith(".h5")) {
                        digests.put(rel, TestFiles.sha256(f));
                    }
                }
            }
        }
        return digests;
    }


    private static Process child(String label, String first, String second, int count, int haltStep)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path")));
        if (haltStep > 0) {
            cmd.add("-Dspikescope.test.haltBeforeCommitStep=" + haltStep);
        }
        cmd.addAll(List.of(CommandLoop.class.getName(), label, first, second, Integer.toString(count)));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static int waitFor(Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not end");
        return p.exitValue();
    }

    private static void writeTraces(Path file, int cells, int frames) throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        double[][] c = new double[cells][frames];
        for (double[] trace : c) {
            double calcium = 0;
            for (int t = 0; t < frames; t++) {
                calcium = 0.95 * calcium + (r.nextDouble() < 0.02 ? 1 : 0);
                trace[t] = calcium + 0.1 * r.nextGaussian();
            }
        }
        StringBuilder s = new StringBuilder("time_s");
        for (int k = 1; k <= cells; k++) {
            s.append(String.format(Locale.ROOT, ",cell_%03d", k));
        }
        s.append('\n');
        for (int t = 0; t < frames; t++) {
            s.append(String.format(Locale.ROOT, "%.3f", t / 20.0));
            for (double[] trace : c) {
                s.append(',').append(String.format(Locale.ROOT, "%.4f", trace[t]));
            }
            s.append('\n');
        }
        Files.writeString(file, s);
    }
}
