package org.spikescope.motion;

/**
 * Registers frames against a template: a rigid shift for the whole frame and, in piecewise mode, a shift per
 * patch searched around it (NoRMCorre). Frames are binned and high-passed once ({@link Prefilter}); every shift
 * comes from FFT cross-correlation with sub-pixel refinement ({@link ShiftEstimator}).
 *
 * <p>Convention: (x, y) is the displacement of the frame's content relative to the template, in pixels (positive
 * x = right, positive y = down); the frame at q shows the template at q − (x, y). Not thread-safe: one instance
 * per thread.
 */
public final class FrameRegistration {

    private final MotionSettings settings;
    private final Prefilter prefilter;
    private final int bin;
    private final int binnedWidth;
    private final ShiftEstimator whole;
    private final PatchGrid grid;
    private final ShiftEstimator[] patches;
    private final float[][] filtered;
    /** Rounds of moving patch estimates to the patch centres (each uses the field fitted in the last). */
    static final int BIAS_ROUNDS = 2;

    /**
     * One frame's shifts.
     *
     * @param patches   {x, y} per patch in piecewise mode (the fitted field at the patch centres), else null
     * @param fallbacks    patches whose own estimate carried no information (their shift comes from their neighbours)
     * @param atSearchEdge the frame's best whole-pixel shift lay on the rim of the shifts searched (maxShift): the
     *                     field may have moved farther
     */
    public record Shifts(double x, double y, double[][] patches, int fallbacks, boolean atSearchEdge) {
    }

    public FrameRegistration(int width, int height, MotionSettings settings) {
        this.settings = settings.validate();
        this.bin = binFor(settings.cellRadius());
        this.prefilter = new Prefilter(width, height, bin, (int) Math.max(1, Math.round(settings.cellRadius() / bin)));
        this.binnedWidth = prefilter.binnedWidth();
        int h = prefilter.binnedHeight();
        double radius = settings.cellRadius() / bin;
        this.whole = new ShiftEstimator(binnedWidth, h, radius,
                taperWidth(Math.min(binnedWidth, h), settings.maxShift() / bin), false);
        this.filtered = prefilter.newImage();
        if (settings.piecewise()) {
            int margin = (int) Math.ceil(settings.maxShift() / bin) + 1;
            this.grid = new PatchGrid(binnedWidth, h, settings.patchSize() / bin, settings.patchOverlap() / bin,
                    margin, bin);
            this.patches = new ShiftEstimator[grid.count()];
            int taper = taperWidth(grid.size(), settings.maxDeviation() / bin + 1);
            for (int p = 0; p < patches.length; p++) {
                patches[p] = new ShiftEstimator(grid.size(), grid.size(), radius, taper, true);
            }
        } else {
            this.grid = null;
            this.patches = null;
        }
    }

    /** Binning that leaves a cell at least 2.5 px in radius: finer detail adds cost, not accuracy. */
    static int binFor(double cellRadius) {
        return Math.max(1, Math.min(4, (int) (cellRadius / 2.5)));
    }

    /** An eighth of the image, and at least the largest shift so that little content wraps into view. */
    static int taperWidth(int size, double maxShift) {
        return Math.max(size / 8, (int) Math.ceil(maxShift) + 2);
    }

    /** The patch layout in piecewise mode, else null. */
    public PatchGrid grid() {
        return grid;
    }

    /** Pixels are summed in blocks of this many along each side before any estimate. */
    int bin() {
        return bin;
    }

    int binnedWidth() {
        return binnedWidth;
    }

    int binnedHeight() {
        return prefilter.binnedHeight();
    }

    /** {@code frame} binned into {@code out} (binnedWidth × binnedHeight, row-major). */
    void bin(float[] frame, float[] out) {
        prefilter.bin(frame, filtered);
        flatten(filtered, out);
    }

    private static void flatten(float[][] rows, float[] out) {
        for (int y = 0; y < rows.length; y++) {
            System.arraycopy(rows[y], 0, out, y * rows[y].length, rows[y].length);
        }
    }

    private static void unflatten(float[] image, float[][] rows) {
        for (int y = 0; y < rows.length; y++) {
            System.arraycopy(image, y * rows[y].length, rows[y], 0, rows[y].length);
        }
    }

