package org.spikescope.movie;

import org.junit.jupiter.api.Test;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.testing.SharedData;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real wireless miniscope clip: its AVI quirk, and corrupted-frame detection against its labels. */
class RealClipTest {

    private static final String CLIP = "miniscope/wireless_corrupted/";
    /** Labelled in wireless_corrupted.yaml (several_rows and several_blocks). */
    private static final Set<Integer> LABELLED = Set.of(7, 21, 23, 24, 32, 33, 34, 35);

    @Test
    void aviFramesMatchTheDecodedTiffBitForBit() throws Exception {
        Path avi = SharedData.require(CLIP + "wireless_corrupted.avi");
        Path tif = SharedData.require(CLIP + "wireless_corrupted_60x200x200_uint8.tif");
        try (FrameSource a = MovieOpener.open(avi, "", 0); FrameSource t = MovieOpener.open(tif, "", 0)) {
            assertEquals(60, a.frameCount());
            assertEquals(200, a.width());
            assertEquals(200, a.height());
            assertEquals(20.0, a.times().frameRate(), 1e-9);
            assertTrue(a.damagedFrames().isEmpty());
            assertEquals(60, t.frameCount());
            for (int i = 0; i < 60; i++) {
                assertArrayEquals(t.readFrame(i, null), a.readFrame(i, null), "frame " + i);
            }
        }
    }

    @Test
    void corruptedFramesAreFoundWithHighPrecisionAndRecall() throws Exception {
        Path avi = SharedData.require(CLIP + "wireless_corrupted.avi");
        try (FrameSource a = MovieOpener.open(avi, "", 0)) {
            CorruptedFrameDetector.Result r = CorruptedFrameDetector.detect(a,
                    CorruptedFrameDetector.DEFAULT_THRESHOLD, ProgressListener.NONE);
            List<Integer> found = r.corrupted();
            Set<Integer> hits = new HashSet<>(found);
            hits.retainAll(LABELLED);
            double precision = found.isEmpty() ? 0 : (double) hits.size() / found.size();
            double recall = (double) hits.size() / LABELLED.size();
            System.out.printf("real clip corrupted frames: found %s, precision %.3f, recall %.3f%n", found,
                    precision, recall);
            assertTrue(precision >= 0.85, "precision " + precision);
            assertTrue(recall >= 0.85, "recall " + recall);
        }
    }
}
