package org.spikescope.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.CancelledException;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.fiji.launcher.HeadlessLauncher;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.motion.MotionSettings;
import org.spikescope.movie.MovieOpener;
import org.spikescope.testing.HeadlessRuns;
import org.spikescope.testing.MemoryMovie;
import org.spikescope.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: a pipeline run killed or failed after motion correction resumes there: the next run into the same
 * folder with the same recording and settings does not correct the movie again and writes the same results as an
 * uninterrupted run; a changed recording, changed settings or a damaged checkpoint and motion runs again.
 */
class PipelineResumeTest {

    private static final List<String> MOTION_STAGES = List.of("Checking frames for corruption",
            "Building the motion template", "Correcting motion");
    /** What a resumed run must write exactly as an uninterrupted one (RoiSet.zip by its entries' content). */
    private static final List<String> SAME_FILES = List.of("motion_corrected.tif", "shifts.csv", "traces.csv",
            "spikes.csv", "cells.csv", "RoiSet.zip");

    @TempDir
    static Path dir;
    static Path recording;
    static Path uninterrupted;

    @BeforeAll
    static void runOnceWithoutInterruption() throws Exception {
        recording = dir.resolve("sim-small");
        TestFiles.copyTree(Path.of("test-images", "sim-small"), recording);
        uninterrupted = dir.resolve("uninterrupted");
        List<String> stages = run(recording, uninterrupted, PipelineSettings.defaults());
        assertTrue(stages.containsAll(MOTION_STAGES), stages.toString());
        assertFalse(Files.exists(uninterrupted.resolve(MotionCheckpoint.FOLDER)), "a finished run keeps no checkpoint");
    }

    @Test
    void aRunStoppedDuringDetectionResumesAfterMotion() throws Exception {
        Path out = dir.resolve("resumed");
        stopAtDetection(out, PipelineSettings.defaults());
        assertTrue(Files.isDirectory(out.resolve(MotionCheckpoint.FOLDER)));
        assertEquals(java.util.Map.of(), OutputFolder.view(out), "nothing of the stopped run is visible");

        List<String> stages = run(recording, out, PipelineSettings.defaults());
        for (String stage : MOTION_STAGES) {
            assertFalse(stages.contains(stage), stage + " was done again: " + stages);
        }
        assertTrue(stages.stream().anyMatch(s -> s.contains("resumed")), stages.toString());
        for (String file : SAME_FILES) {
            assertEquals(digest(uninterrupted.resolve(file)), digest(out.resolve(file)), file);
        }
        assertEquals(datasets(uninterrupted.resolve("results.h5")), datasets(out.resolve("results.h5")));
        assertTrue(Files.readString(out.resolve("log.txt")).contains("motion: resumed"));
        assertFalse(Files.exists(out.resolve(MotionCheckpoint.FOLDER)), "the commit removes the checkpoint");
    }

    @Test
    void changedSettingsCorrectMotionAgain() throws Exception {
        Path out = dir.resolve("settings-changed");
        stopAtDetection(out, PipelineSettings.defaults());
        PipelineSettings d = PipelineSettings.defaults();
        MotionSettings m = d.motion();
        MotionSettings wider = new MotionSettings(m.mode(), m.maxShift() + 2, m.cellRadius(), m.patchSize(),
                m.patchOverlap(), m.maxDeviation(), m.minPatchCorrelation(), m.templateFrames(), m.templateUpdate());
        List<String> stages = run(recording, out, new PipelineSettings(d.frameRate(), d.detectCorrupted(), wider,
                d.detection(), d.spikes()));
        assertTrue(stages.containsAll(MOTION_STAGES), stages.toString());
    }

    @Test
    void aChangedRecordingIsCorrectedAgain() throws Exception {
        Path copy = dir.resolve("touched");
        TestFiles.copyTree(recording, copy);
        Path out = dir.resolve("recording-changed");
        stopAtDetection(copy, out, PipelineSettings.defaults());
        try (Stream<Path> files = Files.walk(copy)) {
            Path avi = files.filter(p -> p.toString().endsWith(".avi")).findFirst().orElseThrow();
            Files.setLastModifiedTime(avi, FileTime.fromMillis(Files.getLastModifiedTime(avi).toMillis() + 60_000));
        }
        assertTrue(run(copy, out, PipelineSettings.defaults()).containsAll(MOTION_STAGES));
    }

    @Test
    void aDamagedCheckpointIsDroppedNotTrusted() throws Exception {
        Path out = dir.resolve("damaged");
        stopAtDetection(out, PipelineSettings.defaults());
        Files.writeString(out.resolve(MotionCheckpoint.FOLDER).resolve("motion.json"), "{\"key\": [1,");
        assertTrue(run(recording, out, PipelineSettings.defaults()).containsAll(MOTION_STAGES));

        stopAtDetection(out, PipelineSettings.defaults());
        // the kept movie replaced (same name, other content): its size or time no longer match the record
        Path kept = out.resolve(MotionCheckpoint.FOLDER).resolve("motion_corrected.tif");
        Files.delete(kept);
        Files.write(kept, new byte[]{1, 2, 3});
        assertTrue(run(recording, out, PipelineSettings.defaults()).containsAll(MOTION_STAGES));
        for (String file : SAME_FILES) {
            assertEquals(digest(uninterrupted.resolve(file)), digest(out.resolve(file)), file);
        }
    }

