package org.spikescope.rates.rnn;

import org.spikescope.core.TraceSet;
import org.spikescope.core.Trials;
import org.spikescope.rates.BinnedTrials;
import org.spikescope.sim.SpikeTrains;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trials with known rates for the rate-model tests: two tastes, each neuron rising to a taste-specific peak at a
 * taste-specific latency after the stimulus (at 1 s of a 3 s window), its gain drifting slowly from trial to
 * trial (what single-trial rates can capture and a PSTH cannot); Poisson counts in 50 ms bins.
 */
public final class SimulatedTrials {

    public static final double BIN_MS = 50;
    public static final int BINS = 60;
    public static final double STIMULUS_MS = 1000;

    public final BinnedTrials binned;
    /** Expected counts per bin, {@code [trial][bin][neuron]}. */
    public final double[][][] truth;

    public SimulatedTrials(int trials, int neurons, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] tastes = {"sweet", "bitter"};
        double[][] latency = new double[2][neurons];
        double[][] peak = new double[2][neurons];
        double[] base = new double[neurons];
        for (int j = 0; j < neurons; j++) {
            base[j] = 0.1 + 0.3 * rng.nextDouble();
            for (int c = 0; c < 2; c++) {
                latency[c][j] = 200 + 1200 * rng.nextDouble();
                peak[c][j] = 0.5 + 2.5 * rng.nextDouble();
            }
        }
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[] starts = new double[trials];
        truth = new double[trials][BINS][neurons];
        double[][][] counts = new double[trials][BINS][neurons];
        for (int k = 0; k < trials; k++) {
            int c = k % 2;
            ids.add(String.valueOf(k + 1));
            labels.add(tastes[c]);
            starts[k] = 10.0 * k;
            double gain = 0.7 + 0.6 * k / (double) (trials - 1);
            for (int t = 0; t < BINS; t++) {
                double ms = (t + 0.5) * BIN_MS - STIMULUS_MS;
                for (int j = 0; j < neurons; j++) {
                    double d = (ms - latency[c][j]) / 250;
                    double r = base[j] + (ms > 0 ? gain * peak[c][j] * Math.exp(-0.5 * d * d) : 0);
                    truth[k][t][j] = r;
                    counts[k][t][j] = SpikeTrains.poisson(r, rng);
                }
            }
        }
        binned = new BinnedTrials(new Trials(ids, starts, labels), org.spikescope.io.TraceTables.cellNames(neurons), 0,
                BIN_MS, counts);
    }

    /**
     * The trials' counts as a recording's spikes table: one 50 ms frame per bin (20 Hz), time_s first, zeros between
     * the trials (they start 10 s apart).
     */
    public TraceSet spikesPerFrame() {
        int framesPerTrial = 200;
        int neurons = binned.neurons().size();
        double[] time = new double[binned.trials().count() * framesPerTrial];
        double[][] counts = new double[neurons][time.length];
        for (int f = 0; f < time.length; f++) {
            time[f] = f * BIN_MS / 1000;
            int bin = f % framesPerTrial;
            for (int j = 0; j < neurons && bin < binned.bins(); j++) {
                counts[j][f] = binned.counts()[f / framesPerTrial][bin][j];
            }
        }
        return new TraceSet("time_s", time, binned.neurons(), counts);
    }
}
