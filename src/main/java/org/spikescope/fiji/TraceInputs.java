package org.spikescope.fiji;

import ij.measure.ResultsTable;
import org.spikescope.core.InputException;
import org.spikescope.core.TraceSet;
import org.spikescope.fiji.display.Tables;
import org.spikescope.io.TraceTables;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A command's traces: the CSV file given, or else (Fiji) the open Results table. */
public final class TraceInputs {

    private TraceInputs() {
    }

    public static TraceSet read(File input) {
        if (input != null && !input.getPath().isEmpty()) {
            try {
                return TraceTables.read(input.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ResultsTable open = ResultsTable.getResultsTable();
        if (open == null || open.size() == 0) {
            throw new InputException("parameter 'input': no traces file given and no Results table is open");
        }
        return Tables.toTraceSet(open, "Results table");
    }
}
