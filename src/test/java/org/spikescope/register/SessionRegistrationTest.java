package org.spikescope.register;

import org.junit.jupiter.api.Test;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.testing.MultiSessionScenes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registration against known identities: simulated sessions of one field (the same cells, each session shifted by
 * up to 25 px and rotated by up to 6°, a fifth of the cells silent in each, footprints a little changed).
 */
class SessionRegistrationTest {

    private static final double PIXEL = 1.0;

    private static RegistrationResult register(MultiSessionScenes scenes, Alignment alignment) {
        return SessionRegistration.register(scenes.sessions(), new RegistrationSettings(1, PIXEL, alignment, 14,
                0.5, 10), ProgressListener.NONE);
    }

    /** {precision, recall} of the pairs of cells the registration puts together. */
    private static double[] precisionRecall(MultiSessionScenes scenes, RegistrationResult r) {
        Set<String> truth = scenes.truePairs();
        Set<String> found = MultiSessionScenes.registeredPairs(r.cells());
        Set<String> right = new HashSet<>(found);
        right.retainAll(truth);
        return new double[]{right.size() / (double) found.size(), right.size() / (double) truth.size()};
    }

    /** The largest distance, over the image's corners and centre, between a point and its round trip. */
    private static double alignmentError(MultiSessionScenes scenes, RegistrationResult r, int session) {
        Session s = scenes.sessions().get(session);
        double worst = 0;
        double[][] points = {{0, 0}, {s.width() - 1, 0}, {0, s.height() - 1}, {s.width() - 1, s.height() - 1},
                {s.width() / 2.0, s.height() / 2.0}};
        for (double[] p : points) {
            double[] inSession = scenes.moves().get(session).apply(p[0], p[1]);
            double[] back = r.transforms().get(session).apply(inSession[0], inSession[1]);
            worst = Math.max(worst, Math.hypot(back[0] - p[0], back[1] - p[1]));
        }
        return worst;
    }

    @Test
    void shiftedAndRotatedSessionsAreRegisteredWithTheirTrueIdentities() {
        for (long seed : new long[]{1, 2}) {
            MultiSessionScenes scenes = MultiSessionScenes.make(320, 256, 400, 4, 4, 0.8, 25, 6, seed);
            RegistrationResult r = register(scenes, Alignment.RIGID);
            double[] pr = precisionRecall(scenes, r);
            System.out.printf("seed %d: %d true pairs, precision %.4f, recall %.4f%n", seed,
                    scenes.truePairs().size(), pr[0], pr[1]);
            assertTrue(pr[0] >= 0.95 && pr[1] >= 0.95, "precision " + pr[0] + ", recall " + pr[1]);
            for (int s = 1; s < scenes.sessions().size(); s++) {
                double error = alignmentError(scenes, r, s);
                SessionTransform t = r.transforms().get(s);
                System.out.printf("  session %d: dx %.2f dy %.2f rotation %.2f°, correlation %.3f, corner error "
                        + "%.2f px%n", s + 1, t.dx(), t.dy(), t.rotationDeg(), r.alignment()[s], error);
                assertTrue(error < 1.0, "session " + (s + 1) + " is misaligned by " + error + " px at a corner");
            }
        }
    }

    @Test
    void nonrigidAlignmentFollowsABentField() {
        // up to 6 px of bowing at the edges: rigid alignment cannot follow it, the quadratic field can
        MultiSessionScenes scenes = MultiSessionScenes.make(320, 256, 400, 4, 3, 0.8, 10, 3, 6, 5);
        RegistrationResult rigid = register(scenes, Alignment.RIGID);
        RegistrationResult nonrigid = register(scenes, Alignment.NONRIGID);
        double[] a = precisionRecall(scenes, rigid);
        double[] b = precisionRecall(scenes, nonrigid);
        double rigidError = 0;
        double bentError = 0;
        for (int s = 1; s < 3; s++) {
            rigidError = Math.max(rigidError, alignmentError(scenes, rigid, s));
            bentError = Math.max(bentError, alignmentError(scenes, nonrigid, s));
        }
        System.out.printf("bent field: rigid precision %.4f recall %.4f, corner error %.2f px; nonrigid %.4f %.4f, "
                + "%.2f px%n", a[0], a[1], rigidError, b[0], b[1], bentError);
        assertTrue(b[0] >= 0.95 && b[1] >= 0.95, "nonrigid precision " + b[0] + ", recall " + b[1]);
        assertTrue(bentError < 1.5 && bentError < rigidError / 2, "corner error nonrigid " + bentError
                + " px against rigid " + rigidError + " px");
    }

