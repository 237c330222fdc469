package org.spikescope.movie;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hdf5FrameSourceTest {

    @Test
    void chunkedCompressedMovieReadsBackFrameByFrame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.h5");
        float[][] frames = new float[6][12 * 9];
        Hdf5MovieWriter w = new Hdf5MovieWriter(file, "movie", 6, 12, 9, 30);
        for (int t = 0; t < 6; t++) {
            for (int i = 0; i < frames[t].length; i++) {
                frames[t][i] = (t * 977 + i * 131) % 65536;
            }
            w.write(frames[t]);
        }
        w.close();
        try (FrameSource s = MovieOpener.open(file, "", 0)) {
            assertEquals(6, s.frameCount());
            assertEquals(12, s.width());
            assertEquals(9, s.height());
            assertEquals(16, s.bitDepth());
            assertEquals(30.0, s.times().frameRate(), 1e-9, "from the frame_rate attribute");
            for (int t = 5; t >= 0; t--) {
                assertArrayEquals(frames[t], s.readFrame(t, null), "frame " + t);
            }
        }
    }

    @Test
    void ambiguousOrMissingDatasetsAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("a", new float[2][3][4]);
            out.putGroup("g").putDataset("b", new byte[2][3][4]);
        }
        InputException several = assertThrows(InputException.class, () -> MovieOpener.open(file, "", 0));
        assertTrue(several.getMessage().contains("several 3-D datasets (/a, /g/b)"), several.getMessage());
        InputException missing = assertThrows(InputException.class, () -> MovieOpener.open(file, "/c", 0));
        assertTrue(missing.getMessage().contains("no dataset '/c'"), missing.getMessage());
        try (FrameSource s = MovieOpener.open(file, "/g/b", 12.5)) {
            assertEquals(8, s.bitDepth());
            assertEquals(12.5, s.times().frameRate(), 1e-9);
        }
    }
}
