package org.spikescope.fiji.display;

import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import org.spikescope.io.CsvTable;

import java.awt.GraphicsEnvironment;

/** Numeric tables as ImageJ ResultsTables, shown in Fiji and available to macros headless. */
public final class Tables {

    private Tables() {
    }

    public static ResultsTable toResultsTable(CsvTable table) {
        ResultsTable rt = new ResultsTable(table.rows());
        for (int c = 0; c < table.header().size(); c++) {
            double[] column = table.columns()[c];
            for (int r = 0; r < column.length; r++) {
                rt.setValue(table.header().get(c), r, column[r]);
            }
        }
        return rt;
    }

    /** Shows the table under {@code title}; headless, it becomes the system Results table for macros. */
    public static ResultsTable show(String title, CsvTable table) {
        ResultsTable rt = toResultsTable(table);
        if (GraphicsEnvironment.isHeadless() || ij.IJ.getInstance() == null) {
            Analyzer.setResultsTable(rt);
        } else {
            rt.show(title);
        }
        return rt;
    }
}
