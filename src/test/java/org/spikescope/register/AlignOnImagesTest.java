package org.spikescope.register;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.ProgressListener;
import org.spikescope.movie.TiffStackWriter;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.HeadlessRuns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions aligned on the summary images of their results bundles: one simulated field recorded twice, the second
 * time moved by (7, −4) px; "Detect Neurons" on each, then "Register Sessions" on the two bundles, aligned on their
 * footprints, mean images and correlation images.
 */
class AlignOnImagesTest {

    private static final int DX = 7;
    private static final int DY = -4;

    /** The recording's frames, moved by (dx, dy) (edges copied), as a 16-bit TIFF. */
    private static void write(MovieSimulator sim, int size, int dx, int dy, Path file) throws IOException {
        float[] frame = new float[size * size];
        float[] moved = new float[size * size];
        try (TiffStackWriter out = new TiffStackWriter(file, size, size, 16, 20)) {
            for (int t = 0; t < sim.storedFrames(); t++) {
                sim.renderStored(t, frame);
                for (int y = 0; y < size; y++) {
                    int sy = Math.max(0, Math.min(size - 1, y - dy));
                    for (int x = 0; x < size; x++) {
                        moved[y * size + x] = frame[sy * size + Math.max(0, Math.min(size - 1, x - dx))];
                    }
                }
                out.write(moved.clone());
            }
        }
    }

    @Test
    void bundlesAlignOnTheirFootprintsMeanAndCorrelationImages(@TempDir Path dir) throws IOException {
        int size = 160;
        SimulationSettings s = SimulationSettings.builder().width(size).height(size).cells(30).cellRadius(5)
                .frames(600).motion("none").seed(14).build();
        MovieSimulator sim = new MovieSimulator(s, List.of());
        write(sim, size, 0, 0, dir.resolve("day1.tif"));
        write(sim, size, DX, DY, dir.resolve("day2.tif"));
        for (String day : List.of("day1", "day2")) {
            HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Detect Neurons", "input='"
                    + dir.resolve(day + ".tif") + "',output='" + dir.resolve(day + "_cells") + "',cellRadius=5");
            assertEquals(0, run.code(), run.err());
        }
        List<Session> sessions = RegistrationRun.read(List.of(dir.resolve("day1_cells"), dir.resolve("day2_cells")),
                ProgressListener.NONE);
        assertTrue(sessions.get(1).images().containsKey("mean") && sessions.get(1).images().containsKey(
                "correlation"), "a bundle's summary images are read with its cells");
        for (AlignOn on : AlignOn.values()) {
            RegistrationResult r = SessionRegistration.register(sessions, new RegistrationSettings(1, 1,
                    Alignment.RIGID, 14, 0.5, 10, on), ProgressListener.NONE);
            SessionTransform t = r.transforms().get(1);
            System.out.printf("aligned on %s: dx %.2f, dy %.2f, rotation %.1f° (true %d, %d, 0); %d cells in both%n",
                    on.label(), t.dx(), t.dy(), t.rotationDeg(), -DX, -DY, r.cellsInAtLeast(2));
            assertTrue(Math.abs(t.dx() + DX) < 0.5 && Math.abs(t.dy() + DY) < 0.5 && Math.abs(t.rotationDeg()) <= 0.2,
                    on + ": " + t);
        }
        HeadlessRuns.Run refused = HeadlessRuns.launch("--headless", "--run", "Register Sessions", "sessions='"
                + dir.resolve("day1_cells") + "," + dir.resolve("day2_cells").resolve("RoiSet.zip")
                + "',alignOn='mean',output='" + dir.resolve("reg") + "'");
        assertNotEquals(0, refused.code());
        assertTrue(refused.err().contains("'alignOn'") && refused.err().contains("RoiSet.zip"), refused.err());
    }
}