    @Test
    void translationOnlyFindsAShift() {
        MultiSessionScenes scenes = MultiSessionScenes.make(256, 256, 250, 5, 3, 0.8, 25, 0, 3);
        RegistrationResult r = register(scenes, Alignment.TRANSLATION);
        double[] pr = precisionRecall(scenes, r);
        assertTrue(pr[0] >= 0.95 && pr[1] >= 0.95, "precision " + pr[0] + ", recall " + pr[1]);
        for (int s = 1; s < 3; s++) {
            assertEquals(0, r.transforms().get(s).rotationDeg());
            assertTrue(alignmentError(scenes, r, s) < 0.5, "session " + (s + 1));
        }
    }

    @Test
    void eachRegisteredCellHoldsAtMostOneCellPerSessionAndEveryCellOnce() {
        MultiSessionScenes scenes = MultiSessionScenes.make(256, 256, 300, 4, 3, 0.8, 20, 5, 4);
        RegistrationResult r = register(scenes, Alignment.RIGID);
        for (int s = 0; s < 3; s++) {
            boolean[] seen = new boolean[scenes.sessions().get(s).cells()];
            for (int[] cell : r.cells()) {
                if (cell[s] >= 0) {
                    assertTrue(!seen[cell[s]], "cell " + cell[s] + " of session " + (s + 1) + " registered twice");
                    seen[cell[s]] = true;
                }
            }
            for (int i = 0; i < seen.length; i++) {
                assertTrue(seen[i], "cell " + i + " of session " + (s + 1) + " is in no registered cell");
            }
        }
        for (double score : r.scores()) {
            assertTrue(score >= 0 && score <= 1);
        }
    }

    @Test
    void badInputIsNamed() {
        MultiSessionScenes scenes = MultiSessionScenes.make(128, 128, 40, 4, 2, 0.9, 5, 2, 6);
        RegistrationSettings settings = RegistrationSettings.defaults();
        InputException one = assertThrows(InputException.class, () -> SessionRegistration.register(
                List.of(scenes.sessions().get(0)), settings, ProgressListener.NONE));
        assertTrue(one.getMessage().contains("two or more"), one.getMessage());
        InputException range = assertThrows(InputException.class, () -> SessionRegistration.register(
                scenes.sessions(), new RegistrationSettings(3, 1, Alignment.RIGID, 14, 0.5, 10),
                ProgressListener.NONE));
        assertTrue(range.getMessage().contains("'reference'") && range.getMessage().contains("1 to 2"),
                range.getMessage());
        Session empty = new Session("empty.csv", 128, 128, List.of(), List.of());
        InputException none = assertThrows(InputException.class, () -> SessionRegistration.register(
                List.of(scenes.sessions().get(0), empty), settings, ProgressListener.NONE));
        assertTrue(none.getMessage().contains("empty.csv") && none.getMessage().contains("no cells"),
                none.getMessage());
        InputException threshold = assertThrows(InputException.class, () -> SessionRegistration.register(
                scenes.sessions(), new RegistrationSettings(1, 1, Alignment.RIGID, 14, 1.5, 10),
                ProgressListener.NONE));
        assertTrue(threshold.getMessage().contains("pSame"), threshold.getMessage());
    }
}
