package org.spikescope.spikes;

import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;
import org.spikescope.core.TraceSet;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deconvolves ΔF/F traces into spikes, one cell at a time and cells in parallel: NaN gaps bridged, drifting
 * baseline removed, noise from the spectrum, AR coefficients from the autocovariance, then OASIS under an L0 or
 * L1 penalty tuned so that the fit explains the trace down to the noise (‖c − y‖² = σ²T).
 */
public final class SpikeDeconvolver {

    /** Shortest trace that gives a usable noise and autocovariance estimate. */
    static final int MIN_FRAMES = 16;
    /** Fastest and slowest decay accepted from the autocovariance, seconds. */
    static final double MIN_DECAY = 0.05;
    static final double MAX_DECAY = 5.0;
    /** Rise compensation is capped: longer rises are estimation errors. */
    static final double MAX_RISE = 0.2;
    /**
     * The autocovariance overstates the decay (slow fluctuations and bursts add correlation); OASIS shrinks its
     * AR roots for the same reason. A factor on the time constant keeps the correction independent of the frame
     * rate. Measured on the Cascade ground truth: 0.6–0.7 best, flat around it (see README).
     */
    static final double DECAY_SHRINK = 0.7;
    /**
     * An AR(1) fit spreads each spike over the frames of the indicator's rise; moving spikes earlier by half the
     * rise time (a fraction of a frame split linearly) puts them where the rise begins on average.
     */
    static final double RISE_COMPENSATION = 0.5;
    private static final int EXTRA_LAGS = 10;
    private static final int MAX_SEARCH_STEPS = 40;
    private static final double SEARCH_TOLERANCE = 1e-2;

    private SpikeDeconvolver() {
    }

    public static CellResult[] deconvolve(TraceSet traces, double frameRate, DeconvolutionSettings settings,
                                          ProgressListener progress) {
        CellResult[] results = new CellResult[traces.cells()];
        AtomicInteger done = new AtomicInteger();
        progress.stage("Deconvolving " + traces.cells() + " cells");
        try (Workers workers = new Workers()) {
            Workers.inBlocks(workers, traces.cells(), (block, from, to) -> {
                for (int c = from; c < to; c++) {
                    progress.checkCancelled();
                    results[c] = deconvolve(traces.names().get(c), traces.values()[c], frameRate, settings);
                    progress.progress(done.incrementAndGet(), traces.cells());
                }
            });
        }
        return results;
    }

    /** Larger values are no ΔF/F (or raw fluorescence) and would overflow the sums of squares. */
    static final double MAX_VALUE = 1e100;

    /** Never throws for a bad trace: the result then carries the reason. */
    public static CellResult deconvolve(String name, double[] trace, double frameRate, DeconvolutionSettings s) {
        int n = trace.length;
        if (n < MIN_FRAMES) {
            return CellResult.failed(name, n, "too short: " + n + " frames, need at least " + MIN_FRAMES);
        }
        double[] y = TracePreparation.bridgeNaNs(trace);
        if (y == null) {
            return CellResult.failed(name, n, "the trace holds no numbers (all NaN)");
        }
        for (double v : y) {
            if (!(Math.abs(v) <= MAX_VALUE)) {
                return CellResult.failed(name, n, "the trace holds " + v + "; expected ΔF/F values (finite, below "
                        + MAX_VALUE + " in size)");
            }
        }
        double[] baseline = TracePreparation.runningPercentile(y, (int) Math.round(s.baselineWindowSeconds()
                * frameRate), s.baselinePercentile());
        double[] z = new double[n];
        for (int t = 0; t < n; t++) {
            z[t] = y[t] - baseline[t];
        }
        double sigma = NoiseEstimate.sigma(z);
        if (!(sigma > 0) || NoiseEstimate.standardDeviation(z) == 0) {
            return CellResult.failed(name, n, "the trace is flat");
        }
        Kinetics kinetics = kinetics(ArEstimate.autocovariance(z, 4 + EXTRA_LAGS), sigma, frameRate);
        double[] g = coefficients(kinetics, frameRate, s.model());
        // AR(1) spreads each spike over the rising frames: move spikes back by part of the rise
        double lag = g.length == 1 ? RISE_COMPENSATION * kinetics.rise() * frameRate : 0;
        Solver solver = Solver.of(g, n);
        double lambda = 0;
        double sMin = 0;
        if (s.penalty() == SparsityPenalty.L1 && g.length == 1) {
            lambda = Ar1Pools.lambdaForResidual(z, g[0], sigma * sigma * n, SEARCH_TOLERANCE, MAX_SEARCH_STEPS);
        } else if (s.penalty() == SparsityPenalty.L1) {
            lambda = noiseConstrained(z, solver, sigma, true);
        } else {
            sMin = s.minSpikeSize() > 0 ? s.minSpikeSize() : noiseConstrained(z, solver, sigma, false);
        }
        OasisFit fit = solver.fit(z, lambda, sMin);
        double[] spikes = lag > 0 ? earlier(fit.spikes(), lag) : fit.spikes();
        return new CellResult(name, spikes, fit.calcium(), baseline, sigma, g, lambda, sMin, lag,
                snr(fit.spikes(), sigma), null);
    }

    /** Rise and decay time constants of the indicator in one trace, seconds (rise 0 when none is seen). */
    record Kinetics(double rise, double decay) {
    }

