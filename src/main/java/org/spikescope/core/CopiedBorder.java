package org.spikescope.core;

/**
 * The bands along a motion-corrected movie's edges, pixels wide, where some frames hold copies of the edge pixel
 * instead of the scene (what correction fills where the shifted frame has no data). A bright structure at the
 * edge streaks through its band and flickers as the frame moves: perfectly correlated neighbouring pixels whose
 * brightness changes, which the correlation and peak-to-noise images take for a cell. Seeds are not taken there,
 * as CNMF-E skips its {@code border_pix}; cells beside the band are still found and may reach into it.
 */
public record CopiedBorder(int left, int top, int right, int bottom) {

    public static final CopiedBorder NONE = new CopiedBorder(0, 0, 0, 0);

    public CopiedBorder {
        if (left < 0 || top < 0 || right < 0 || bottom < 0) {
            throw new IllegalArgumentException("border widths must be ≥ 0: " + left + ", " + top + ", " + right
                    + ", " + bottom);
        }
    }

    /** The bands that displacements of the content up to these, pixels, leave (out(q) = in(q + d)). */
    public static CopiedBorder ofDisplacements(double mostLeft, double mostUp, double mostRight, double mostDown) {
        return new CopiedBorder(band(-mostLeft), band(-mostUp), band(mostRight), band(mostDown));
    }

    private static int band(double outward) {
        return outward > 0 && Double.isFinite(outward) ? (int) Math.ceil(outward) : 0;
    }

    /** For logs and summaries: "2, 6, 9, 5 px (left, top, right, bottom)". */
    public String describe() {
        return left + ", " + top + ", " + right + ", " + bottom + " px (left, top, right, bottom)";
    }

    /** Whether pixel (x, y) of a width × height image lies in a band. */
    public boolean contains(int x, int y, int width, int height) {
        return x < left || y < top || x >= width - right || y >= height - bottom;
    }
}
