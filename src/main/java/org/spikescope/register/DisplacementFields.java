package org.spikescope.register;

import org.spikescope.math.LinearSolve;

import java.util.ArrayList;
import java.util.List;

/**
 * The nonrigid part of an alignment: per session, the displacement that carries its confidently matched cells'
 * centroids onto their reference partners, fitted by least squares as a quadratic in x and y (a smooth field: the
 * brain's slow bending between days, not each cell's own jitter).
 */
final class DisplacementFields {

    private DisplacementFields() {
    }

    static List<SessionTransform> refine(List<SessionTransform> rigid, List<AlignedCells> cells,
                                         List<CellPair> pairs, int ref, double confident, int minPairs) {
        List<SessionTransform> out = new ArrayList<>(rigid);
        for (int s = 0; s < rigid.size(); s++) {
            if (s == ref) {
                continue;
            }
            List<double[]> at = new ArrayList<>();
            List<double[]> shift = new ArrayList<>();
            for (CellPair p : pairs) {
                if (p.pSame() < confident || (p.sessionA() != s || p.sessionB() != ref)
                        && (p.sessionA() != ref || p.sessionB() != s)) {
                    continue;
                }
                int own = p.sessionA() == s ? p.cellA() : p.cellB();
                int other = p.sessionA() == s ? p.cellB() : p.cellA();
                double[] c = cells.get(s).centroids[own];
                double[] r = cells.get(ref).centroids[other];
                at.add(c);
                shift.add(new double[]{r[0] - c[0], r[1] - c[1]});
            }
            if (at.size() >= minPairs) {
                SessionTransform t = rigid.get(s);
                double[] field = new double[2 * SessionTransform.WARP_TERMS];
                double[] fx = fit(at, shift, 0, t);
                double[] fy = fit(at, shift, 1, t);
                if (fx != null && fy != null) {
                    System.arraycopy(fx, 0, field, 0, SessionTransform.WARP_TERMS);
                    System.arraycopy(fy, 0, field, SessionTransform.WARP_TERMS, SessionTransform.WARP_TERMS);
                    out.set(s, t.withWarp(field));
                }
            }
        }
        return out;
    }

    /** Least squares by the normal equations (6 × 6, well conditioned on scaled terms); null if singular. */
    private static double[] fit(List<double[]> at, List<double[]> shift, int component, SessionTransform t) {
        int m = SessionTransform.WARP_TERMS;
        double[][] normal = new double[m][m];
        double[] rhs = new double[m];
        for (int i = 0; i < at.size(); i++) {
            double[] terms = SessionTransform.terms(at.get(i)[0], at.get(i)[1], Math.max(1, t.centreX()),
                    Math.max(1, t.centreY()));
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    normal[r][c] += terms[r] * terms[c];
                }
                rhs[r] += terms[r] * shift.get(i)[component];
            }
        }
        return LinearSolve.solve(normal, rhs);
    }
}
