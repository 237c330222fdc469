package org.spikescope.motion;

import org.spikescope.core.Choice;
import org.spikescope.core.SettingsCheck;


/**
 * How a movie is motion corrected.
 *
 * @param mode                rigid (one shift per frame) or piecewise (NoRMCorre: a shift per patch, spread into
 *                            a smooth field)
 * @param maxShift            largest displacement searched, pixels
 * @param cellRadius          typical cell radius, pixels: sets the band-pass (and the binning) used to estimate
 *                            shifts, as CaImAn's gSig_filt
 * @param patchSize           side of each patch, pixels (piecewise)
 * @param patchOverlap        overlap of neighbouring patches, pixels (piecewise)
 * @param maxDeviation        largest difference between a patch's shift and the frame's rigid shift, pixels
 * @param minPatchCorrelation a patch whose normalised correlation with the template stays below this has too
 *                            little structure to trust: its shift comes from its neighbours (and, if they know
 *                            nothing either, from the rigid shift)
 * @param templateFrames      good frames averaged (after registration) into the first template
 * @param templateUpdate      frames between template updates (the mean of the frames corrected since the last
 *                            one); 0 keeps the first template
 */
public record MotionSettings(MotionMode mode, double maxShift, double cellRadius, int patchSize, int patchOverlap,
                             double maxDeviation, double minPatchCorrelation, int templateFrames,
                             int templateUpdate) {

    public MotionSettings {
        mode = mode == null ? MotionMode.RIGID : mode;
    }

    public static MotionSettings defaults() {
        return new MotionSettings(MotionMode.RIGID, 10, 5, 96, 32, 3, 0.1, 100, 200);
    }

    public boolean piecewise() {
        return mode == MotionMode.PIECEWISE;
    }

    /** @param m rigid or piecewise (any case) */
    public MotionSettings withMode(String m) {
        return withMode(Choice.parse(MotionMode.class, m, "mode"));
    }

    public MotionSettings withMode(MotionMode m) {
        return new MotionSettings(m, maxShift, cellRadius, patchSize, patchOverlap, maxDeviation,
                minPatchCorrelation, templateFrames, templateUpdate);
    }

    public MotionSettings withMaxShift(double pixels) {
        return withShape(pixels, cellRadius);
    }

    public MotionSettings withCellRadius(double pixels) {
        return withShape(maxShift, pixels);
    }

    public MotionSettings withShape(double maxShiftPixels, double cellRadiusPixels) {
        return new MotionSettings(mode, maxShiftPixels, cellRadiusPixels, patchSize, patchOverlap, maxDeviation,
                minPatchCorrelation, templateFrames, templateUpdate);
    }

    public MotionSettings withPatches(int size, int overlap) {
        return new MotionSettings(mode, maxShift, cellRadius, size, overlap, maxDeviation, minPatchCorrelation,
                templateFrames, templateUpdate);
    }

    public MotionSettings withTemplate(int frames, int update) {
        return new MotionSettings(mode, maxShift, cellRadius, patchSize, patchOverlap, maxDeviation,
                minPatchCorrelation, frames, update);
    }

    public MotionSettings validate() {
        new SettingsCheck("motion settings")
                .between("maxShift", maxShift, 0, 200)
                .between("cellRadius", cellRadius, 1, 50)
                .require(patchSize >= 4 * cellRadius, "patchSize must be at least 4 cell radii (got " + patchSize
                        + " px for a cell radius of " + cellRadius + " px)")
                .require(patchOverlap >= 0 && patchOverlap < patchSize, "patchOverlap must be 0 or more and smaller"
                        + " than patchSize (got " + patchOverlap + ")")
                .nonNegative("maxDeviation", maxDeviation)
                .between("minPatchCorrelation", minPatchCorrelation, 0, 1)
                .positive("templateFrames", templateFrames)
                .nonNegative("templateUpdate", templateUpdate)
                .done();
        return this;
    }
}
