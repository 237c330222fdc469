package org.spikescope.register;

/**
 * Two cells of different sessions ({@code sessionA} < {@code sessionB}, 0-based; cells 0-based in their session)
 * whose centroids lie within the distance considered, once aligned: their centroid distance (px on the reference),
 * spatial correlation and the model's probability that they are the same cell.
 */
public record CellPair(int sessionA, int cellA, int sessionB, int cellB, double distance, double correlation,
                       double pSame) {

    CellPair withPSame(double p) {
        return new CellPair(sessionA, cellA, sessionB, cellB, distance, correlation, p);
    }
}
