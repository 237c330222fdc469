package org.spikescope.register;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.InputException;
import org.spikescope.io.FootprintArrays;
import org.spikescope.io.ResultsH5;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of session file registration reads, with each cell's own identifier; damaged ones are named. */
class SessionFilesTest {

    private static final String CSV = "cell,row,col,value\n7,10,20,0.5\n7,10,21,1.0\n7,11,20,0.25\n"
            + "3,30,40,2\n3,31,41,4\n";

    @Test
    void footprintCsvKeepsItsCellIdentifiersAndScalesEachToAPeakOfOne(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("s.csv"), CSV);
        Path gz = dir.resolve("s.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (Path p : List.of(plain, gz)) {
            Session s = SessionFiles.read(p);
            assertEquals(List.of("7", "3"), s.ids());
            Footprint seven = s.footprints().get(0);
            assertEquals(20, seven.x0());
            assertEquals(10, seven.y0());
            assertArrayEquals(new float[]{0.5f, 1f, 0.25f, 0f}, seven.weights());
            assertEquals(42, s.width());
            assertEquals(32, s.height());
        }
    }

    @Test
    void roiSetsBundlesAndResultsFilesGiveTheirCellsNames(@TempDir Path dir) throws IOException {
        List<Footprint> cells = List.of(box(5, 5, 6), box(30, 12, 8));
        Path zip = dir.resolve("RoiSet.zip");
        ImageJFormats.get().writeRoiSet(cells, List.of("left", "right"), zip);
        Session rois = SessionFiles.read(zip);
        assertEquals(List.of("left", "right"), rois.ids());
        assertEquals(2, rois.cells());
        Path bundle = Files.createDirectory(dir.resolve("bundle"));
        new ResultsH5().dataset("/footprints", FootprintArrays.dense(cells, 64, 48)).write(bundle.resolve(
                "results.h5"));
        Session fromBundle = SessionFiles.read(bundle);
        assertEquals(List.of("cell_001", "cell_002"), fromBundle.ids());
        assertEquals(64, fromBundle.width());
        assertEquals(48, fromBundle.height());
        assertEquals(fromBundle.ids(), SessionFiles.read(bundle.resolve("results.h5")).ids());
    }

    private static Footprint box(int x0, int y0, int size) {
        float[] w = new float[size * size];
        java.util.Arrays.fill(w, 1f);
        return new Footprint(x0, y0, size, size, w);
    }

    @Test
    void damagedOrWrongFilesAreNamed(@TempDir Path dir) throws IOException {
        Path truncated = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            out.write(CSV.repeat(200).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] all = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        assertNamed(truncated, "truncated");
        assertNamed(Files.writeString(dir.resolve("cols.csv"), "id,x,y\n1,2,3\n"), "cell,row,col,value");
        assertNamed(Files.writeString(dir.resolve("neg.csv"), "cell,row,col,value\n1,-3,2,1\n"), "row");
        assertNamed(Files.writeString(dir.resolve("huge.csv"), "cell,row,col,value\n1,99999,99999,1\n"), "2048");
        assertNamed(Files.writeString(dir.resolve("nan.csv"), "cell,row,col,value\n1,3,2,abc\n"), "not a number");
        assertNamed(Files.writeString(dir.resolve("fake.h5"), "not hdf5"), "HDF5");
        assertNamed(Files.writeString(dir.resolve("notes.txt"), "x"), "expected a results bundle");
        assertNamed(dir.resolve("missing.csv"), "no such file");
        assertNamed(Files.createDirectory(dir.resolve("empty-folder")), "results.h5");
        Path none = Files.createDirectory(dir.resolve("no-cells"));
        new ResultsH5().dataset("/movie/frame_times", new double[]{0, 0.05}).attribute("/traces", "cells", 0)
                .write(none.resolve("results.h5"));
        assertNamed(none, "holds no cells");
    }

    private static void assertNamed(Path file, String what) {
        InputException e = assertThrows(InputException.class, () -> SessionFiles.read(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains(what),
                e.getMessage());
    }
}
