package org.spikescope.register;

import java.util.List;

/**
 * Sessions registered to one another.
 *
 * @param sessions    the input sessions, in order
 * @param reference   the reference session, 0-based
 * @param transforms  per session, where its pixels land on the reference
 * @param alignment   per session, the correlation of its footprint projection with the reference's once aligned
 * @param pairs       every candidate pair with its distance (px), correlation and P_same
 * @param model       the same/different cells model fitted to the pairs' correlations (P_same)
 * @param distances   the same/different cells model fitted to the pairs' centroid distances (reported)
 * @param cells       registered cells: per row, each session's cell (0-based) or −1
 * @param scores      per registered cell, the agreement of the pairs' P_same with it (0–1)
 * @param projections per session, its footprints' projection moved onto the reference's grid
 * @param aligned     per session, its footprints moved onto the reference's grid (peak 1)
 */
public record RegistrationResult(List<Session> sessions, int reference, List<SessionTransform> transforms,
                                 double[] alignment, List<CellPair> pairs, SameCellModel model, DistanceModel distances,
                                 List<int[]> cells,
                                 double[] scores, List<float[]> projections,
                                 List<List<org.spikescope.core.Footprint>> aligned, RegistrationSettings settings) {

    public int referenceWidth() {
        return sessions.get(reference).width();
    }

    public int referenceHeight() {
        return sessions.get(reference).height();
    }

    /** Registered cells found in {@code n} or more sessions. */
    public int cellsInAtLeast(int n) {
        int count = 0;
        for (int[] c : cells) {
            int k = 0;
            for (int v : c) {
                k += v >= 0 ? 1 : 0;
            }
            count += k >= n ? 1 : 0;
        }
        return count;
    }
}
