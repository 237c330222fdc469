package org.spikescope.spikes;

/**
 * One cell's deconvolution. Arrays have one value per frame; when the cell could not be deconvolved,
 * {@code error} says why and the arrays hold NaN.
 *
 * @param spikes     inferred spikes per frame (trace units)
 * @param calcium    denoised calcium, baseline removed
 * @param baseline   the (slowly drifting) baseline that was removed
 * @param sigma      noise standard deviation
 * @param g          AR coefficients used
 * @param lambda     L1 penalty used (0 for L0)
 * @param sMin       smallest spike allowed (0 for L1)
 * @param lagFrames  frames by which spikes were moved earlier to undo the indicator's rise (AR1 models)
 * @param snr        median spike size over σ
 */
public record CellResult(String name, double[] spikes, double[] calcium, double[] baseline, double sigma,
                         double[] g, double lambda, double sMin, double lagFrames, double snr, String error) {

    public boolean ok() {
        return error == null;
    }

    public double decaySeconds(double frameRate) {
        return g.length == 0 ? Double.NaN : ArEstimate.decaySeconds(g, frameRate);
    }

    static CellResult failed(String name, int frames, String error) {
        double[] nan = new double[frames];
        java.util.Arrays.fill(nan, Double.NaN);
        return new CellResult(name, nan, nan.clone(), nan.clone(), Double.NaN, new double[0], Double.NaN,
                Double.NaN, 0, Double.NaN, error);
    }
}