    /**
     * Decay from an AR(1) fit of the autocovariance, shrunk by {@link #DECAY_SHRINK} and kept within
     * [{@link #MIN_DECAY}, {@link #MAX_DECAY}]; rise from the smaller root of an AR(2) fit, at most
     * {@link #MAX_RISE}.
     */
    static Kinetics kinetics(double[] ac, double sigma, double frameRate) {
        double g1 = ArEstimate.fitAutocovariance(ac, 1, sigma, EXTRA_LAGS)[0];
        double decay = g1 > 0 && g1 < 1 ? ArEstimate.decaySeconds(new double[]{g1}, frameRate) : MAX_DECAY;
        decay = Math.max(MIN_DECAY, Math.min(MAX_DECAY, DECAY_SHRINK * decay));
        double[] g = ArEstimate.fitAutocovariance(ac, 2, sigma, EXTRA_LAGS);
        double disc = g[0] * g[0] + 4 * g[1];
        double rise = 0;
        if (disc > 0) {
            double r = (g[0] - Math.sqrt(disc)) / 2;
            if (r > 0 && r < 1) {
                rise = Math.min(-1 / (frameRate * Math.log(r)), MAX_RISE);
            }
        }
        return new Kinetics(rise, decay);
    }

    /**
     * AR coefficients of the model. AR(2) takes the same decay as AR(1) and the rise, which must be at least a
     * tenth of a frame and under half the decay; otherwise it is AR(1).
     */
    static double[] coefficients(Kinetics k, double frameRate, CalciumModel model) {
        if (model == CalciumModel.AR2 && k.rise() * frameRate >= 0.1 && k.rise() < k.decay() / 2) {
            return ArEstimate.ar2(k.rise(), k.decay(), frameRate);
        }
        return new double[]{ArEstimate.ar1(k.decay(), frameRate)};
    }

    /**
     * The λ (L1) or s_min (L0) at which the fit's residual reaches the noise, ‖c − y‖² = σ²T: the residual grows
     * with either, so a bracket is found by doubling and closed by regula falsi (Illinois variant), to 1 % of the
     * target. 0 when even no penalty leaves more residual than the noise.
     */
    static double noiseConstrained(double[] z, Solver solver, double sigma, boolean l1) {
        double target = sigma * sigma * z.length;
        double fLo = solver.residual(z, 0, 0) - target;
        if (fLo >= 0) {
            return 0;
        }
        double lo = 0;
        double hi = sigma;
        double fHi = excess(z, solver, hi, l1, target);
        while (fHi < 0 && hi < 1e6 * sigma) {
            lo = hi;
            fLo = fHi;
            hi *= 2;
            fHi = excess(z, solver, hi, l1, target);
        }
        int side = 0;
        for (int i = 0; i < MAX_SEARCH_STEPS; i++) {
            double x = (lo * fHi - hi * fLo) / (fHi - fLo);
            double f = excess(z, solver, x, l1, target);
            if (Math.abs(f) < SEARCH_TOLERANCE * target) {
                return x;
            }
            if (f < 0) {
                lo = x;
                fLo = f;
                if (side == -1) {
                    fHi /= 2; // Illinois: keep the stale end from stalling the search
                }
                side = -1;
            } else {
                hi = x;
                fHi = f;
                if (side == 1) {
                    fLo /= 2;
                }
                side = 1;
            }
        }
        return lo;
    }

    private static double excess(double[] z, Solver solver, double penalty, boolean l1, double target) {
        return (l1 ? solver.residual(z, penalty, 0) : solver.residual(z, 0, penalty)) - target;
    }

    /** OASIS for one cell's model; AR(2) precomputes its kernel once for all the runs of the search. */
    interface Solver {
        OasisFit fit(double[] z, double lambda, double sMin);

        double residual(double[] z, double lambda, double sMin);

        static Solver of(double[] g, int frames) {
            if (g.length == 1) {
                return new Solver() {
                    // the search ends on the penalty it fits with: keep those pools for the final fit
                    private Ar1Pools lastPools;
                    private double lastLambda = Double.NaN;
                    private double lastSMin = Double.NaN;

                    public OasisFit fit(double[] z, double lambda, double sMin) {
                        Ar1Pools p = lambda == lastLambda && sMin == lastSMin ? lastPools
                                : Ar1Pools.solve(z, g[0], lambda, sMin);
                        double[] c = p.calcium(z.length, g[0]);
                        return new OasisFit(c, p.spikes(c, g[0]));
                    }

                    public double residual(double[] z, double lambda, double sMin) {
                        lastPools = Ar1Pools.solve(z, g[0], lambda, sMin);
                        lastLambda = lambda;
                        lastSMin = sMin;
                        return lastPools.residual(z, g[0]);
                    }
                };
            }
            Ar2Kernel kernel = new Ar2Kernel(g[0], g[1], frames);
            return new Solver() {
                public OasisFit fit(double[] z, double lambda, double sMin) {
                    return Oasis.ar2(z, kernel, lambda, sMin);
                }

                public double residual(double[] z, double lambda, double sMin) {
                    return Oasis.ar2Residual(z, kernel, lambda, sMin);
                }
            };
        }
    }



    /** Moves spikes {@code lag} frames earlier, a fraction split linearly between the two nearest frames. */
    static double[] earlier(double[] s, double lag) {
        int whole = (int) Math.floor(lag);
        double frac = lag - whole;
        double[] out = new double[s.length];
        for (int t = 0; t < s.length; t++) {
            if (s[t] == 0) {
                continue;
            }
            int a = t - whole;
            if (a >= 0) {
                out[a] += (1 - frac) * s[t];
            }
            if (a - 1 >= 0) {
                out[a - 1] += frac * s[t];
            }
        }
        return out;
    }

    private static double snr(double[] s, double sigma) {
        double[] nonzero = Arrays.stream(s).filter(v -> v > 0).sorted().toArray();
        return nonzero.length == 0 ? 0 : nonzero[nonzero.length / 2] / sigma;
    }
}