    /** A crafted checkpoint that is a link to a folder of the user's: the link goes, the folder stays whole. */
    @Test
    void aCheckpointLinkedElsewhereTouchesNothingThere() throws Exception {
        Path users = dir.resolve("users-folder");
        Files.createDirectories(users);
        Files.writeString(users.resolve("notes.txt"), "irreplaceable");
        Path out = dir.resolve("linked");
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve(MotionCheckpoint.FOLDER), users);
        assertTrue(run(recording, out, PipelineSettings.defaults()).containsAll(MOTION_STAGES));
        assertEquals("irreplaceable", Files.readString(users.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(users)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void framesHeldInMemoryAreNotCheckpointed() throws Exception {
        // as an open image: its pixels may have been edited since they were read from the file
        Path out = dir.resolve("in-memory");
        try (FrameSource movie = new MemoryMovie(MovieOpener.open(recording, "", 0))) {
            assertThrows(CancelledException.class, () -> Pipeline.run(movie, PipelineSettings.defaults(),
                    OutputTarget.of("output", out, false, recording), new Stages("Summary images")));
        }
        assertFalse(Files.exists(out.resolve(MotionCheckpoint.FOLDER)));
    }

    /** Through the headless launcher, as a batch script would: a killed run (halted before its commit) resumes. */
    @Test
    void aKilledHeadlessRunResumes() throws Exception {
        Path out = dir.resolve("killed");
        String options = "input='" + recording + "',output='" + out + "'";
        // halted with the whole bundle staged, just before its commit: as a kill at the last moment
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-Dspikescope.test.haltBeforeCommitStep=1",
                "-cp", System.getProperty("java.class.path"), HeadlessLauncher.class.getName(),
                "--headless", "--run", "Run SpikeScope Pipeline", options)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(killed.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "child did not end");
        assertEquals(137, killed.exitValue());
        assertTrue(Files.isDirectory(out.resolve(MotionCheckpoint.FOLDER)));
        HeadlessRuns.Run again = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline", options);
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.readString(out.resolve("log.txt")).contains("motion: resumed"));
        for (String file : SAME_FILES) {
            assertEquals(digest(uninterrupted.resolve(file)), digest(out.resolve(file)), file);
        }
    }

    private static void stopAtDetection(Path out, PipelineSettings settings) throws Exception {
        stopAtDetection(recording, out, settings);
    }

    private static void stopAtDetection(Path input, Path out, PipelineSettings settings) throws Exception {
        try (FrameSource movie = MovieOpener.open(input, "", 0)) {
            assertThrows(CancelledException.class, () -> Pipeline.run(movie, settings,
                    OutputTarget.of("output", out, false, input), new Stages("Summary images")));
        }
    }

    private static List<String> run(Path input, Path out, PipelineSettings settings) throws Exception {
        Stages stages = new Stages(null);
        try (FrameSource movie = MovieOpener.open(input, "", 0)) {
            Pipeline.run(movie, settings, OutputTarget.of("output", out, false, input), stages);
        }
        return stages.seen;
    }

    /** Records the stages and cancels at the first one named {@code stopAt}. */
    private static final class Stages implements ProgressListener {
        final List<String> seen = new ArrayList<>();
        private final String stopAt;
        private boolean cancelled;

        Stages(String stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void stage(String name) {
            seen.add(name);
            cancelled |= name.equals(stopAt);
        }

        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }


    /** Every dataset of an HDF5 file by path, its values as text (the file itself holds the time it was written). */
    private static java.util.Map<String, String> datasets(Path file) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(file)) {
            collect(h5, out);
        }
        assertTrue(out.keySet().stream().anyMatch(k -> k.startsWith("/motion/")), out.keySet().toString());
        return out;
    }

    private static void collect(io.jhdf.api.Group group, java.util.Map<String, String> out) {
        for (io.jhdf.api.Node node : group.getChildren().values()) {
            if (node instanceof io.jhdf.api.Group g) {
                collect(g, out);
            } else if (node instanceof io.jhdf.api.Dataset d) {
                out.put(d.getPath(), java.util.Arrays.deepToString(new Object[]{d.getData()}));
            }
        }
    }

    private static String digest(Path file) throws Exception {
        // zip entries carry the time they were written
        if (file.toString().endsWith(".zip")) {
            StringBuilder entries = new StringBuilder();
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.append(e.getName()).append('=').append(TestFiles.sha256(zip.readAllBytes()))
                            .append('\n');
                }
            }
            return entries.toString();
        }
        return TestFiles.sha256(file);
    }
}
