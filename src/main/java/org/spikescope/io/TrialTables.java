package org.spikescope.io;

import org.spikescope.core.InputException;
import org.spikescope.core.Trials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Trials tables as CSV: {@code trial,start_s,label}, one row per trial; labels may be text. */
public final class TrialTables {

    private TrialTables() {
    }

    public static Trials read(Path file) throws IOException {
        CsvRows csv = CsvRows.read(file);
        int trial = csv.require("trial");
        int start = csv.require("start_s");
        int label = csv.require("label");
        int n = csv.rows().size();
        if (n == 0) {
            throw new InputException(file + ": no trials (expected one row per trial after the header)");
        }
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[] starts = new double[n];
        for (int r = 0; r < n; r++) {
            String id = csv.rows().get(r)[trial];
            if (ids.contains(id)) {
                throw new InputException(file + ", line " + csv.lines()[r] + ": trial '" + id + "' appears twice");
            }
            ids.add(id);
            starts[r] = csv.number(r, start);
            if (!Double.isFinite(starts[r])) {
                throw new InputException(file + ", line " + csv.lines()[r] + ", column 'start_s': a start time in "
                        + "seconds is needed");
            }
            String l = csv.rows().get(r)[label];
            if (l.isEmpty()) {
                throw new InputException(file + ", line " + csv.lines()[r] + ", column 'label': empty; every trial "
                        + "needs its stimulus or condition");
            }
            labels.add(l);
        }
        return new Trials(ids, starts, labels);
    }
}
