package org.spikescope.fiji;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;
import org.spikescope.io.CsvRows;
import org.spikescope.io.FootprintFiles;
import org.spikescope.io.ResultsH5;
import org.spikescope.testing.Hdf5Headers;
import org.spikescope.testing.HeadlessRuns;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crafted, truncated and meaningless inputs, each through the headless launcher as users meet them: exit 2 and one
 * line naming the file and what is wrong (never a stack trace, never an exhausted memory), or, where the input is
 * usable, a note.
 */
class MalformedInputsTest {

    @TempDir
    Path dir;

    private record Case(String name, String label, String options, String expected) {
    }

    @Test
    void craftedMoviesAndFootprintsAreNamedNotTrusted() throws Exception {
        List<Case> cases = new ArrayList<>();
        Path sim = Path.of("test-images", "sim-small").toAbsolutePath();
        cases.add(open("zero-byte TIFF", write("empty.tif", new byte[0]), "too short for a TIFF header"));
        cases.add(open("IFD pointing to itself", write("loop.tif", tiff(8, 8, 1, true, null, 64)), "a loop"));
        cases.add(open("100000² pixels in 1 KB", write("huge.tif", tiff(100_000, 100_000, 1, false, null, 64)),
                "pixels per frame"));
        cases.add(open("65536² pixels (int overflow)", write("overflow.tif", tiff(65536, 65536, 1, false, null, 64)),
                "pixels per frame"));
        cases.add(open("30000² pixels in 1 KB", write("short.tif", tiff(30_000, 30_000, 1, false, null, 64)),
                "its strips hold 64 bytes"));
        cases.add(open("strip count 2^31", write("strips.tif", tiff(8, 8, 1L << 31, false, null, 64)),
                "declares 2147483648 values"));
        cases.add(open("TIFF width 0", write("zero.tif", tiff(0, 8, 1, false, null, 64)), "positive sizes"));
        cases.add(open("AVI with only a header", write("header.avi", avi(8, 8, false)), "no video frames"));
        cases.add(open("AVI width 0", write("zero.avi", avi(0, 8, true)), "positive sizes"));
        cases.add(open("HDF5 frame_rate NaN", hdf5Movie("nan.h5", Double.NaN), "attribute frame_rate"));
        cases.add(open("HDF5 frame_rate negative", hdf5Movie("negative.h5", -20), "attribute frame_rate"));
        cases.add(open("HDF5 declaring 10^9 frames in 1 KB", hdf5Declaring("billion.h5", 1_000_000_000L),
                "frames"));
        cases.add(open("HDF5 declaring 100000² pixels", hdf5Declaring("wide.h5", 3, 100_000, 100_000),
                "pixels"));
        cases.add(open("HDF5 dataset of 0 frames", hdf5Declaring("empty.h5", 0), "holds no frames"));
        cases.add(new Case("RoiSet zip bomb", "Extract Traces", "input='" + sim + "',footprints='"
                + zipBomb() + "',output='" + dir.resolve("t1") + "'", "zip bomb"));
        cases.add(new Case("polygon ROI forcing a 1 GB mask", "Extract Traces", "input='" + sim + "',footprints='"
                + hugePolygon() + "',output='" + dir.resolve("t2") + "'", "far larger than the"));
        for (Case c : cases) {
            HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", c.label(), c.options());
            String message = run.err().strip();
            assertEquals(2, run.code(), c.name() + ": " + run.out() + run.err());
            assertEquals(1, message.lines().count(), c.name() + ": one line, got " + message);
            assertTrue(message.contains(c.expected()), c.name() + ": " + message);
        }
    }

