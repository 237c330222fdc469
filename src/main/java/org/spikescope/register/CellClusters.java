package org.spikescope.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registered cells from the pairs' P_same: every cell starts alone; pairs are taken from the most to the least
 * certain, and the two cells' groups join when they hold no session in common (at most one cell per session) and
 * the mean P_same over all pairs between them (a pair too far apart to be a candidate counts 0) reaches the
 * threshold. Conflicts (one cell claimed by two) are thus resolved in favour of the higher P_same.
 *
 * <p>Each registered cell's score is the agreement of the evidence with the decision, as CellReg's register
 * score: over every candidate pair touching its cells, P_same for the pairs inside it and 1 − P_same for those
 * reaching outside, averaged (1 when it has no candidate pair).
 */
final class CellClusters {

    /** Registered cells: one row each, the cell (0-based) per session or −1; and their scores. */
    record Result(List<int[]> cells, double[] scores) {
    }

    private CellClusters() {
    }

    static Result cluster(int[] sessionSizes, List<CellPair> pairs, double threshold) {
        int k = sessionSizes.length;
        int[] offset = new int[k + 1];
        for (int s = 0; s < k; s++) {
            offset[s + 1] = offset[s] + sessionSizes[s];
        }
        int n = offset[k];
        int[] clusterOf = new int[n];
        List<int[]> members = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < sessionSizes[s]; i++) {
                int[] m = new int[k];
                java.util.Arrays.fill(m, -1);
                m[s] = i;
                clusterOf[offset[s] + i] = members.size();
                members.add(m);
            }
        }
        Map<Long, Double> pSame = new HashMap<>();
        for (CellPair p : pairs) {
            pSame.put(key(offset[p.sessionA()] + p.cellA(), offset[p.sessionB()] + p.cellB()), p.pSame());
        }
        List<CellPair> ordered = new ArrayList<>(pairs);
        ordered.sort(Comparator.comparingDouble(CellPair::pSame).reversed());
        for (CellPair p : ordered) {
            if (p.pSame() < threshold) {
                break;
            }
            int ca = clusterOf[offset[p.sessionA()] + p.cellA()];
            int cb = clusterOf[offset[p.sessionB()] + p.cellB()];
            if (ca == cb || overlap(members.get(ca), members.get(cb))
                    || linkage(members.get(ca), members.get(cb), offset, pSame) < threshold) {
                continue;
            }
            int[] into = members.get(ca);
            int[] from = members.get(cb);
            for (int s = 0; s < k; s++) {
                if (from[s] >= 0) {
                    into[s] = from[s];
                    clusterOf[offset[s] + from[s]] = ca;
                }
            }
            members.set(cb, null);
        }
        List<int[]> cells = new ArrayList<>();
        for (int[] m : members) {
            if (m != null) {
                cells.add(m);
            }
        }
        cells.sort(CellClusters::firstAppearance);
        double[] scores = new double[cells.size()];
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < cells.size(); r++) {
            for (int s = 0; s < k; s++) {
                if (cells.get(r)[s] >= 0) {
                    rowOf.put(offset[s] + cells.get(r)[s], r);
                }
            }
        }
        double[] agree = new double[cells.size()];
        int[] count = new int[cells.size()];
        for (CellPair p : pairs) {
            int ra = rowOf.get(offset[p.sessionA()] + p.cellA());
            int rb = rowOf.get(offset[p.sessionB()] + p.cellB());
            if (ra == rb) {
                agree[ra] += p.pSame();
                count[ra]++;
            } else {
                agree[ra] += 1 - p.pSame();
                count[ra]++;
                agree[rb] += 1 - p.pSame();
                count[rb]++;
            }
        }
        for (int r = 0; r < scores.length; r++) {
            scores[r] = count[r] > 0 ? agree[r] / count[r] : 1;
        }
        return new Result(cells, scores);
    }

    /** The session it first appears in, then its cell there. */
    private static int firstAppearance(int[] a, int[] b) {
        for (int s = 0; s < a.length; s++) {
            if (a[s] >= 0 || b[s] >= 0) {
                if (a[s] < 0) {
                    return 1;
                }
                if (b[s] < 0) {
                    return -1;
                }
                return Integer.compare(a[s], b[s]);
            }
        }
        return 0;
    }

    private static boolean overlap(int[] a, int[] b) {
        for (int s = 0; s < a.length; s++) {
            if (a[s] >= 0 && b[s] >= 0) {
                return true;
            }
        }
        return false;
    }

    private static double linkage(int[] a, int[] b, int[] offset, Map<Long, Double> pSame) {
        double sum = 0;
        int count = 0;
        for (int s = 0; s < a.length; s++) {
            if (a[s] < 0) {
                continue;
            }
            for (int t = 0; t < b.length; t++) {
                if (b[t] >= 0) {
                    sum += pSame.getOrDefault(key(offset[s] + a[s], offset[t] + b[t]), 0.0);
                    count++;
                }
            }
        }
        return count > 0 ? sum / count : 0;
    }

    private static long key(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | hi;
    }
}
