package org.spikescope.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small table with text cells (per-cell summaries), written as CSV; numbers use {@link CsvTable}'s format. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public TextTable add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c instanceof Number n ? CsvTable.format(n.doubleValue()) : quote(String.valueOf(c)));
        }
        rows.add(row);
        return this;
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public void write(Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(String.join(",", header));
                out.write('\n');
                for (List<String> row : rows) {
                    out.write(String.join(",", row));
                    out.write('\n');
                }
            }
        });
    }
}