    @Test
    void footprintsDeclaredForAMillionCellsAreRefusedBeforeReading() throws Exception {
        Path file = dir.resolve("cells.h5");
        float[][][] cells = new float[3][4][4];
        for (float[][] cell : cells) {
            cell[1][2] = 1;
        }
        new ResultsH5().dataset(FootprintFiles.DATASET, cells).write(file);
        Hdf5Headers.redeclare(file, new long[] {3, 4, 4}, new long[] {1_000_000, 4, 4});
        InputException e = assertThrows(InputException.class, () -> FootprintFiles.read(file, 4, 4));
        assertTrue(e.getMessage().contains("declares 1000000 cells"), e.getMessage());
        // the same number of cells the file really holds is read
        Hdf5Headers.redeclare(file, new long[] {1_000_000, 4, 4}, new long[] {3, 4, 4});
        assertEquals(3, FootprintFiles.read(file, 4, 4).size());
    }

    @Test
    void imageJsImageCountBeyondTheFileOpensWhatIsThere() throws Exception {
        Path file = write("images.tif", tiff(8, 8, 1, false, "ImageJ=1.54\nimages=99999999999\n", 64 * 3));
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Open Miniscope Recording", "input='"
                + file + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("frames = 3"), run.out());
    }

    @Test
    void meaninglessTablesAreRefusedOrNamed() throws Exception {
        // trials beyond the end of the recording
        Path spikes = dir.resolve("spikes.csv");
        StringBuilder s = new StringBuilder("time_s,cell_001,cell_002\n");
        for (int t = 0; t < 200; t++) {
            s.append(String.format(Locale.ROOT, "%.2f,%d,%d%n", t / 20.0, t % 7 == 0 ? 1 : 0, t % 5 == 0 ? 1 : 0));
        }
        Files.writeString(spikes, s);
        Path late = dir.resolve("late_trials.csv");
        Files.writeString(late, "trial,start_s,label\n1,100,a\n2,110,b\n3,120,a\n4,130,b\n5,140,a\n6,150,b\n");
        assertRefused("Infer Firing Rates (RNN)", "spikes='" + spikes + "',trials='" + late + "',timeLims='0,1000',"
                + "binSize=50,stimulusTime=100,output='" + dir.resolve("rnn") + "'", "outside the recording");
        assertRefused("Decode Trial Labels", "input='" + spikes + "',trials='" + late + "',timeLims='0,1000',"
                + "binSize=100,output='" + dir.resolve("decoding.csv") + "'", "outside the recording");
        // the same with spike times, which were binned as silent trials before
        Path times = write("spike_times.csv", "cell,time_s\ncell_001,0.5\ncell_002,3.25\ncell_001,9.9\n"
                .getBytes(StandardCharsets.UTF_8));
        assertRefused("Infer Firing Rates (RNN)", "spikes='" + times + "',trials='" + late + "',timeLims='0,1000',"
                + "binSize=50,stimulusTime=100,output='" + dir.resolve("rnn2") + "'", "outside the recording");

        // a decoding dataset that is not in the file
        Path h5 = dir.resolve("activity.h5");
        new ResultsH5().dataset("/spikes", new double[4][2][3]).write(h5);
        assertRefused("Decode Trial Labels", "input='" + h5 + "',spikesDataset='/missing',labelsDataset='/labels',"
                + "output='" + dir.resolve("decoding3.csv") + "'", "has no dataset '/missing'");

        // contiguous folds over trials sorted by label: a fold holds every trial of a class
        StringBuilder sorted = new StringBuilder("trial,start_s,label\n");
        for (int k = 0; k < 8; k++) {
            sorted.append(String.format(Locale.ROOT, "%d,%.1f,%s%n", k + 1, k * 1.1, k < 4 ? "left" : "right"));
        }
        Path trials = write("sorted_trials.csv", sorted.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused("Decode Trial Labels", "input='" + spikes + "',trials='" + trials + "',timeLims='0,1000',"
                + "binSize=100,folds=2,permutations=0,output='" + dir.resolve("decoding2.csv") + "'",
                "no decoder trains on that class");

        // duplicated column names, duplicated JSON keys
        Path twice = write("twice.csv", "time_s,cell_001,cell_001\n0,1,2\n0.05,1,2\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("Deconvolve Spikes", "input='" + twice + "',output='" + dir.resolve("s.csv") + "'",
                "appears twice");
        Path json = write("settings.json", "{\"frameRate\": 20, \"frameRate\": 30}".getBytes(StandardCharsets.UTF_8));
        assertRefused("Run SpikeScope Pipeline", "input='" + Path.of("test-images", "sim-small").toAbsolutePath()
                + "',settings='" + json + "',output='" + dir.resolve("p") + "'", "Duplicate field");

        // GFR decay factors outside [0, 1]
        Path gfr = write("gfr.json", ("[{\"cell_id\": 1, \"bin_size\": 20, \"actv_bin_size\": 20, \"params\": "
                + "{\"a\": [[1]], \"b\": [[0]], \"ds\": [1.5], \"bin_size\": 20, \"g\": {\"max_current\": [100], "
                + "\"max_firing_rate\": [0.1], \"poly_coeff\": [[0, 1]], \"b\": [0], \"bin_size\": 20}}}]")
                .getBytes(StandardCharsets.UTF_8));
        Path current = write("current.csv", "current_pA\n0\n100\n100\n0\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("Simulate GFR Neuron", "dataset='" + gfr + "',cellId=1,binSize=20,activationBinSize=20,"
                + "current='" + current + "',output='" + dir.resolve("g.csv") + "'", "params.ds");
    }

    @Test
    void aHugeTraceValueFailsItsCellAndTheOthersGoOn() throws Exception {
        StringBuilder s = new StringBuilder("time_s,cell_001,cell_002\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int t = 0; t < 400; t++) {
            s.append(String.format(Locale.ROOT, "%.2f,%s,%.4f%n", t / 20.0, t == 200 ? "1e308"
                    : String.format(Locale.ROOT, "%.4f", r.nextGaussian()), (t % 40 == 0 ? 1 : 0) + 0.1 * r.nextGaussian()));
        }
        Path traces = write("traces.csv", s.toString().getBytes(StandardCharsets.UTF_8));
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Deconvolve Spikes", "input='" + traces
                + "',output='" + dir.resolve("spikes.csv") + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("failedCells = 1") && run.out().contains("cell_001: the trace holds 1.0E308"),
                run.out());
    }

    @Test
    void quotedCsvFieldsAreReadAsRfc4180Says() throws Exception {
        Path file = write("trials.csv", ("trial,start_s,label\n1,0.5,\"left, fast\"\n2,1.5,\"say \"\"hi\"\"\"\n"
                + "3,2.5,\"two\nlines\"\n").getBytes(StandardCharsets.UTF_8));
        CsvRows rows = CsvRows.read(file);
        assertEquals(3, rows.rows().size());
        assertEquals("left, fast", rows.rows().get(0)[2]);
        assertEquals("say \"hi\"", rows.rows().get(1)[2]);
        assertEquals("two\nlines", rows.rows().get(2)[2]);
        assertEquals(5, rows.lines()[2], "a record is numbered by its last line");
    }

    @Test
    void aMissingTimeStampsFileIsNoted() throws Exception {
        Path rec = dir.resolve("rec");
        OutputSafetyTest.copy(Path.of("test-images", "sim-small", "Miniscope"), rec);
        Files.delete(rec.resolve("timeStamps.csv"));
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Open Miniscope Recording", "input='" + rec
                + "'");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("dropped frames cannot be known"), run.out());
    }

    private void assertRefused(String label, String options, String expected) {
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", label, options);
        assertEquals(2, run.code(), label + ": " + run.out() + run.err());
        assertTrue(run.err().contains(expected), label + ": " + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    private Case open(String name, Path file, String expected) {
        return new Case(name, "Open Miniscope Recording", "input='" + file + "'", expected);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A classic little-endian TIFF of one IFD (8-bit grey), with {@code pixelBytes} bytes of pixels. */
    static byte[] tiff(long width, long height, long strips, boolean loop, String description, int pixelBytes) {
        byte[] desc = description == null ? new byte[0] : (description + "\0").getBytes(StandardCharsets.US_ASCII);
        int entries = description == null ? 8 : 9;
        int ifdSize = 2 + 12 * entries + 4;
        int descAt = 8 + ifdSize;
        int dataAt = descAt + desc.length;
        ByteBuffer b = ByteBuffer.allocate(dataAt + pixelBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries);
        entry(b, 256, 4, 1, width);
        entry(b, 257, 4, 1, height);
        entry(b, 258, 3, 1, 8);
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, 1);
        if (description != null) {
            entry(b, 270, 2, desc.length, descAt);
        }
        entry(b, 273, 4, strips, strips == 1 ? dataAt : 0);
        entry(b, 277, 3, 1, 1);
        entry(b, 279, 4, strips, strips == 1 ? pixelBytes : 0);
        b.putInt(loop ? 8 : 0);
        b.put(desc);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, long count, long value) {
        b.putShort((short) tag).putShort((short) type).putInt((int) count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt((int) value);
        }
    }

    /** A GREY AVI with its header and, if asked, one 8-bit frame. */
    static byte[] avi(int width, int height, boolean withFrame) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(0).put("AVI ".getBytes(StandardCharsets.US_ASCII));
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + 56 + 12 + 8 + 56 + 8 + 40)
                .put("hdrl".getBytes(StandardCharsets.US_ASCII));
        b.put("avih".getBytes(StandardCharsets.US_ASCII)).putInt(56).putInt(50_000);
        b.position(b.position() + 52);
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + 56 + 8 + 40)
                .put("strl".getBytes(StandardCharsets.US_ASCII));
        b.put("strh".getBytes(StandardCharsets.US_ASCII)).putInt(56).put("vids".getBytes(StandardCharsets.US_ASCII))
                .put("Y800".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(0).putInt(0).putInt(1).putInt(20);
        b.position(b.position() + 28);
        b.put("strf".getBytes(StandardCharsets.US_ASCII)).putInt(40).putInt(40).putInt(width).putInt(height)
                .putShort((short) 1).putShort((short) 8).put("Y800".getBytes(StandardCharsets.US_ASCII));
        b.position(b.position() + 20);
        if (withFrame) {
            int frame = Math.max(1, width * height);
            b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + frame)
                    .put("movi".getBytes(StandardCharsets.US_ASCII));
            b.put("00db".getBytes(StandardCharsets.US_ASCII)).putInt(frame);
            b.position(b.position() + frame);
        }
        int end = b.position();
        b.putInt(4, end - 8);
        byte[] out = new byte[end];
        b.get(0, out);
        return out;
    }

    private Path hdf5Movie(String name, double frameRate) throws Exception {
        Path file = dir.resolve(name);
        new ResultsH5().dataset("/movie", new short[3][8][8]).attribute("/movie", "frame_rate", frameRate)
                .write(file);
        return file;
    }

    /** A 3 x 8 x 8 movie whose header declares other frames (and, if given, height and width). */
    private Path hdf5Declaring(String name, long frames, long... heightWidth) throws Exception {
        Path file = hdf5Movie(name, 20);
        long h = heightWidth.length > 0 ? heightWidth[0] : 8;
        long w = heightWidth.length > 1 ? heightWidth[1] : 8;
        Hdf5Headers.redeclare(file, new long[] {3, 8, 8}, new long[] {frames, h, w});
        return file;
    }

    private Path zipBomb() throws Exception {
        Path file = dir.resolve("RoiSet_bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("0001-0001.roi"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        assertTrue(Files.size(file) < 1 << 20, "a small file");
        return file;
    }

    private Path hugePolygon() throws Exception {
        Roi roi = new PolygonRoi(new int[] {0, 30_000, 30_000}, new int[] {0, 0, 30_000}, 3, Roi.POLYGON);
        roi.setName("cell_001");
        Path file = dir.resolve("huge.roi");
        Files.write(file, RoiEncoder.saveAsByteArray(roi));
        assertTrue(Files.size(file) < 1000, "a tiny file");
        return file;
    }
}
