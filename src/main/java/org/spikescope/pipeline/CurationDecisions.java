package org.spikescope.pipeline;

import org.spikescope.core.InputException;
import org.spikescope.io.CsvRows;
import org.spikescope.io.TextTable;
import org.spikescope.io.TraceTables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's (or a classifier's) decisions on a bundle's cells, as {@value #FILE} holds them:
 * {@code cell,status,merged_into,source} — the cell ({@code cell_007} or {@code 7}), {@code accepted},
 * {@code rejected} or {@code merged} (into the cell named in {@code merged_into}), and who decided: {@code user}
 * (the default) or {@code classifier}. Cells without a row stay as they are.
 */
public record CurationDecisions(Map<String, Decision> byCell) {

    public static final String FILE = "curation.csv";
    static final List<String> HEADER = List.of("cell", "status", "merged_into", "source");

    public enum Status { ACCEPTED, REJECTED, MERGED }

    /** One cell's decision; {@code mergedInto} null unless merged. */
    public record Decision(Status status, String mergedInto, String source) {
    }

    /**
     * Reads and checks the decisions against the bundle's cells: every cell named must be one of them, once; a merge
     * names a cell that is kept (not rejected, not itself merged away).
     */
    public static CurationDecisions read(Path file, List<String> cells) throws IOException {
        CsvRows rows = CsvRows.read(file);
        int cell = column(rows, file, "cell");
        int status = column(rows, file, "status");
        int into = rows.header().indexOf("merged_into");
        int source = rows.header().indexOf("source");
        Map<String, Decision> out = new LinkedHashMap<>();
        for (int r = 0; r < rows.rows().size(); r++) {
            String[] row = rows.rows().get(r);
            String where = file + ", line " + rows.lines()[r];
            String name = cellName(row[cell], cells, where);
            Status s = status(row[status], where);
            String target = into < 0 || row[into].isBlank() ? null : cellName(row[into], cells, where);
            if (s == Status.MERGED && (target == null || target.equals(name))) {
                throw new InputException(where + ": cell " + name + " is 'merged' but 'merged_into' names "
                        + (target == null ? "no cell" : "the cell itself") + "; expected the cell it joins");
            }
            String who = source < 0 || row[source].isBlank() ? "user" : row[source].trim().toLowerCase(Locale.ROOT);
            if (!who.equals("user") && !who.equals("classifier")) {
                throw new InputException(where + ", column 'source': '" + row[source] + "'; expected user or "
                        + "classifier");
            }
            if (out.put(name, new Decision(s, s == Status.MERGED ? target : null, who)) != null) {
                throw new InputException(where + ": a second decision on cell " + name);
            }
        }
        for (Map.Entry<String, Decision> e : out.entrySet()) {
            String target = e.getValue().mergedInto();
            Decision onTarget = target == null ? null : out.get(target);
            if (onTarget != null && onTarget.status() != Status.ACCEPTED) {
                throw new InputException(file + ": cell " + e.getKey() + " is merged into " + target + ", which is "
                        + onTarget.status().name().toLowerCase(Locale.ROOT) + "; merge into a cell that is kept");
            }
        }
        return new CurationDecisions(out);
    }

    private static int column(CsvRows rows, Path file, String name) {
        int c = rows.header().indexOf(name);
        if (c < 0) {
            throw new InputException(file + ": no column '" + name + "' (columns: " + String.join(", ", rows.header())
                    + "); expected " + String.join(",", HEADER));
        }
        return c;
    }

    /** The bundle's name of a cell given as cell_007, 007 or 7. */
    private static String cellName(String given, List<String> cells, String where) {
        String v = given.trim();
        String name = v.matches("\\d+") ? TraceTables.cellName(Integer.parseInt(v) - 1) : v;
        if (!cells.contains(name)) {
            throw new InputException(where + ": no cell '" + v + "' in the bundle (its cells: " + cells.get(0)
                    + " … " + cells.get(cells.size() - 1) + ", " + cells.size() + " in all)");
        }
        return name;
    }

    private static Status status(String given, String where) {
        for (Status s : Status.values()) {
            if (s.name().equalsIgnoreCase(given.trim())) {
                return s;
            }
        }
        throw new InputException(where + ", column 'status': '" + given + "'; expected accepted, rejected or merged");
    }

    /** Whether the cell is in the curated bundle under its own name (not rejected, not merged into another). */
    public boolean keeps(String cell) {
        Decision d = byCell.get(cell);
        return d == null || d.status() == Status.ACCEPTED;
    }

    public boolean hasMerges() {
        return byCell.values().stream().anyMatch(d -> d.status() == Status.MERGED);
    }

    public long count(Status status) {
        return byCell.values().stream().filter(d -> d.status() == status).count();
    }

    /** The decisions as the bundle keeps them. */
    public TextTable table() {
        TextTable t = new TextTable(HEADER);
        byCell.forEach((cell, d) -> t.add(cell, d.status().name().toLowerCase(Locale.ROOT),
                d.mergedInto() == null ? "" : d.mergedInto(), d.source()));
        return t;
    }
}
