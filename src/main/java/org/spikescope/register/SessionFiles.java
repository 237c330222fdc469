package org.spikescope.register;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.InputException;
import org.spikescope.io.CsvRows;
import org.spikescope.io.FootprintFiles;
import org.spikescope.io.TraceTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A session's cells from the files users bring: a results bundle (its results.h5, else its RoiSet.zip), a
 * results.h5 with /footprints, an ImageJ RoiSet.zip / .roi, or a footprint CSV {@code cell,row,col,value} (one row
 * per non-zero pixel, as CellReg's sample data and minian's exports, where the first column may be
 * {@code unit_id}), optionally gzip-compressed.
 */
public final class SessionFiles {

    private static final String RESULTS_H5 = "results.h5";
    private static final String ROI_SET = "RoiSet.zip";

    private SessionFiles() {
    }

    /** The session's cells; its label is the file's absolute path (a registration's record of its source). */
    public static Session read(Path given) throws IOException {
        Path file = given.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            Path h5 = file.resolve(RESULTS_H5);
            Path rois = file.resolve(ROI_SET);
            if (Files.isRegularFile(h5)) {
                return fromHdf5(h5);
            }
            if (Files.isRegularFile(rois)) {
                return fromRoiSet(rois);
            }
            throw new InputException(file + ": a folder without " + RESULTS_H5 + " or " + ROI_SET
                    + "; expected a results bundle");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file or folder");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return fromHdf5(file);
        }
        if (name.endsWith(".zip") || name.endsWith(".roi")) {
            return fromRoiSet(file);
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return fromCsv(file);
        }
        throw new InputException(file + ": expected a results bundle, a results.h5, an ImageJ RoiSet.zip or a "
                + "footprint CSV (cell,row,col,value; .csv or .csv.gz)");
    }

    private static Session fromHdf5(Path file) throws IOException {
        FootprintFiles.Stored cells = FootprintFiles.readResults(file);
        Map<String, float[]> images = new LinkedHashMap<>();
        try (HdfFile h5 = new HdfFile(file)) {
            for (AlignOn kind : new AlignOn[]{AlignOn.MEAN, AlignOn.CORRELATION}) {
                float[] image = summaryImage(h5, kind.label(), cells.width(), cells.height());
                if (image != null) {
                    images.put(kind.label(), image);
                }
            }
        }
        return new Session(file.toString(), cells.width(), cells.height(),
                TraceTables.cellNames(cells.footprints().size()), cells.footprints(), images);
    }

    /** The height × width float image /summary/{@code name}, row-major; null when there is none of that shape. */
    private static float[] summaryImage(HdfFile h5, String name, int width, int height) {
        if (!(h5.getChildren().get("summary") instanceof io.jhdf.api.Group summary)
                || !(summary.getChildren().get(name) instanceof Dataset d) || d.getDimensions().length != 2
                || d.getDimensions()[0] != height || d.getDimensions()[1] != width
                || d.getJavaType() != float.class) {
            return null;
        }
        float[][] rows = (float[][]) d.getData();
        float[] image = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rows[y], 0, image, y * width, width);
        }
        return image;
    }

    private static Session fromRoiSet(Path file) throws IOException {
        ImageJFormats.NamedFootprints rois = ImageJFormats.get().readNamedRoiSet(file);
        return new Session(file.toString(), rois.width(), rois.height(), rois.names(), rois.footprints());
    }

    private static Session fromCsv(Path file) throws IOException {
        CsvRows table = CsvRows.read(file);
        List<String> header = table.header();
        int id = header.indexOf("cell") >= 0 ? header.indexOf("cell") : header.indexOf("unit_id");
        int row = header.indexOf("row");
        int col = header.indexOf("col");
        int value = header.indexOf("value");
        if (id < 0 || row < 0 || col < 0 || value < 0) {
            throw new InputException(file + ": columns " + String.join(", ", header)
                    + "; expected cell,row,col,value (one row per footprint pixel)");
        }
        // each cell's pixels, in the order cells first appear
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            rowsOf.computeIfAbsent(table.rows().get(r)[id].trim(), k -> new ArrayList<>()).add(r);
        }
        if (rowsOf.isEmpty()) {
            throw new InputException(file + ": no footprint rows (expected cell,row,col,value)");
        }
        List<String> ids = new ArrayList<>();
        List<Footprint> cells = new ArrayList<>();
        int width = 1;
        int height = 1;
        for (Map.Entry<String, List<Integer>> e : rowsOf.entrySet()) {
            Footprint f = cellFromRows(table, e.getKey(), e.getValue(), row, col, value);
            ids.add(e.getKey());
            cells.add(f);
            width = Math.max(width, f.x0() + f.w());
            height = Math.max(height, f.y0() + f.h());
        }
        return new Session(file.toString(), width, height, ids, cells);
    }

    private static Footprint cellFromRows(CsvRows table, String cell, List<Integer> rows, int row, int col,
                                          int value) {
        int n = rows.size();
        int[] ys = new int[n];
        int[] xs = new int[n];
        float[] vs = new float[n];
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int r = rows.get(i);
            double y = table.number(r, row);
            double x = table.number(r, col);
            double v = table.number(r, value);
            if (!(y >= 0 && x >= 0 && y == Math.rint(y) && x == Math.rint(x))) {
                throw new InputException(table.file() + ", line " + table.lines()[r] + ": cell " + cell + " at row "
                        + y + ", col " + x + "; expected whole pixel indices >= 0");
            }
            if (y >= SessionRegistration.MAX_SIDE || x >= SessionRegistration.MAX_SIDE) {
                throw new InputException(table.file() + ", line " + table.lines()[r] + ": cell " + cell + " at row "
                        + (long) y + ", col " + (long) x + "; expected an image of at most "
                        + SessionRegistration.MAX_SIDE + " px a side (bin larger images first)");
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InputException(table.file() + ", line " + table.lines()[r] + ": cell " + cell
                        + " has the value " + v + "; expected a finite footprint weight >= 0");
            }
            ys[i] = (int) y;
            xs[i] = (int) x;
            vs[i] = (float) v;
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
        }
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        if ((long) w * h > 1_000_000) {
            throw new InputException(table.file() + ": cell " + cell + " spans " + w + "x" + h
                    + " pixels; not a cell (are two cells sharing an identifier?)");
        }
        float[] weights = new float[w * h];
        float max = 0;
        for (int i = 0; i < n; i++) {
            weights[(ys[i] - y0) * w + xs[i] - x0] = vs[i];
            max = Math.max(max, vs[i]);
        }
        if (max <= 0) {
            throw new InputException(table.file() + ": cell " + cell + " has no weight above 0");
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= max;
        }
        return new Footprint(x0, y0, w, h, weights);
    }
}
