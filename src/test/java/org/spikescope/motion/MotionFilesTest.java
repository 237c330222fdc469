package org.spikescope.motion;

import org.spikescope.io.OutputTarget;
import io.jhdf.HdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.CancelledException;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.CsvTable;
import org.spikescope.movie.MovieOpener;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulatedFrameSource;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.SharedData;
import org.spikescope.testing.Sims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The motion stage's files: corrected movie, shifts CSV and HDF5, atomic replacement, the real clip. */
class MotionFilesTest {

    static SimulatedFrameSource movie(String motion) {
        SimulationSettings s = Sims.small().width(96).height(80).frames(120).cells(14).cellRadius(4).motion(motion)
                .maxShift(3).background(1000).build();
        return new SimulatedFrameSource(new MovieSimulator(s, List.of()));
    }

    @Test
    void piecewiseRunWritesTheMovieTheShiftsAndResultsH5(@TempDir Path dir) throws Exception {
        SimulatedFrameSource source = movie("piecewise");
        MotionSettings settings = MotionSettings.defaults().withMode("piecewise").withShape(5, 4).withPatches(48, 24);
        MotionCorrectionRun run = MotionCorrectionRun.toFolder(source, settings, OutputTarget.of(dir), CorrectedFormat.TIFF, true,
                ProgressListener.NONE);
        int patches = run.result().grid().count();
        try (FrameSource corrected = MovieOpener.open(run.movie(), "", 0)) {
            assertEquals(120, corrected.frameCount());
            assertEquals(96, corrected.width());
            assertEquals(16, corrected.bitDepth());
        }
        CsvTable shifts = CsvTable.read(run.shifts());
        assertEquals(3 + 2 * patches, shifts.header().size());
        assertEquals(List.of("frame", "x", "y", "patch_r1_c1_x", "patch_r1_c1_y"), shifts.header().subList(0, 5));
        assertArrayEquals(run.result().x(), shifts.column("x"), 1e-5);
        try (HdfFile h5 = new HdfFile(run.results())) {
            double[][] stored = (double[][]) h5.getDatasetByPath("/motion/shifts").getData();
            assertEquals(120, stored.length);
            assertEquals(run.result().y()[17], stored[17][1], 1e-12);
            float[][][] patch = (float[][][]) h5.getDatasetByPath("/motion/patch_shifts").getData();
            assertEquals(patches, patch[0].length);
            assertEquals("piecewise", h5.getByPath("/motion").getAttribute("mode").getData());
        }
        System.out.printf("simulated 96x80 piecewise: mean-image sharpness %.4g -> %.4g%n", run.sharpnessBefore(),
                run.sharpnessAfter());
        assertTrue(run.sharpnessAfter() > 1.05 * run.sharpnessBefore(), "sharpness did not improve");
    }

    @Test
    void aCancelledRunLeavesTheEarlierResultsAsTheyWere(@TempDir Path dir) throws Exception {
        MotionSettings settings = MotionSettings.defaults().withShape(5, 4);
        MotionCorrectionRun first = MotionCorrectionRun.toFolder(movie("rigid"), settings, OutputTarget.of(dir), CorrectedFormat.TIFF, false,
                ProgressListener.NONE);
        byte[] movie = Files.readAllBytes(first.movie());
        byte[] shifts = Files.readAllBytes(first.shifts());
        ProgressListener cancelHalfway = new ProgressListener() {
            private boolean correcting;
            private boolean cancel;

            @Override
            public void stage(String name) {
                correcting = name.startsWith("Correcting");
            }

            @Override
            public void progress(long done, long total) {
                cancel = correcting && done >= total / 2;
            }

            @Override
            public boolean isCancelled() {
                return cancel;
            }
        };
        assertThrows(CancelledException.class, () -> MotionCorrectionRun.toFolder(movie("piecewise"),
                settings.withMode("piecewise").withPatches(48, 24), OutputTarget.of(dir), CorrectedFormat.TIFF, false, cancelHalfway));
        assertArrayEquals(movie, Files.readAllBytes(first.movie()));
        assertArrayEquals(shifts, Files.readAllBytes(first.shifts()));
        try (Stream<Path> files = Files.list(dir)) {
            // the three results, SpikeScope's manifest and lock; no staging folder or partial file
            assertEquals(java.util.Set.of("motion_corrected.tif", "shifts.csv", "results.h5",
                    ".spikescope-manifest.json", ".spikescope.lock"), files.map(f -> f.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "no partial files left behind");
        }
    }

    private static boolean[] good(MotionCorrectionRun run) {
        boolean[] use = new boolean[run.result().frames()];
        java.util.Arrays.fill(use, true);
        run.excluded().forEach(t -> use[t] = false);
        return use;
    }

    @Test
    void realClipShiftsStaySmallAndTheMeanImageKeepsItsSharpness(@TempDir Path dir) throws Exception {
        Path avi = SharedData.require("miniscope/wireless_corrupted/wireless_corrupted.avi");
        try (FrameSource clip = MovieOpener.open(avi, "", 0)) {
            for (String mode : List.of("rigid", "piecewise")) {
                MotionSettings settings = MotionSettings.defaults().withMode(mode).withShape(10, 5)
                        .withPatches(96, 48);
                MotionCorrectionRun run = MotionCorrectionRun.toFolder(clip, settings, OutputTarget.of(dir.resolve(mode)), CorrectedFormat.TIFF,
                        true, ProgressListener.NONE);
                double largest = 0;
                for (int t = 0; t < run.result().frames(); t++) {
                    largest = Math.max(largest, Math.hypot(run.result().x()[t], run.result().y()[t]));
                }
                System.out.printf("real clip (%s): %d frames left out of the template %s, largest shift %.2f px, "
                                + "mean-image gradient energy %.4g -> %.4g (x%.3f)%n", mode, run.excluded().size(),
                        run.excluded(), largest, run.sharpnessBefore(), run.sharpnessAfter(),
                        run.sharpnessAfter() / run.sharpnessBefore());
                // the clip barely moves: correction cannot sharpen it, but line noise must not lock the shifts
                // onto the sensor (it did before line means were removed: shifts of ±10 px, sharpness x0.61)
                double typical = MotionAccuracyTest.offsetFreeRms(run.result().x(), run.result().y(), good(run));
                System.out.printf("real clip (%s): RMS shift of the good frames about their mean %.3f px%n", mode,
                        typical);
                assertTrue(typical < 0.5, mode + ": shifts scatter by " + typical + " px");
                assertTrue(run.sharpnessAfter() >= 0.95 * run.sharpnessBefore(), mode + " blurred the mean image");
            }
        }
    }
}
