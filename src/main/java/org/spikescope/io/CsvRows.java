package org.spikescope.io;

import org.spikescope.core.InputException;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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
            int[] lineNo = {1};
            String[] fields;
            while ((fields = nextRecord(file, in, lineNo)) != null) {
                if (fields.length == 1 && fields[0].isEmpty()) {
                    continue; // a blank line
                }
                if (fields.length != names.length) {
                    throw new InputException(file + ", line " + lineNo[0] + ": " + fields.length + " fields, "
                            + "expected " + names.length + " (one per header column)");
                }
                rows.add(fields);
                lines.add(lineNo[0]);
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
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        // gzip-compressed CSV (as the ground-truth database ships): a damaged file is named, not a bare EOF
        InputStream raw = Files.newInputStream(file);
        try {
            return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (EOFException | ZipException e) {
                        throw new InputException(file + ": the gzip data is truncated or damaged", e);
                    }
                }
            }, StandardCharsets.UTF_8));
        } catch (EOFException | ZipException e) {
            raw.close();
            throw new InputException(file + ": not a complete gzip file", e);
        }
    }

    private static String[] header(Path file, BufferedReader in) throws IOException {
        String[] names = nextRecord(file, in, new int[] {0});
        if (names == null) {
            throw new InputException(file + ": the file is empty; expected a header row of column names");
        }
        if (names.length > 0 && names[0].startsWith("\uFEFF")) {
            names[0] = names[0].substring(1);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!n.isEmpty() && !seen.add(n)) {
                throw new InputException(file + ", header: the column '" + n + "' appears twice; expected unique "
                        + "column names");
            }
        }
        return names;
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

    /**
     * The next record's fields (RFC 4180: a quoted field may hold commas, line breaks and doubled quotes; unquoted
     * fields are trimmed), or null at the end; {@code lineNo[0]} is advanced to the record's last line.
     */
    static String[] nextRecord(Path file, BufferedReader in, int[] lineNo) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        lineNo[0]++;
        int first = lineNo[0];
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    break;
                }
                line = in.readLine();
                if (line == null) {
                    throw new InputException(file + ", line " + first + ": a quoted field is never closed");
                }
                lineNo[0]++;
                field.append('\n');
                i = 0;
                continue;
            }
            char ch = line.charAt(i++);
            if (quoted) {
                if (ch == '"' && i < line.length() && line.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (ch == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(ch);
            }
        }
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        return fields.toArray(new String[0]);
    }
}
