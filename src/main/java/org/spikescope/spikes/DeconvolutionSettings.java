package org.spikescope.spikes;

import org.spikescope.core.Choice;
import org.spikescope.core.SettingsCheck;


/**
 * How traces are deconvolved, and by which method the pipeline infers spikes.
 *
 * @param model                    auto, AR1 or AR2 (auto: AR1 with rise-time compensation, which scores best on
 *                                 the ground truth; AR2 places spikes at the rise itself)
 * @param penalty                  L1 (λ chosen so that the fit explains the trace to the noise level, the default)
 *                                 or L0 (the smallest spike size that does the same: sparser spikes)
 * @param minSpikeSize             smallest spike, in trace units; 0 = chosen by the noise constraint
 * @param baselineWindowSeconds    window of the running baseline percentile (drift removal)
 * @param baselinePercentile       percentile taken as baseline in each window
 * @param method                   the pipeline's spike stage: oasis (this deconvolution) or learned (expected
 *                                 spikes per frame by the shipped model nearest the frame rate, "Infer Spike Rates")
 */
public record DeconvolutionSettings(CalciumModel model, SparsityPenalty penalty, double minSpikeSize,
                                    double baselineWindowSeconds, double baselinePercentile, SpikeMethod method) {

    public static DeconvolutionSettings defaults() {
        return new DeconvolutionSettings(CalciumModel.AUTO, SparsityPenalty.L1, 0, 60, 8, SpikeMethod.OASIS);
    }

    /** @param model auto, AR1 or AR2 @param penalty L0 or L1 (any case) */
    public DeconvolutionSettings withModel(String model, String penalty) {
        return new DeconvolutionSettings(Choice.parse(CalciumModel.class, model, "model"),
                Choice.parse(SparsityPenalty.class, penalty, "penalty"), minSpikeSize, baselineWindowSeconds,
                baselinePercentile, method);
    }

    public DeconvolutionSettings validate() {
        new SettingsCheck("deconvolution settings")
                .require(model != null, "model must be one of " + Choice.labels(CalciumModel.class))
                .require(penalty != null, "penalty must be one of " + Choice.labels(SparsityPenalty.class))
                .require(method != null, "method must be one of " + Choice.labels(SpikeMethod.class))
                .require(minSpikeSize >= 0, "minSpikeSize must be 0 (automatic) or positive (got " + minSpikeSize
                        + ")")
                .positive("baselineWindowSeconds", baselineWindowSeconds)
                .between("baselinePercentile", baselinePercentile, 0, 50)
                .done();
        return this;
    }
}
