package org.spikescope.spikes;

import org.spikescope.core.SettingsCheck;

import java.util.List;
import java.util.Locale;

/**
 * How traces are deconvolved.
 *
 * @param model                    auto, AR1 or AR2 (auto: AR1 with rise-time compensation, which scores best on
 *                                 the ground truth; AR2 places spikes at the rise itself)
 * @param penalty                  L1 (λ chosen so that the fit explains the trace to the noise level, the default)
 *                                 or L0 (the smallest spike size that does the same: sparser spikes)
 * @param minSpikeSize             smallest spike, in trace units; 0 = chosen by the noise constraint
 * @param baselineWindowSeconds    window of the running baseline percentile (drift removal)
 * @param baselinePercentile       percentile taken as baseline in each window
 */
public record DeconvolutionSettings(String model, String penalty, double minSpikeSize, double baselineWindowSeconds,
                                    double baselinePercentile) {

    public static final List<String> MODELS = List.of("auto", "AR1", "AR2");
    public static final List<String> PENALTIES = List.of("L0", "L1");

    public static DeconvolutionSettings defaults() {
        return new DeconvolutionSettings("auto", "L1", 0, 60, 8);
    }

    public DeconvolutionSettings {
        model = canonical(model, MODELS);
        penalty = canonical(penalty, PENALTIES);
    }

    private static String canonical(String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.trim())) {
                return a;
            }
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    public DeconvolutionSettings validate() {
        new SettingsCheck("deconvolution settings")
                .oneOf("model", model, MODELS)
                .oneOf("penalty", penalty, PENALTIES)
                .require(minSpikeSize >= 0, "minSpikeSize must be 0 (automatic) or positive (got " + minSpikeSize
                        + ")")
                .positive("baselineWindowSeconds", baselineWindowSeconds)
                .between("baselinePercentile", baselinePercentile, 0, 50)
                .done();
        return this;
    }
}
