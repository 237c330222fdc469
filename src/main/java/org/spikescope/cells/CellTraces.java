package org.spikescope.cells;

/**
 * Fluorescence of each cell, {@code [cell][frame]}, in the units of a footprint pixel of weight 1.
 *
 * @param raw        the cell's own fluorescence, background removed (CNMF's C + residual)
 * @param background the level of the background under the cell, its footprint alone fitted to it (positive where
 *                   the background is); null when not measured
 */
public record CellTraces(double[][] raw, double[][] background) {

    public int cells() {
        return raw.length;
    }

    public int frames() {
        return raw.length == 0 ? 0 : raw[0].length;
    }
}
