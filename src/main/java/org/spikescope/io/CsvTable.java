package org.spikescope.io;

import org.spikescope.core.InputException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A numeric table as ImageJ's ResultsTable saves it: a header row, then comma-separated numbers.
 * Column-major in memory; NaN is written as "NaN" and read back from "NaN" or an empty field.
 */
public record CsvTable(List<String> header, double[][] columns) {

    public CsvTable {
        header = List.copyOf(header);
        if (header.size() != columns.length) {
            throw new IllegalArgumentException(header.size() + " column names for " + columns.length + " columns");
        }
        for (int c = 1; c < columns.length; c++) {
            if (columns[c].length != columns[0].length) {
                throw new IllegalArgumentException("column '" + header.get(c) + "' has " + columns[c].length
                        + " rows, column '" + header.get(0) + "' has " + columns[0].length);
            }
        }
    }

    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    public double[] column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new InputException("no column '" + name + "' (columns: " + String.join(", ", header) + ")");
        }
        return columns[c];
    }

    /** Checks that the table read from {@code source} has every named column; the message names the file. */
    public CsvTable requireColumns(Path source, String... names) {
        for (String name : names) {
            if (!header.contains(name)) {
                throw new InputException(source + ": no column '" + name + "' (columns: " + String.join(", ", header)
                        + ")");
            }
        }
        return this;
    }

    /** Writes the table atomically. */
    public void write(Path file) throws IOException {
        write(file, header, rows(), (row, column) -> columns[column][row]);
    }

    /** A table's value at a row and column, for tables written without being held in memory. */
    @FunctionalInterface
    public interface Values {
        double at(int row, int column);
    }

    /** Writes {@code rows} rows of {@code header.size()} values atomically, streaming them from {@code values}. */
    public static void write(Path file, List<String> header, int rows, Values values) throws IOException {
        FileTrees.writeAtomically(file, temp -> {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(String.join(",", header));
                out.write('\n');
                StringBuilder line = new StringBuilder();
                for (int r = 0; r < rows; r++) {
                    line.setLength(0);
                    for (int c = 0; c < header.size(); c++) {
                        if (c > 0) {
                            line.append(',');
                        }
                        line.append(format(values.at(r, c)));
                    }
                    line.append('\n');
                    out.write(line.toString());
                }
            }
        });
    }

    /** Integers without a decimal point, others with up to 7 significant digits. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.7g", v);
        if (s.contains("e")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    public static CsvTable read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new InputException(file + ": the file is empty; expected a header row of column names");
            }
            String[] names = splitLine(headerLine.replace("\uFEFF", ""));
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = splitLine(line);
                if (fields.length != names.length) {
                    throw new InputException(file + ", line " + lineNo + ": " + fields.length + " fields, expected "
                            + names.length + " (one per header column)");
                }
                double[] row = new double[names.length];
                for (int c = 0; c < names.length; c++) {
                    row[c] = parse(fields[c], file, lineNo, names[c]);
                }
                rows.add(row);
            }
            double[][] columns = new double[names.length][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < names.length; c++) {
                    columns[c][r] = rows.get(r)[c];
                }
            }
            return new CsvTable(List.of(names), columns);
        }
    }

    private static String[] splitLine(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
            if (parts[i].length() >= 2 && parts[i].startsWith("\"") && parts[i].endsWith("\"")) {
                parts[i] = parts[i].substring(1, parts[i].length() - 1);
            }
        }
        return parts;
    }

    private static double parse(String field, Path file, int lineNo, String column) {
        if (field.isEmpty() || field.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new InputException(file + ", line " + lineNo + ", column '" + column + "': '" + field
                    + "' is not a number");
        }
    }
}
