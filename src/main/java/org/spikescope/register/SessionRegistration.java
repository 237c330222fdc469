package org.spikescope.register;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Cross-session registration (CellReg class, Sheintuch et al. 2017): every session aligned to the reference by its
 * footprints' projection, the neighbouring cell pairs across sessions compared by centroid distance and spatial
 * correlation, a same/different cells model fitted to the correlations, and the cells clustered into registered
 * cells with at most one cell per session.
 */
public final class SessionRegistration {

    /** Pairs at least this certain steer a nonrigid alignment's displacement field. */
    static final double CONFIDENT = 0.9;
    /** The least number of confident pairs that fit a session's field (6 terms per component). */
    static final int MIN_FIELD_PAIRS = 30;
    /** The largest image side registered: alignment correlates images padded to twice their size. */
    public static final int MAX_SIDE = 2048;

    private SessionRegistration() {
    }

    public static RegistrationResult register(List<Session> sessions, RegistrationSettings settings,
                                              ProgressListener progress) {
        settings.validate();
        if (sessions.size() < 2) {
            throw new InputException("parameter 'sessions': " + sessions.size() + " session given; registration "
                    + "needs two or more");
        }
        checkReference(settings, sessions.size());
        for (Session s : sessions) {
            if (s.cells() == 0) {
                throw new InputException("parameter 'sessions': " + s.label() + " holds no cells");
            }
            if (s.width() > MAX_SIDE || s.height() > MAX_SIDE) {
                throw new InputException("parameter 'sessions': " + s.label() + " is " + s.width() + "x" + s.height()
                        + " px; registration takes images of at most " + MAX_SIDE + " px a side (bin it first)");
            }
        }
        int ref = settings.reference() - 1;
        Session reference = sessions.get(ref);
        int maxWidth = 0;
        int maxHeight = 0;
        List<float[]> images = new ArrayList<>();
        for (Session s : sessions) {
            maxWidth = Math.max(maxWidth, s.width());
            maxHeight = Math.max(maxHeight, s.height());
            images.add(Projections.maximum(s.footprints(), s.width(), s.height()));
        }
        List<float[]> alignedOn = settings.alignOn() == AlignOn.FOOTPRINTS ? images : summaryImages(sessions,
                settings.alignOn());
        SessionAligner aligner = new SessionAligner(alignedOn.get(ref), reference.width(), reference.height(),
                maxWidth, maxHeight);
        List<SessionTransform> transforms = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            progress.checkCancelled();
            progress.stage("Aligning session " + (s + 1) + " of " + sessions.size());
            Session session = sessions.get(s);
            transforms.add(s == ref ? SessionTransform.identity((reference.width() - 1) / 2.0,
                    (reference.height() - 1) / 2.0)
                    : aligner.align(alignedOn.get(s), session.width(), session.height(),
                    settings.alignment() == Alignment.TRANSLATION ? 0 : settings.maxRotation()));
        }
        Matching matching = match(sessions, transforms, ref, settings, progress);
        if (settings.alignment() == Alignment.NONRIGID) {
            progress.stage("Fitting displacement fields");
            transforms = DisplacementFields.refine(transforms, matching.cells, matching.pairs, ref, CONFIDENT,
                    MIN_FIELD_PAIRS);
            matching = match(sessions, transforms, ref, settings, progress);
        }
        progress.stage("Registering cells");
        int[] sizes = sessions.stream().mapToInt(Session::cells).toArray();
        CellClusters.Result clusters = CellClusters.cluster(sizes, matching.pairs, settings.pSame());
        List<float[]> projections = new ArrayList<>();
        double[] alignment = new double[sessions.size()];
        for (int s = 0; s < sessions.size(); s++) {
            Session session = sessions.get(s);
            float[] moved = s == ref ? images.get(s) : Projections.onReference(images.get(s), session.width(),
                    session.height(), transforms.get(s), reference.width(), reference.height());
            projections.add(moved);
            alignment[s] = Projections.correlation(images.get(ref), moved, Projections.coverage(session.width(),
                    session.height(), transforms.get(s), reference.width(), reference.height()));
        }
        List<List<org.spikescope.core.Footprint>> aligned = new ArrayList<>();
        for (AlignedCells a : matching.cells) {
            aligned.add(a.footprints);
        }
        return new RegistrationResult(sessions, ref, transforms, alignment, matching.pairs, matching.model,
                matching.distances, clusters.cells(), clusters.scores(), projections, aligned, settings);
    }

    /** Each session's mean or correlation image, as its results bundle keeps it; refused for a session without. */
    private static List<float[]> summaryImages(List<Session> sessions, AlignOn kind) {
        List<float[]> out = new ArrayList<>();
        for (Session s : sessions) {
            float[] image = s.images().get(kind.label());
            if (image == null) {
                throw new InputException("parameter 'alignOn': " + s.label() + " holds no " + kind.label()
                        + " image (only results bundles and results.h5 files of Detect Neurons or the pipeline "
                        + "do); align on footprints");
            }
            out.add(image);
        }
        return out;
    }

    /** The reference must be one of the sessions given. */
    static void checkReference(RegistrationSettings settings, int sessions) {
        if (settings.reference() > sessions) {
            throw new InputException("parameter 'reference': session " + settings.reference() + " asked for, but "
                    + sessions + " sessions were given (1 to " + sessions + ")");
        }
    }

    /** Aligned cells, candidate pairs with P_same, and the model that gave it. */
    private record Matching(List<AlignedCells> cells, List<CellPair> pairs, SameCellModel model,
                            DistanceModel distances) {
    }

    private static Matching match(List<Session> sessions, List<SessionTransform> transforms, int ref,
                                  RegistrationSettings settings, ProgressListener progress) {
        List<AlignedCells> cells = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            cells.add(AlignedCells.of(sessions.get(s), transforms.get(s), s == ref));
        }
        progress.stage("Comparing neighbouring cells across sessions");
        long pixels = (long) sessions.get(ref).width() * sessions.get(ref).height();
        List<CellPair> pairs = CandidatePairs.find(cells, settings.maxDistancePixels(), pixels, progress);
        if (pairs.isEmpty()) {
            throw new InputException("no cells of different sessions lie within maxDistance = "
                    + settings.maxDistance() + " µm (" + settings.maxDistancePixels() + " px at pixelSize "
                    + settings.pixelSize() + " µm) of each other once aligned: is pixelSize right, do the sessions "
                    + "show the same field?");
        }
        progress.stage("Fitting the same-cell model to " + pairs.size() + " pairs");
        double[] correlations = pairs.stream().mapToDouble(CellPair::correlation).toArray();
        SameCellModel model = SameCellModel.fit(correlations);
        List<CellPair> scored = new ArrayList<>(pairs.size());
        for (CellPair p : pairs) {
            scored.add(p.withPSame(model.pSame(p.correlation())));
        }
        DistanceModel distances = DistanceModel.fit(pairs.stream().mapToDouble(CellPair::distance).toArray(),
                settings.maxDistancePixels());
        return new Matching(cells, scored, model, distances);
    }
}
