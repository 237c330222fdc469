package org.spikescope.register;

import org.spikescope.core.SettingsCheck;

/**
 * How sessions are registered.
 *
 * @param reference   the session the others are aligned to, counted from 1
 * @param pixelSize   µm per pixel, for distances
 * @param alignment   translation, rigid (translation and rotation) or nonrigid
 * @param maxDistance µm: cell pairs whose aligned centroids lie farther apart are never the same cell (CellReg: 14)
 * @param pSame       the probability at which a pair counts as one cell (CellReg: 0.5)
 * @param maxRotation degrees searched either way by rigid and nonrigid alignment
 * @param alignOn     the images sessions are aligned on: footprints' projections, or bundles' mean or correlation
 *                    images
 */
public record RegistrationSettings(int reference, double pixelSize, Alignment alignment, double maxDistance,
                                   double pSame, double maxRotation, AlignOn alignOn) {

    public RegistrationSettings(int reference, double pixelSize, Alignment alignment, double maxDistance,
                                double pSame, double maxRotation) {
        this(reference, pixelSize, alignment, maxDistance, pSame, maxRotation, AlignOn.FOOTPRINTS);
    }

    public static RegistrationSettings defaults() {
        return new RegistrationSettings(1, 1.0, Alignment.RIGID, 14, 0.5, 10);
    }

    public RegistrationSettings validate() {
        new SettingsCheck("registration settings")
                .require(reference >= 1, "reference must be 1 or more (got " + reference + ")")
                .positive("pixelSize", pixelSize)
                .require(alignment != null, "alignment must be translation, rigid or nonrigid")
                .positive("maxDistance", maxDistance)
                .between("pSame", pSame, 0.01, 0.99)
                .between("maxRotation", maxRotation, 0, 45)
                .require(alignOn != null, "alignOn must be footprints, mean or correlation")
                .done();
        return this;
    }

    /** The largest distance in pixels. */
    double maxDistancePixels() {
        return maxDistance / pixelSize;
    }
}
