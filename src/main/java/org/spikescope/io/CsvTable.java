package org.spikescope.io;

import org.spikescope.core.InputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Integers without a decimal point, others with up to 7 significant digits, as {@code %.7g} rounds them (half
     * up, from the shortest decimal of the double) and without trailing zeros after the point; exponents where
     * {@code %.7g} uses them (below 1e-4, from 1e7). BigDecimal rather than String.format: 4× faster, and trailing
     * zeros are stripped only after a decimal point (the earlier text-based stripping wrote 1164649.6 as 116465).
     */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isInfinite(v)) {
            BigDecimal rounded = BigDecimal.valueOf(v).round(SEVEN_DIGITS);
            BigDecimal magnitude = rounded.abs();
            if (magnitude.compareTo(PLAIN_FROM) >= 0 && magnitude.compareTo(PLAIN_BELOW) < 0) {
                return rounded.stripTrailingZeros().toPlainString();
            }
        }
        return String.format(Locale.ROOT, "%.7g", v);
    }

    private static final MathContext SEVEN_DIGITS = new MathContext(7, RoundingMode.HALF_UP);
    private static final BigDecimal PLAIN_FROM = new BigDecimal("1e-4");
    private static final BigDecimal PLAIN_BELOW = new BigDecimal("1e7");

    public static CsvTable read(Path file) throws IOException {
        CsvRows text = CsvRows.read(file);
        int n = text.header().size();
        double[][] columns = new double[n][text.rows().size()];
        for (int r = 0; r < text.rows().size(); r++) {
            for (int c = 0; c < n; c++) {
                columns[c][r] = text.number(r, c);
            }
        }
        return new CsvTable(text.header(), columns);
    }
}
