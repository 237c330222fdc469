package org.spikescope.rates.gfr;

import org.spikescope.core.InputException;
import org.spikescope.io.CsvRows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input current and spikes per bin, in sweeps (each starts from rest). The current CSV has {@code current_pA}, one
 * row per bin, and optionally {@code sweep}; the spikes CSV has either {@code count} (spikes per bin, row for row
 * with the current) or {@code time_ms} (spike times from the sweep's start), with the same optional {@code sweep}.
 *
 * @param currents pA, {@code [sweep][bin]}
 * @param counts   spikes, {@code [sweep][bin]}
 */
public record GfrRecording(List<String> sweeps, double[][] currents, double[][] counts) {

    public static GfrRecording read(Path current, Path spikes, double binMs) throws IOException {
        CsvRows in = CsvRows.read(current);
        int pa = in.require(GfrCurrents.COLUMN);
        int sweepColumn = in.header().indexOf("sweep");
        Map<String, List<Double>> bySweep = new LinkedHashMap<>();
        List<String> rowSweep = new ArrayList<>();
        for (int r = 0; r < in.rows().size(); r++) {
            String sweep = sweepColumn < 0 ? "1" : in.rows().get(r)[sweepColumn];
            double v = in.number(r, pa);
            if (!Double.isFinite(v)) {
                throw new InputException(current + ", line " + in.lines()[r] + ", column 'current_pA': a current in pA"
                        + " is needed");
            }
            bySweep.computeIfAbsent(sweep, k -> new ArrayList<>()).add(v);
            rowSweep.add(sweep);
        }
        if (bySweep.isEmpty()) {
            throw new InputException(current + ": no rows; expected one current_pA value per bin");
        }
        List<String> sweeps = new ArrayList<>(bySweep.keySet());
        double[][] currents = new double[sweeps.size()][];
        double[][] counts = new double[sweeps.size()][];
        for (int s = 0; s < sweeps.size(); s++) {
            currents[s] = bySweep.get(sweeps.get(s)).stream().mapToDouble(Double::doubleValue).toArray();
            counts[s] = new double[currents[s].length];
        }
        CsvRows sp = CsvRows.read(spikes);
        int spikeSweep = sp.header().indexOf("sweep");
        if (sp.header().contains("count")) {
            int c = sp.require("count");
            if (sp.rows().size() != in.rows().size()) {
                throw new InputException(spikes + ": " + sp.rows().size() + " rows of counts, but " + current + " has "
                        + in.rows().size() + " bins; counts go row for row with the current");
            }
            int[] next = new int[sweeps.size()];
            for (int r = 0; r < sp.rows().size(); r++) {
                int s = sweeps.indexOf(rowSweep.get(r));
                if (spikeSweep >= 0 && !sp.rows().get(r)[spikeSweep].equals(rowSweep.get(r))) {
                    throw new InputException(spikes + ", line " + sp.lines()[r] + ", column 'sweep': '"
                            + sp.rows().get(r)[spikeSweep] + "' where the current has '" + rowSweep.get(r) + "'");
                }
                double n = sp.number(r, c);
                if (!(n >= 0)) {
                    throw new InputException(spikes + ", line " + sp.lines()[r] + ", column 'count': a spike count "
                            + "(0 or more) is needed");
                }
                counts[s][next[s]++] = n;
            }
        } else if (sp.header().contains("time_ms")) {
            int tm = sp.require("time_ms");
            for (int r = 0; r < sp.rows().size(); r++) {
                String sweep = spikeSweep < 0 ? "1" : sp.rows().get(r)[spikeSweep];
                int s = sweeps.indexOf(sweep);
                if (s < 0) {
                    throw new InputException(spikes + ", line " + sp.lines()[r] + ": sweep '" + sweep + "' has no "
                            + "current in " + current);
                }
                double ms = sp.number(r, tm);
                int bin = (int) Math.floor(ms / binMs);
                if (!(ms >= 0) || bin >= counts[s].length) {
                    throw new InputException(spikes + ", line " + sp.lines()[r] + ", column 'time_ms': " + ms + " ms "
                            + "lies outside sweep '" + sweep + "' (0 to " + counts[s].length * binMs + " ms)");
                }
                counts[s][bin]++;
            }
        } else {
            throw new InputException(spikes + ": expected a column 'count' (spikes per bin) or 'time_ms' (spike "
                    + "times); columns: " + String.join(", ", sp.header()));
        }
        return new GfrRecording(sweeps, currents, counts);
    }
}
