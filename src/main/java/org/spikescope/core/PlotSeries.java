package org.spikescope.core;

/**
 * One curve of a line plot ({@link ImageJFormats#writeLinePlotPng}).
 *
 * @param colour index into a ten-colour palette (wraps)
 * @param dots   drawn as dots (e.g. observations) instead of a line
 */
public record PlotSeries(String name, double[] x, double[] y, int colour, boolean dots) {
}
