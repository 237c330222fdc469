package org.spikescope.spikes;

import java.util.ArrayList;
import java.util.List;

/**
 * Spike counts from deconvolved amplitudes. An L1 deconvolution spreads one spike over a frame or two and leaves
 * small amplitudes where there was none, so the amplitudes are grouped into runs of consecutive frames with a
 * spike; the size of one spike is the median summed amplitude of the runs (runs under a tenth of the largest are
 * noise and left out).
 */
public final class SpikeEvents {

    /** Runs smaller than this fraction of the largest are noise. */
    private static final double NOISE_FRACTION = 0.1;

    private SpikeEvents() {
    }

    /** The size of one spike in the trace's units; 0 when there are no spikes. */
    public static double unitSize(double[] amplitudes) {
        List<Double> runs = runs(amplitudes).stream().map(r -> r[1]).toList();
        double largest = runs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double[] kept = runs.stream().mapToDouble(Double::doubleValue).filter(v -> v >= NOISE_FRACTION * largest)
                .sorted().toArray();
        if (kept.length == 0) {
            return 0;
        }
        return kept.length % 2 == 1 ? kept[kept.length / 2] : (kept[kept.length / 2 - 1] + kept[kept.length / 2]) / 2;
    }

    /** The number of spikes: all amplitudes over the size of one. */
    public static double count(double[] amplitudes) {
        double unit = unitSize(amplitudes);
        double total = 0;
        for (double v : amplitudes) {
            total += v > 0 ? v : 0;
        }
        return unit > 0 ? total / unit : 0;
    }

    /** The frame of the largest amplitude in every run holding at least half a spike. */
    public static int[] frames(double[] amplitudes) {
        double unit = unitSize(amplitudes);
        List<Integer> out = new ArrayList<>();
        for (double[] run : runs(amplitudes)) {
            if (unit > 0 && run[1] >= 0.5 * unit) {
                out.add((int) run[0]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {peak frame, summed amplitude} of each run of consecutive frames with a positive amplitude. */
    private static List<double[]> runs(double[] s) {
        List<double[]> runs = new ArrayList<>();
        double sum = 0;
        int peak = -1;
        for (int t = 0; t <= s.length; t++) {
            double v = t < s.length ? s[t] : 0;
            if (v > 0) {
                sum += v;
                if (peak < 0 || v > s[peak]) {
                    peak = t;
                }
            } else if (sum > 0) {
                runs.add(new double[]{peak, sum});
                sum = 0;
                peak = -1;
            }
        }
        return runs;
    }
}
