package org.spikescope.traces;

import org.spikescope.core.SettingsCheck;

/**
 * How traces are measured from known footprints.
 *
 * @param cellRadius         typical cell radius, pixels: sets the scale of the background removal
 * @param baselinePercentile ΔF/F baseline: this low percentile of the trace…
 * @param baselineSeconds    …in a sliding window this long
 * @param backgroundPatterns fluctuating background patterns modelled besides the smooth background
 *                           ({@link org.spikescope.cells.BackgroundPatterns})
 */
public record TraceSettings(double cellRadius, double baselinePercentile, double baselineSeconds,
                            int backgroundPatterns) {

    public static TraceSettings defaults() {
        return new TraceSettings(5, 8, 30, 1);
    }

    public TraceSettings withCellRadius(double radius) {
        return new TraceSettings(radius, baselinePercentile, baselineSeconds, backgroundPatterns);
    }

    public TraceSettings validate() {
        new SettingsCheck("trace settings")
                .between("cellRadius", cellRadius, 1, 100)
                .between("baselinePercentile", baselinePercentile, 0, 100)
                .positive("baselineSeconds", baselineSeconds)
                .between("backgroundPatterns", backgroundPatterns, 0, 10)
                .done();
        return this;
    }

    /** The baseline window in frames at {@code frameRate} Hz (at least 3). */
    public int baselineFrames(double frameRate) {
        return Math.max(3, (int) Math.round(baselineSeconds * frameRate));
    }
}
