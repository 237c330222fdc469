package org.spikescope.detect;

import org.spikescope.core.Choice;
import org.spikescope.core.SettingsCheck;
import org.spikescope.traces.TraceSettings;

/**
 * How neurons are found in a (motion-corrected) one-photon movie.
 *
 * @param cellRadius        typical cell radius, pixels: sets the smoothing, the background's opening and the
 *                          search window around each cell
 * @param minCorrelation    a seed pixel's local correlation with its neighbours must reach this (CNMF-E min_corr)
 * @param minPnr            and its peak-to-noise ratio this (CNMF-E min_pnr)
 * @param mergeCorrelation  touching components whose traces correlate above this are one cell (CNMF-E merge_thr)
 * @param minTraceSnr       a component whose trace peaks below this many noise levels is dropped
 * @param iterations        rounds of spatial and temporal refinement
 * @param baselinePercentile ΔF/F baseline: this low percentile of the trace…
 * @param baselineSeconds   …in a sliding window this long
 * @param backgroundPatterns fluctuating background patterns modelled besides the smooth background (CaImAn's nb)
 * @param minSpatialCorrelation a footprint must correlate at least this well with the image its activity explains
 *                          (CaImAn's rval_thr)
 * @param decayTime         the calcium indicator's decay time constant, seconds (two-photon, cortex: 0.7 for GCaMP6f,
 *                          1.25 for GCaMP6s, {@link Indicator}; longer in many one-photon recordings); 0 = the
 *                          indicator's, or estimated from the movie. Every time constant of detection follows from
 *                          it ({@link Kinetics})
 * @param indicator         the indicator, for its decay time when {@code decayTime} is 0 ({@link Indicator});
 *                          unknown = estimate it from the movie
 */
public record DetectionSettings(double cellRadius, double minCorrelation, double minPnr, double mergeCorrelation,
                                double minTraceSnr, int iterations, double baselinePercentile,
                                double baselineSeconds, int backgroundPatterns, double minSpatialCorrelation,
                                double decayTime, Indicator indicator) {

    public DetectionSettings {
        indicator = indicator == null ? Indicator.UNKNOWN : indicator;
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(5, 0.8, 7, 0.8, 6, 2, 8, 30, 1, 0.5, 0, Indicator.UNKNOWN);
    }

    public DetectionSettings withCellRadius(double radius) {
        return new DetectionSettings(radius, minCorrelation, minPnr, mergeCorrelation, minTraceSnr, iterations,
                baselinePercentile, baselineSeconds, backgroundPatterns, minSpatialCorrelation, decayTime, indicator);
    }

    public DetectionSettings withSeeds(double correlation, double pnr) {
        return new DetectionSettings(cellRadius, correlation, pnr, mergeCorrelation, minTraceSnr, iterations,
                baselinePercentile, baselineSeconds, backgroundPatterns, minSpatialCorrelation, decayTime, indicator);
    }

    public DetectionSettings withBaseline(double percentile, double seconds) {
        return new DetectionSettings(cellRadius, minCorrelation, minPnr, mergeCorrelation, minTraceSnr, iterations,
                percentile, seconds, backgroundPatterns, minSpatialCorrelation, decayTime, indicator);
    }

    /** @param seconds the indicator's decay time constant, 0 = estimate it from the movie */
    public DetectionSettings withDecayTime(double seconds) {
        return new DetectionSettings(cellRadius, minCorrelation, minPnr, mergeCorrelation, minTraceSnr, iterations,
                baselinePercentile, baselineSeconds, backgroundPatterns, minSpatialCorrelation, seconds, indicator);
    }

    /** @param name the indicator's name (any case), or "unknown" to estimate its decay from the movie */
    public DetectionSettings withIndicator(String name) {
        return withIndicator(Choice.parse(Indicator.class, name, "indicator"));
    }

    public DetectionSettings withIndicator(Indicator value) {
        return new DetectionSettings(cellRadius, minCorrelation, minPnr, mergeCorrelation, minTraceSnr, iterations,
                baselinePercentile, baselineSeconds, backgroundPatterns, minSpatialCorrelation, decayTime, value);
    }

    /** The decay time detection is given, seconds: decayTime, else the indicator's; 0 = estimate it. */
    public double givenDecaySeconds() {
        return decayTime > 0 ? decayTime : indicator.decaySeconds();
    }

    /** How the traces of the cells found are measured. */
    public TraceSettings traceSettings() {
        return new TraceSettings(cellRadius, baselinePercentile, baselineSeconds, backgroundPatterns);
    }

    /** Half-width of the square window in which a cell's footprint may lie, pixels. */
    public int windowRadius() {
        return (int) Math.ceil(2 * cellRadius);
    }

    public DetectionSettings validate() {
        new SettingsCheck("detection settings")
                .between("cellRadius", cellRadius, 1, 100)
                .between("minCorrelation", minCorrelation, 0, 1)
                .nonNegative("minPnr", minPnr)
                .between("mergeCorrelation", mergeCorrelation, 0, 1)
                .nonNegative("minTraceSnr", minTraceSnr)
                .between("iterations", iterations, 0, 20)
                .between("baselinePercentile", baselinePercentile, 0, 100)
                .positive("baselineSeconds", baselineSeconds)
                .between("backgroundPatterns", backgroundPatterns, 0, 10)
                .between("minSpatialCorrelation", minSpatialCorrelation, -1, 1)
                .between("decayTime", decayTime, 0, 60)
                .require(decayTime == 0 || indicator == Indicator.UNKNOWN || decayTime == indicator.decaySeconds(),
                        "decayTime (" + decayTime + " s) and indicator (" + indicator.label() + ", "
                                + indicator.decaySeconds() + " s) disagree: give one of them")
                .done();
        return this;
    }
}
