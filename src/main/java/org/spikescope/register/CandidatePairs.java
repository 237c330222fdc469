package org.spikescope.register;

import org.spikescope.core.ProgressListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Every pair of cells from two different sessions whose aligned centroids lie closer than the largest distance
 * (CellReg's neighbouring cell pairs), with their spatial correlation. Cells are bucketed on a grid as coarse as
 * that distance, so each cell is compared with the few cells around it, not with a whole session.
 */
final class CandidatePairs {

    private CandidatePairs() {
    }

    static List<CellPair> find(List<AlignedCells> sessions, double maxDistance, long pixels,
                               ProgressListener progress) {
        List<CellPair> pairs = new ArrayList<>();
        int k = sessions.size();
        long total = (long) k * (k - 1) / 2;
        long done = 0;
        for (int b = 1; b < k; b++) {
            Grid grid = new Grid(sessions.get(b).centroids, maxDistance);
            for (int a = 0; a < b; a++) {
                progress.checkCancelled();
                AlignedCells cellsA = sessions.get(a);
                AlignedCells cellsB = sessions.get(b);
                for (int i = 0; i < cellsA.size(); i++) {
                    double[] c = cellsA.centroids[i];
                    for (int j : grid.near(c[0], c[1])) {
                        double d = Math.hypot(c[0] - cellsB.centroids[j][0], c[1] - cellsB.centroids[j][1]);
                        if (d < maxDistance) {
                            pairs.add(new CellPair(a, i, b, j, d,
                                    AlignedCells.correlation(cellsA, i, cellsB, j, pixels), Double.NaN));
                        }
                    }
                }
                progress.progress(++done, total);
            }
        }
        return pairs;
    }

    /** Points in square buckets of a side {@code cell}: the 3 × 3 buckets around a point hold all within it. */
    private static final class Grid {
        private final java.util.Map<Long, List<Integer>> buckets = new java.util.HashMap<>();
        private final double cell;

        Grid(double[][] points, double cell) {
            this.cell = cell;
            for (int i = 0; i < points.length; i++) {
                buckets.computeIfAbsent(key(bucket(points[i][0]), bucket(points[i][1])), x -> new ArrayList<>())
                        .add(i);
            }
        }

        private long bucket(double v) {
            return (long) Math.floor(v / cell);
        }

        private static long key(long bx, long by) {
            return (bx << 32) ^ (by & 0xffffffffL);
        }

        List<Integer> near(double x, double y) {
            List<Integer> out = new ArrayList<>();
            long bx = bucket(x);
            long by = bucket(y);
            for (long dy = -1; dy <= 1; dy++) {
                for (long dx = -1; dx <= 1; dx++) {
                    List<Integer> b = buckets.get(key(bx + dx, by + dy));
                    if (b != null) {
                        out.addAll(b);
                    }
                }
            }
            return out;
        }
    }
}
