package org.spikescope.spikes.learned;

import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models the plugin ships ({@code src/main/resources/org/spikescope/spikes/models}), one per frame rate, and
 * the choice among them: the model whose rate is nearest the recording's (by ratio), refused when even that one is
 * 2× off or more (train one with "Train Spike Inference Model").
 */
public final class ShippedModels {

    /** The shipped frame rates, Hz; file {@code <rate>Hz.json} each. */
    public static final double[] RATES = {7.5, 15, 20, 30};

    private static final Map<String, SpikeModel> LOADED = new ConcurrentHashMap<>();

    /** A model in use and what to tell the user about the choice (empty when the rates match). */
    public record Chosen(String name, SpikeModel model, String note) {
    }

    private ShippedModels() {
    }

    public static String name(double rate) {
        return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "Hz";
    }

    /** The shipped model for {@code frameRate}, or the user's model file when {@code file} is given. */
    public static Chosen choose(double frameRate, Path file) throws IOException {
        if (file != null) {
            SpikeModel m = SpikeModelFiles.read(file);
            return new Chosen(file.getFileName().toString(), m, note(frameRate, m.frameRate(), file.toString()));
        }
        double best = RATES[0];
        for (double r : RATES) {
            if (Math.abs(Math.log(r / frameRate)) < Math.abs(Math.log(best / frameRate))) {
                best = r;
            }
        }
        String name = name(best);
        String note = note(frameRate, best, "the shipped " + name + " model");
        SpikeModel m = LOADED.get(name);
        if (m == null) {
            m = SpikeModelFiles.readResource(name);
            LOADED.put(name, m);
        }
        return new Chosen(name, m, note);
    }

    private static String note(double frameRate, double modelRate, String what) {
        double ratio = Math.max(frameRate / modelRate, modelRate / frameRate);
        if (ratio >= 2) {
            throw new InputException(String.format(Locale.ROOT, "the traces are at %.3g Hz and %s is for %.3g Hz "
                    + "(%.2f× apart; 2× or more is refused): train a model for this rate with \"Train Spike "
                    + "Inference Model\"", frameRate, what, modelRate, ratio));
        }
        return ratio > 1.001 ? String.format(Locale.ROOT, "no model for %.3g Hz: %s (%.3g Hz) was used, the traces "
                + "resampled to its rate", frameRate, what, modelRate) : "";
    }
}
