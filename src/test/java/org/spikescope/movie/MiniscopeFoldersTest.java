package org.spikescope.movie;

import org.spikescope.io.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.FrameGap;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.CsvTable;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.Sims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniscopeFoldersTest {

    @Test
    void v4ReaderFindsEveryDroppedFrameOfASimulatedRecording(@TempDir Path dir) throws Exception {
        SimulationSettings s = Sims.small().format("v4").frames(2300).framesPerFile(1000)
                .droppedFrames(6).build();
        RecordingSimulator.write(s, List.of(), OutputTarget.of(dir.resolve("rec")), ProgressListener.NONE);
        CsvTable truth = CsvTable.read(dir.resolve("rec/groundtruth/frames.csv"));
        double[] trueFrame = truth.column("true_frame");
        List<int[]> expected = new ArrayList<>();
        for (int i = 0; i + 1 < trueFrame.length; i++) {
            int missing = (int) (trueFrame[i + 1] - trueFrame[i] - 1);
            if (missing > 0) {
                expected.add(new int[]{i, missing});
            }
        }
        try (FrameSource movie = MovieOpener.open(dir.resolve("rec"), "", 0)) {
            assertEquals(2294, movie.frameCount(), "3 AVIs of up to 1000 frames, 6 frames dropped");
            assertTrue(Files.exists(dir.resolve("rec/Miniscope/2.avi")));
            assertEquals(20.0, movie.times().frameRate(), 0.1);
            List<FrameGap> gaps = movie.gaps();
            assertEquals(expected.size(), gaps.size(), "gaps " + gaps);
            for (int g = 0; g < gaps.size(); g++) {
                assertEquals(expected.get(g)[0], gaps.get(g).afterFrame());
                assertEquals(expected.get(g)[1], gaps.get(g).missing());
            }
            // frame times follow the time stamps, not a regular grid
            assertEquals(truth.column("time_s")[2000], movie.times().at(2000), 0.003);
        }
    }

    @Test
    void missingAviInTheMiddleIsAnError(@TempDir Path dir) throws Exception {
        SimulationSettings s = Sims.small().format("v4").frames(250).framesPerFile(100).build();
        RecordingSimulator.write(s, List.of(), OutputTarget.of(dir.resolve("rec")), ProgressListener.NONE);
        Files.delete(dir.resolve("rec/Miniscope/1.avi"));
        InputException e = assertThrows(InputException.class, () -> MovieOpener.open(dir.resolve("rec"), "", 0));
        assertTrue(e.getMessage().contains("movie file number 1 is missing"), e.getMessage());
    }

    @Test
    void v3FolderUsesTheMiniscopeCameraTimeStamps(@TempDir Path dir) throws Exception {
        Path rec = Files.createDirectories(dir.resolve("v3"));
        float[] frame = new float[16 * 16];
        for (int file = 1; file <= 2; file++) {
            try (AviWriter w = new AviWriter(rec.resolve("msCam" + file + ".avi"), 16, 16, 30)) {
                for (int i = 0; i < 3; i++) {
                    java.util.Arrays.fill(frame, 10 * file + i);
                    w.write(frame);
                }
            }
        }
        StringBuilder stamps = new StringBuilder("camNum\tframeNum\tsysClock\tbuffer\n");
        long[] scopeClock = {1000, 1033, 1066, 1133, 1166, 1200}; // one frame lost after the third
        for (int i = 0; i < 6; i++) {
            stamps.append("0\t").append(i + 1).append('\t').append(990 + 20 * i).append("\t1\n"); // behaviour cam
            stamps.append("1\t").append(i + (i >= 3 ? 2 : 1)).append('\t').append(scopeClock[i]).append("\t1\n");
        }
        stamps.append("0\t7\t1130\t1\n");
        Files.writeString(rec.resolve("timestamp.dat"), stamps);
        try (FrameSource movie = MovieOpener.open(rec, "", 0)) {
            assertEquals(6, movie.frameCount());
            assertEquals(0.2, movie.times().at(5), 1e-9);
            assertArrayEquals(filled(21), movie.readFrame(4, null));
            assertEquals(1, movie.gaps().size());
            assertEquals(2, movie.gaps().get(0).afterFrame());
            assertEquals(1, movie.gaps().get(0).missing());
        }
    }

    @Test
    void aSessionFolderOpensTheMiniscopeNotTheBehaviourCamera(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("2026_11_21/15_03_28");
        RecordingSimulator.write(Sims.small().format("v4").frames(30).build(), List.of(),
                OutputTarget.of(session.resolve("scope")), ProgressListener.NONE);
        Path behaviour = Files.createDirectories(session.resolve("BehavCam_0"));
        try (AviWriter w = new AviWriter(behaviour.resolve("0.avi"), 16, 16, 30)) {
            w.write(new float[256]);
        }
        Files.writeString(behaviour.resolve("metaData.json"), "{\"deviceType\": \"WebCam-320x240\"}");
        Path scopeCamera = Files.move(session.resolve("scope/Miniscope"), session.resolve("My_V4_scope"));
        try (FrameSource movie = MovieOpener.open(dir, "", 0)) {
            assertEquals(64, movie.width());
            assertTrue(movie.description().contains(scopeCamera.toString()), movie.description());
        }
    }

    private static float[] filled(float v) {
        float[] f = new float[256];
        java.util.Arrays.fill(f, v);
        return f;
    }
}
