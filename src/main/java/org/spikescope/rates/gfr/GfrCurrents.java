package org.spikescope.rates.gfr;

import org.spikescope.core.InputException;
import org.spikescope.io.CsvRows;

import java.io.IOException;
import java.nio.file.Path;

/** Input currents as CSV: a column {@code current_pA}, one row per bin. */
public final class GfrCurrents {

    public static final String COLUMN = "current_pA";

    private GfrCurrents() {
    }

    public static double[] read(Path file) throws IOException {
        CsvRows csv = CsvRows.read(file);
        int c = csv.require(COLUMN);
        double[] out = new double[csv.rows().size()];
        if (out.length == 0) {
            throw new InputException(file + ": no rows; expected one current_pA value per bin");
        }
        for (int r = 0; r < out.length; r++) {
            out[r] = csv.number(r, c);
            if (!Double.isFinite(out[r])) {
                throw new InputException(file + ", line " + csv.lines()[r] + ", column '" + COLUMN + "': a current in"
                        + " pA is needed");
            }
        }
        return out;
    }
}
