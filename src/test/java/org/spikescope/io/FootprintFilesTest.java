package org.spikescope.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.Footprint;
import org.spikescope.core.InputException;
import org.spikescope.export.RoiSetFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootprintFilesTest {

    /** A soft ellipse, as cells look. */
    private static Footprint ellipse(int cx, int cy, double rx, double ry) {
        int bw = (int) (2 * rx) + 3;
        int bh = (int) (2 * ry) + 3;
        float[] w = new float[bw * bh];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                double dx = (x - bw / 2) / rx;
                double dy = (y - bh / 2) / ry;
                w[y * bw + x] = (float) Math.max(0, 1 - dx * dx - dy * dy);
            }
        }
        return new Footprint(cx - bw / 2, cy - bh / 2, bw, bh, w);
    }

    private static boolean[] mask(Footprint f, float level, int width, int height) {
        boolean[] m = new boolean[width * height];
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                m[(f.y0() + y) * width + f.x0() + x] = f.weights()[y * f.w() + x] > level;
            }
        }
        return m;
    }

    @Test
    void roiSetOutlinesEncloseTheFootprintsAndReadBack(@TempDir Path dir) throws Exception {
        List<Footprint> cells = List.of(ellipse(20, 20, 6, 4), ellipse(40, 25, 5, 5), ellipse(28, 45, 3, 7));
        Path zip = dir.resolve("RoiSet.zip");
        RoiSetFiles.write(cells, TraceTables.cellNames(3), zip);
        List<Footprint> back = RoiSetFiles.read(zip, 64, 64);
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            boolean[] a = mask(cells.get(i), Footprint.OUTLINE_LEVEL, 64, 64);
            boolean[] b = mask(back.get(i), 0.5f, 64, 64);
            int both = 0;
            int either = 0;
            for (int k = 0; k < a.length; k++) {
                both += a[k] && b[k] ? 1 : 0;
                either += a[k] || b[k] ? 1 : 0;
            }
            assertEquals(1.0, (double) both / either, 1e-9, "cell " + i + ": the outline encloses exactly the pixels");
        }
    }

    @Test
    void denseArraysRoundTripAndBadWeightsAreNamed() {
        List<Footprint> cells = List.of(ellipse(10, 10, 4, 3), ellipse(20, 12, 3, 3));
        float[][][] dense = FootprintArrays.dense(cells, 32, 24);
        List<Footprint> back = FootprintArrays.sparse(dense, "x.h5 /footprints");
        assertTrue(java.util.Arrays.deepEquals(dense, FootprintArrays.dense(back, 32, 24)));
        dense[1][3][4] = Float.NaN;
        InputException e = assertThrows(InputException.class, () -> FootprintArrays.sparse(dense, "x.h5 /footprints"));
        assertTrue(e.getMessage().contains("footprint 2") && e.getMessage().contains("(4, 3)"), e.getMessage());
    }

    @Test
    void footprintsFromResultsH5AndClearErrors(@TempDir Path dir) throws Exception {
        List<Footprint> cells = List.of(ellipse(10, 10, 4, 3));
        Path h5 = dir.resolve("results.h5");
        new ResultsH5().compressedDataset("/footprints", FootprintArrays.dense(cells, 32, 24), 1, 24, 32).write(h5);
        List<Footprint> back = FootprintFiles.read(h5, 32, 24);
        assertTrue(java.util.Arrays.deepEquals(FootprintArrays.dense(cells, 32, 24),
                FootprintArrays.dense(back, 32, 24)));
        InputException shape = assertThrows(InputException.class, () -> FootprintFiles.read(h5, 64, 24));
        assertTrue(shape.getMessage().contains("expected cells x 24 x 64"), shape.getMessage());
        Path text = Files.writeString(dir.resolve("cells.txt"), "x");
        InputException kind = assertThrows(InputException.class, () -> FootprintFiles.read(text, 32, 24));
        assertTrue(kind.getMessage().contains("parameter 'footprints'"), kind.getMessage());
        Path empty = dir.resolve("empty.h5");
        new ResultsH5().dataset("/other", new double[]{1}).write(empty);
        InputException missing = assertThrows(InputException.class, () -> FootprintFiles.read(empty, 32, 24));
        assertTrue(missing.getMessage().contains("no /footprints"), missing.getMessage());
    }
}
