package org.spikescope.io;

import org.spikescope.core.InputException;
import org.spikescope.core.SpikeTimes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spike-time tables as CSV: {@code cell,time_s}, one row per spike, any order; cells are named as written. */
public final class SpikeTimeTables {

    private SpikeTimeTables() {
    }

    public static SpikeTimes read(Path file) throws IOException {
        CsvRows csv = CsvRows.read(file);
        int cell = csv.require("cell");
        int time = csv.require("time_s");
        Map<String, List<Double>> trains = new LinkedHashMap<>();
        for (int r = 0; r < csv.rows().size(); r++) {
            double t = csv.number(r, time);
            if (!Double.isFinite(t)) {
                throw new InputException(file + ", line " + csv.lines()[r] + ", column 'time_s': a spike time in "
                        + "seconds is needed");
            }
            trains.computeIfAbsent(csv.rows().get(r)[cell], k -> new ArrayList<>()).add(t);
        }
        if (trains.isEmpty()) {
            throw new InputException(file + ": no spikes (expected rows of cell,time_s)");
        }
        List<String> cells = new ArrayList<>(trains.keySet());
        double[][] seconds = new double[cells.size()][];
        for (int c = 0; c < cells.size(); c++) {
            seconds[c] = trains.get(cells.get(c)).stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(seconds[c]);
        }
        return new SpikeTimes(cells, seconds);
    }
}
