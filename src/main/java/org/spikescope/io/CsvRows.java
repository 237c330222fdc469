package org.spikescope.io;

import org.spikescope.core.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as text: the header and every non-blank row split into fields (surrounding quotes removed), each row
 * with its line number for messages. Every row must have one field per header column.
 */
public record CsvRows(Path file, List<String> header, List<String[]> rows, int[] lines) {

    public static CsvRows read(Path file) throws IOException {
        try (BufferedReader in = open(file)) {
            String[] names = header(file, in);
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = split(line);
                if (fields.length != names.length) {
                    throw new InputException(file + ", line " + lineNo + ": " + fields.length + " fields, expected "
                            + names.length + " (one per header column)");
                }
                rows.add(fields);
                lines.add(lineNo);
            }
            return new CsvRows(file, List.of(names), rows, lines.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The column names alone, without reading the rows (to tell which kind of table a file holds). */
    public static List<String> readHeader(Path file) throws IOException {
        try (BufferedReader in = open(file)) {
            return List.of(header(file, in));
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static String[] header(Path file, BufferedReader in) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null) {
            throw new InputException(file + ": the file is empty; expected a header row of column names");
        }
        return split(headerLine.replace("\uFEFF", ""));
    }

    /** The index of a column the file must have; an error naming the file and the columns it has otherwise. */
    public int require(String column) {
        int c = header.indexOf(column);
        if (c < 0) {
            throw new InputException(file + ": no column '" + column + "' (columns: " + String.join(", ", header)
                    + ")");
        }
        return c;
    }

    /** The number in row r, column c; an error naming file, line and column when it is none. */
    public double number(int r, int c) {
        String field = rows.get(r)[c];
        if (field.isEmpty() || field.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new InputException(file + ", line " + lines[r] + ", column '" + header.get(c) + "': '" + field
                    + "' is not a number");
        }
    }

    private static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
            if (parts[i].length() >= 2 && parts[i].startsWith("\"") && parts[i].endsWith("\"")) {
                parts[i] = parts[i].substring(1, parts[i].length() - 1);
            }
        }
        return parts;
    }
}
