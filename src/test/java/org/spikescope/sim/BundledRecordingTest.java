package org.spikescope.sim;

import org.spikescope.io.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.Json;
import org.spikescope.movie.MovieOpener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * test-images/sim-small is what its own settings.json generates, bit for bit: the simulator is deterministic
 * (StrictMath, per-frame noise streams) and the bundled recording is current.
 */
class BundledRecordingTest {

    private static final Path BUNDLED = Path.of("test-images", "sim-small");

    @Test
    void regeneratingFromTheSavedSettingsGivesIdenticalFiles(@TempDir Path dir) throws Exception {
        SimulationSettings settings = Json.MAPPER.readValue(
                BUNDLED.resolve("groundtruth").resolve("settings.json").toFile(), SimulationSettings.class);
        RecordingSimulator.write(settings, List.of(), OutputTarget.of(dir.resolve("again")), ProgressListener.NONE);
        for (String file : List.of("Miniscope/0.avi", "Miniscope/timeStamps.csv", "Miniscope/metaData.json",
                "groundtruth/spikes.csv", "groundtruth/calcium.csv", "groundtruth/shifts.csv",
                "groundtruth/frames.csv", "groundtruth/footprints.csv")) {
            assertArrayEquals(Files.readAllBytes(BUNDLED.resolve(file)),
                    Files.readAllBytes(dir.resolve("again").resolve(file)), file);
        }
        try (FrameSource movie = MovieOpener.open(BUNDLED, "", 0)) {
            assertEquals(settings.frames() - settings.droppedFrames(), movie.frameCount());
        }
    }
}
