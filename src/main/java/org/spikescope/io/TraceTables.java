package org.spikescope.io;

import org.spikescope.core.InputException;
import org.spikescope.core.TraceSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces tables as CSV, the layout ImageJ's ResultsTable saves: first column {@code time_s} or {@code frame},
 * then one column per cell ({@code cell_001, …}).
 */
public final class TraceTables {

    public static final List<String> TIME_COLUMNS = List.of("time_s", "frame");

    private TraceTables() {
    }

    /** Column name of cell {@code index} (0-based): cell_001, cell_002, … */
    public static String cellName(int index) {
        return String.format(java.util.Locale.ROOT, "cell_%03d", index + 1);
    }

    /** cell_001 … for {@code count} cells. */
    /** The number drawn beside a cell: cell_007's 7 (kept cells keep their numbers), else its place from 1. */
    public static String cellLabel(String name, int index) {
        return name != null && name.matches("cell_\\d+") ? String.valueOf(Integer.parseInt(name.substring(5)))
                : String.valueOf(index + 1);
    }

    public static List<String> cellNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(cellName(i));
        }
        return names;
    }

    public static TraceSet read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        CsvTable table = CsvTable.read(file);
        List<String> header = new ArrayList<>(table.header());
        // ImageJ's ResultsTable saves a row-number column " " first
        int first = header.get(0).isBlank() && header.size() > 1 ? 1 : 0;
        String timeColumn = header.get(first);
        if (!TIME_COLUMNS.contains(timeColumn)) {
            throw new InputException(file + ": the first column is '" + timeColumn + "'; expected time_s or frame, "
                    + "then one column per cell");
        }
        int cells = header.size() - first - 1;
        if (cells < 1) {
            throw new InputException(file + ": no cell columns after '" + timeColumn + "'");
        }
        double[] time = table.columns()[first];
        for (int i = 0; i < time.length; i++) {
            if (Double.isNaN(time[i])) {
                throw new InputException(file + ", row " + (i + 2) + ": the " + timeColumn + " value is missing");
            }
            if (i > 0 && time[i] <= time[i - 1]) {
                throw new InputException(file + ", row " + (i + 2) + ": " + timeColumn + " " + time[i]
                        + " does not increase (previous " + time[i - 1] + ")");
            }
        }
        double[][] values = new double[cells][];
        for (int c = 0; c < cells; c++) {
            values[c] = table.columns()[first + 1 + c];
        }
        return new TraceSet(timeColumn, time, header.subList(first + 1, header.size()), values);
    }

    public static void write(TraceSet traces, Path file) throws IOException {
        toCsv(traces).write(file);
    }

    /** The table with the time column first, then the cells. */
    public static CsvTable toCsv(TraceSet traces) {
        List<String> header = new ArrayList<>();
        header.add(traces.timeColumn());
        header.addAll(traces.names());
        double[][] columns = new double[traces.cells() + 1][];
        columns[0] = traces.time();
        System.arraycopy(traces.values(), 0, columns, 1, traces.cells());
        return new CsvTable(header, columns);
    }
}
