package org.spikescope.detect;

import org.spikescope.core.CopiedBorder;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.cells.BackgroundPatterns;
import org.spikescope.cells.CellModel;
import org.spikescope.cells.CellMovie;
import org.spikescope.cells.CellTraces;
import org.spikescope.cells.DeltaF;
import org.spikescope.cells.TraceExtractor;

import java.util.List;
import java.util.Set;

/**
 * The detection stage, CNMF-E in spirit (Zhou et al. 2018) and streaming throughout: summary images → seeds →
 * first footprints → traces → rounds of (merge and drop, refine footprints, traces; after the first refinement,
 * more cells from the residual: {@link ResidualSeeds}) → ΔF/F. Every step is a pass over the movie that keeps
 * per-pixel images, per-cell windows and the traces, so memory does not grow with the movie's length beyond the
 * traces themselves. Cells are handled in windows around them rather than in patches,
 * so a cell on a patch border cannot be lost or counted twice.
 */
public final class NeuronDetector {

    /**
     * Decay times an estimate may give, seconds (from fast GCaMP variants to the slowest indicators seen in
     * one-photon recordings), and what is assumed when the movie shows too little activity to measure it.
     */
    static final double FASTEST_DECAY = 0.1;
    static final double SLOWEST_DECAY = 20;
    static final double ASSUMED_DECAY = 0.5;

    private NeuronDetector() {
    }

    /** @param excluded frames no estimate may use (corrupted or damaged); their trace values are interpolated */
    public static DetectionResult detect(FrameSource source, DetectionSettings settings, Set<Integer> excluded,
                                         ProgressListener progress) {
        return detect(source, settings, excluded, CopiedBorder.NONE, progress);
    }

    /** @param border where motion correction filled the frames with edge copies: no cell is seeded there */
    public static DetectionResult detect(FrameSource source, DetectionSettings settings, Set<Integer> excluded,
                                         CopiedBorder border, ProgressListener progress) {
        settings.validate();
        CellMovie movie = CellMovie.of(source, settings.cellRadius(), excluded);
        try (Workers pool = new Workers()) {
            double rate = source.times().frameRate();
            double decay = settings.givenDecaySeconds();
            Kinetics given = decay > 0 ? Kinetics.given(decay, rate) : null;
            SummaryImages summary = SummaryImages.compute(movie, given,
                    new Kinetics.Range(rate, ASSUMED_DECAY, FASTEST_DECAY, SLOWEST_DECAY), pool, progress);
            Kinetics kinetics = summary.kinetics();
            double driftFrames = kinetics.driftFrames();
            List<int[]> seeds = SeedFinder.find(summary, settings, border);
            progress.stage("Found " + seeds.size() + " candidate cells");
            int candidates = seeds.size();
            List<Footprint> footprints = FootprintInitialiser.initialise(movie, seeds, summary, settings,
                    kinetics, pool, progress);
            footprints = footprints.stream().filter(f -> Curation.area(f) > 0).toList();
            int rounds = settings.iterations();
            CellTraces traces = TraceExtractor.extract(movie, footprints, null, rounds == 0, pool, progress);
            float[][] patterns = new float[0][];
            double[] spatialCorrelation = null;
            for (int round = 0; round < rounds; round++) {
                CellModel known = new CellModel(footprints, traces.raw(), patterns);
                footprints = Curation.curate(footprints, traces.raw(), settings, kinetics, spatialCorrelation,
                        true, movie.width(), movie.height());
                traces = TraceExtractor.extract(movie, footprints, known, false, pool, progress);
                known = new CellModel(footprints, traces.raw(), patterns);
                SpatialUpdate.Refined refined;
                if (round == 0) {
                    // the cells are known well enough now to see the background patterns they leave; the footprints'
                    // update sees the same background-free frames, in the same pass
                    SpatialUpdate.Pass update = new SpatialUpdate.Pass(movie, footprints, traces.raw(), driftFrames);
                    patterns = BackgroundPatterns.estimate(movie, update.model(), settings.backgroundPatterns(),
                            (int) Math.round(driftFrames), pool, progress, update::visitor);
                    refined = update.solve();
                    known = known.withPatterns(patterns);
                } else {
                    refined = SpatialUpdate.update(movie, footprints, traces.raw(), driftFrames, pool, progress);
                }
                footprints = refined.footprints();
                spatialCorrelation = refined.spatialCorrelation();
                if (round == 0 && rounds > 1) {
                    // the cells found so far are good enough to take out: look for dim ones beside them, which
                    // the next round judges (traces, size) and refines with the rest
                    ResidualSeeds more = ResidualSeeds.find(movie, new CellModel(footprints, traces.raw()),
                            summary, settings, border, pool, progress);
                    candidates += more.seeds();
                    footprints = concat(footprints, more.footprints());
                    spatialCorrelation = Curation.notYetRefined(spatialCorrelation, more.footprints().size());
                }
                // only the last round's traces give ΔF/F, which needs the background under each cell
                traces = TraceExtractor.extract(movie, footprints, known, round == rounds - 1, pool, progress);
            }
            // the last refinement can leave components that no longer pass: drop them, and measure again if any went
            List<Footprint> kept = Curation.curate(footprints, traces.raw(), settings, kinetics,
                    spatialCorrelation, false, movie.width(), movie.height());
            double[] quality = new double[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                int before = footprints.indexOf(kept.get(i));
                quality[i] = spatialCorrelation == null || before < 0 ? Double.NaN : spatialCorrelation[before];
            }
            if (kept.size() < footprints.size()) {
                CellModel known = new CellModel(footprints, traces.raw(), patterns);
                footprints = kept;
                traces = TraceExtractor.extract(movie, footprints, known, true, pool, progress);
            }
            double[][] dff = DeltaF.compute(traces, settings.baselinePercentile(),
                    settings.traceSettings().baselineFrames(rate));
            return new DetectionResult(summary, candidates, footprints, traces, dff, source.times(), quality);
        }
    }

    private static List<Footprint> concat(List<Footprint> a, List<Footprint> b) {
        List<Footprint> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
