package org.spikescope.movie;

import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds frames damaged in transmission: horizontal line noise and corrupted blocks (rows that jump against their
 * neighbours far more than the frame's other rows do), and frame-wide outliers (a mean brightness far from the
 * frames around it). One streaming pass computes two numbers per frame; robust z-scores over the recording
 * (median and MAD) then flag the outliers, so the thresholds adapt to each movie's own noise.
 */
public final class CorruptedFrameDetector {

    /** Robust z-score above which a frame is flagged. */
    public static final double DEFAULT_THRESHOLD = 6.0;
    private static final int BRIGHTNESS_WINDOW = 3;
    /** A frame with line noise has a row-jump score at least this many times the recording's median. */
    private static final double MIN_LINE_RATIO = 2.0;
    /** A frame-wide outlier changes the mean brightness by at least this fraction. */
    private static final double MIN_BRIGHTNESS_CHANGE = 0.05;

    private CorruptedFrameDetector() {
    }

    /** The per-frame scores and the flagged frames. */
    public record Result(double[] lineScore, double[] brightness, double[] lineZ, double[] brightnessZ,
                         List<Integer> corrupted, List<String> reasons) {
    }

    /**
     * Frames to leave out of anything estimated from the movie as a whole: those damaged in the file and, if asked,
     * those this detector flags at the default threshold.
     */
    public static java.util.SortedSet<Integer> unusable(FrameSource movie, boolean detect, ProgressListener progress) {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>(movie.damagedFrames());
        if (detect) {
            out.addAll(detect(movie, DEFAULT_THRESHOLD, progress).corrupted());
        }
        return out;
    }

    public static Result detect(FrameSource movie, double threshold, ProgressListener progress) {
        int n = movie.frameCount();
        double[] line = new double[n];
        double[] mean = new double[n];
        int w = movie.width();
        int h = movie.height();
        progress.stage("Checking frames for corruption");
        int block = 64;
        try (Workers workers = new Workers()) {
            for (int start = 0; start < n; start += block) {
                progress.checkCancelled();
                int first = start;
                int end = Math.min(n, start + block);
                Workers.inBlocks(workers, end - start, (b, from, to) -> {
                    for (int t = first + from; t < first + to; t++) {
                        float[] f;
                        try {
                            f = movie.readFrame(t, null);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        line[t] = rowJumpScore(f, w, h);
                        double s = 0;
                        for (float v : f) {
                            s += v;
                        }
                        mean[t] = s / f.length;
                    }
                });
                progress.progress(end, n);
            }
        }
        double level = Math.abs(median(mean.clone()));
        double lineLevel = median(line.clone());
        double[] lineZ = robustZ(line, 1e-3 * lineLevel);
        double[] deviation = detrend(mean, BRIGHTNESS_WINDOW);
        double[] brightnessZ = robustZ(deviation, 1e-3 * level);
        List<Integer> flagged = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            // a tightly regular movie has a tiny spread: also ask for rows that jump twice as much as usual
            boolean lines = lineZ[t] > threshold && line[t] > MIN_LINE_RATIO * lineLevel;
            // slow drifts leave a tiny spread after detrending: also ask for a visible change of the whole frame
            boolean bright = Math.abs(brightnessZ[t]) > threshold
                    && Math.abs(deviation[t]) > MIN_BRIGHTNESS_CHANGE * level;
            if (lines || bright) {
                flagged.add(t);
                reasons.add(lines && bright ? "line noise and brightness outlier" : lines ? "line noise"
                        : "brightness outlier");
            }
        }
        return new Result(line, mean, lineZ, brightnessZ, List.copyOf(flagged), List.copyOf(reasons));
    }

    /**
     * Largest mean absolute jump between a row and the row above, relative to the frame's median jump:
     * smooth images give about 1–5, a shifted or garbled row many times more.
     */
    static double rowJumpScore(float[] f, int w, int h) {
        if (h < 3) {
            return 0;
        }
        double[] jump = new double[h - 1];
        for (int y = 1; y < h; y++) {
            double s = 0;
            int a = (y - 1) * w;
            int b = y * w;
            for (int x = 0; x < w; x++) {
                s += Math.abs(f[b + x] - f[a + x]);
            }
            jump[y - 1] = s / w;
        }
        double max = Arrays.stream(jump).max().orElse(0);
        double median = median(jump.clone());
        return max / Math.max(median, 1e-6);
    }

    /**
     * Subtracts a short running median, so that drifts (bleaching, background fluctuations) are not outliers
     * while a single odd frame is. The window keeps its length at the ends of the series.
     */
    static double[] detrend(double[] x, int halfWindow) {
        double[] out = new double[x.length];
        int length = Math.min(x.length, 2 * halfWindow + 1);
        for (int i = 0; i < x.length; i++) {
            int a = Math.max(0, Math.min(i - halfWindow, x.length - length));
            int b = a + length;
            out[i] = x[i] - median(Arrays.copyOfRange(x, a, b));
        }
        return out;
    }

    /** (x − median) / (1.4826·MAD), the scale floored at {@code minScale} so that a regular series flags nothing. */
    static double[] robustZ(double[] x, double minScale) {
        double med = median(x.clone());
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - med);
        }
        double mad = 1.4826 * median(dev);
        double scale = Math.max(mad, Math.max(minScale, 1e-12));
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - med) / scale;
        }
        return z;
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }
}
