package org.spikescope.spikes.learned;

import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;

import java.util.Arrays;

/**
 * Learned spike inference on ΔF/F traces (CASCADE's method, Rupprecht et al. 2021): each cell's noise level picks
 * the model's ensemble, the trace moves to the model's frame rate, every network of the ensemble gives expected
 * spikes per frame, their mean moves back to the recording's frames with the counts conserved. NaN gaps split a
 * trace into pieces inferred apart and stay NaN in the result.
 */
public final class SpikeInference {

    /** Pieces between NaN gaps shorter than this many seconds are left NaN: too short to see a transient. */
    static final double SHORTEST_PIECE_SECONDS = 1.0;

    /**
     * One cell's result.
     *
     * @param spikes     expected spikes per frame (NaN where the trace is NaN or the cell failed)
     * @param noiseLevel its noise level ν (% ΔF/F per √Hz)
     * @param level      the index of the model's level used; -1 when the cell failed
     * @param error      why the cell failed, or null
     */
    public record Cell(String name, double[] spikes, double noiseLevel, int level, String error) {

        public boolean ok() {
            return error == null;
        }

        public double spikeSum() {
            double sum = 0;
            for (double s : spikes) {
                sum += Double.isNaN(s) ? 0 : s;
            }
            return sum;
        }
    }

    private SpikeInference() {
    }

    public static Cell[] infer(TraceSet traces, double frameRate, SpikeModel model, ProgressListener progress) {
        progress.stage("Inferring spike rates");
        Cell[] out = new Cell[traces.cells()];
        for (int c = 0; c < out.length; c++) {
            progress.checkCancelled();
            out[c] = infer(traces.names().get(c), traces.values()[c], frameRate, model);
            progress.progress(c + 1, out.length);
        }
        return out;
    }

    public static Cell infer(String name, double[] dff, double frameRate, SpikeModel model) {
        double[] nan = new double[dff.length];
        Arrays.fill(nan, Double.NaN);
        long finite = Arrays.stream(dff).filter(Double::isFinite).count();
        if (finite < dff.length && Arrays.stream(dff).anyMatch(Double::isInfinite)) {
            return new Cell(name, nan, Double.NaN, -1, "infinite values");
        }
        if (finite < 3 || finite < SHORTEST_PIECE_SECONDS * frameRate) {
            return new Cell(name, nan, Double.NaN, -1, "too short: " + finite + " frames with values, at least "
                    + (int) Math.ceil(Math.max(3, SHORTEST_PIECE_SECONDS * frameRate)) + " needed");
        }
        double noise = NoiseLevel.of(dff, frameRate);
        if (!(noise > 0)) {
            return new Cell(name, nan, noise, -1, "flat trace (no frame-to-frame change)");
        }
        int level = model.levelFor(noise);
        double[] atModel = Resampling.trace(dff, frameRate, model.frameRate());
        double[] rates = new double[atModel.length];
        int shortest = (int) Math.ceil(SHORTEST_PIECE_SECONDS * model.frameRate());
        for (int start = 0; start < atModel.length; ) {
            if (Double.isNaN(atModel[start])) {
                rates[start++] = 0;
                continue;
            }
            int end = start;
            while (end < atModel.length && !Double.isNaN(atModel[end])) {
                end++;
            }
            if (end - start >= shortest) {
                predict(atModel, start, end, model.networks()[level], rates);
            }
            start = end;
        }
        double[] back = Arrays.copyOf(Resampling.counts(rates, model.frameRate(), frameRate), dff.length);
        for (int t = 0; t < dff.length; t++) {
            back[t] = Double.isNaN(dff[t]) ? Double.NaN : back[t];
        }
        return new Cell(name, back, noise, level, null);
    }

    /** The ensemble's mean over frames [start, end), negative values cut to 0, into {@code rates}. */
    private static void predict(double[] trace, int start, int end, SpikeNetwork[] ensemble, double[] rates) {
        float[] piece = new float[end - start];
        for (int t = start; t < end; t++) {
            piece[t - start] = (float) trace[t];
        }
        double[] sum = new double[piece.length];
        for (SpikeNetwork net : ensemble) {
            float[] p = net.predict(piece);
            for (int t = 0; t < p.length; t++) {
                sum[t] += p[t];
            }
        }
        for (int t = 0; t < sum.length; t++) {
            rates[start + t] = Math.max(0, sum[t] / ensemble.length);
        }
    }
}