    /** The image every frame is registered against. */
    public void setTemplate(float[] template) {
        prefilter.apply(template, filtered);
        useFilteredTemplate();
    }

    /** As {@link #setTemplate}, for a template already binned. */
    void setBinnedTemplate(float[] binned) {
        unflatten(binned, filtered);
        prefilter.highPass(filtered);
        useFilteredTemplate();
    }

    private void useFilteredTemplate() {
        whole.setTemplate(filtered, 0, 0);
        if (patches != null) {
            for (int p = 0; p < patches.length; p++) {
                patches[p].setTemplate(filtered, grid.originX(p), grid.originY(p));
            }
        }
    }

    /** The rigid shift of a frame already binned, in binned pixels: {x, y}. */
    double[] registerBinned(float[] binned) {
        unflatten(binned, filtered);
        prefilter.highPass(filtered);
        ShiftEstimator.Estimate rigid = rigid();
        return new double[]{rigid.x(), rigid.y()};
    }

    private ShiftEstimator.Estimate rigid() {
        return whole.estimate(filtered, 0, 0, 0, 0, settings.maxShift() / bin);
    }

    public Shifts register(float[] frame) {
        prefilter.apply(frame, filtered);
        ShiftEstimator.Estimate rigid = rigid();
        if (patches == null) {
            return new Shifts(rigid.x() * bin, rigid.y() * bin, null, 0, rigid.atEdge());
        }
        double[][] estimates = new double[patches.length][];
        double[][] curvatures = new double[patches.length][];
        int fallbacks = 0;
        int ox = (int) Math.round(rigid.x());
        int oy = (int) Math.round(rigid.y());
        double deviation = settings.maxDeviation() / bin;
        int h = prefilter.binnedHeight();
        for (int p = 0; p < patches.length; p++) {
            // the frame's patch is cut where the rigid shift moved the template's patch, so that only the small
            // local deviation is left to find and the two tapers stay aligned (no pull towards zero shift)
            int x0 = Math.max(0, Math.min(binnedWidth - grid.size(), grid.originX(p) + ox));
            int y0 = Math.max(0, Math.min(h - grid.size(), grid.originY(p) + oy));
            int dx = x0 - grid.originX(p);
            int dy = y0 - grid.originY(p);
            ShiftEstimator.Estimate e = patches[p].estimate(filtered, x0, y0,
                    rigid.x() - dx, rigid.y() - dy, deviation);
            estimates[p] = new double[]{e.x() + dx, e.y() + dy};
            double[] k = e.curvature();
            boolean informative = k[0] > 0 && k[0] * k[1] - k[2] * k[2] > 0
                    && e.correlation() >= settings.minPatchCorrelation()
                    && Math.abs(estimates[p][0] - rigid.x()) <= deviation
                    && Math.abs(estimates[p][1] - rigid.y()) <= deviation;
            curvatures[p] = informative ? k : new double[3];
            if (!informative) {
                fallbacks++;
            }
        }
        double[][] shifts = PatchFieldFit.fit(grid.rows(), grid.columns(), estimates, curvatures, rigid.x(),
                rigid.y());
        for (int round = 0; round < BIAS_ROUNDS; round++) {
            // each patch measured the shift where its structure lies: move the estimates to the patch centres
            // using the field's gradient, then fit again
            double[][] j = PatchFieldFit.gradients(grid, shifts, bin);
            double[][] centred = new double[patches.length][];
            for (int p = 0; p < patches.length; p++) {
                double[] b = patches[p].bias(j[p][0], j[p][1], j[p][2], j[p][3]);
                centred[p] = new double[]{estimates[p][0] - b[0], estimates[p][1] - b[1]};
            }
            shifts = PatchFieldFit.fit(grid.rows(), grid.columns(), centred, curvatures, rigid.x(), rigid.y());
        }
        for (double[] s : shifts) {
            s[0] *= bin;
            s[1] *= bin;
        }
        return new Shifts(rigid.x() * bin, rigid.y() * bin, shifts, fallbacks, rigid.atEdge());
    }
}
