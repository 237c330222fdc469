package org.spikescope.fiji.display;

import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import org.spikescope.core.InputException;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.TextTable;
import org.spikescope.io.TraceTables;

import java.util.ArrayList;
import java.util.List;

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
        return show(title, toResultsTable(table));
    }

    /** Shows a table with text cells the same way. */
    public static ResultsTable show(String title, TextTable table) {
        return show(title, toResultsTable(table));
    }

    private static ResultsTable show(String title, ResultsTable rt) {
        if (GraphicsEnvironment.isHeadless() || ij.IJ.getInstance() == null) {
            Analyzer.setResultsTable(rt);
        } else {
            rt.show(title);
        }
        return rt;
    }

    public static ResultsTable toResultsTable(TextTable table) {
        ResultsTable rt = new ResultsTable(table.rows().size());
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            for (int c = 0; c < table.header().size(); c++) {
                String v = row.get(c);
                try {
                    rt.setValue(table.header().get(c), r, Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    rt.setValue(table.header().get(c), r, v);
                }
            }
        }
        return rt;
    }

    /** Traces from a ResultsTable laid out as a traces CSV: time_s or frame, then one column per cell. */
    public static TraceSet toTraceSet(ResultsTable rt, String name) {
        String[] headings = rt.getHeadings();
        List<String> columns = new ArrayList<>();
        for (String h : headings) {
            if (!h.isBlank() && !h.equals("Label")) {
                columns.add(h);
            }
        }
        if (columns.isEmpty() || !TraceTables.TIME_COLUMNS.contains(columns.get(0))) {
            throw new InputException(name + ": the first column is '" + (columns.isEmpty() ? "" : columns.get(0))
                    + "'; expected time_s or frame, then one column per cell");
        }
        double[] time = rt.getColumn(columns.get(0));
        double[][] values = new double[columns.size() - 1][];
        for (int c = 1; c < columns.size(); c++) {
            values[c - 1] = rt.getColumn(columns.get(c));
        }
        return new TraceSet(columns.get(0), time, columns.subList(1, columns.size()), values);
    }
}
