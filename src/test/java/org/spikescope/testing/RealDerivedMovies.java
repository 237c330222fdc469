package org.spikescope.testing;

import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;
import org.spikescope.io.CsvRows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One-photon movies rebuilt from real extractions (issue 25): the real footprints and their real calcium traces, on a
 * one-photon background, with noise at the level of a real miniscope. Measured on the real clip in
 * {@code shared/data/miniscope} (its good frames, per-pixel variance of consecutive-frame differences): the noise's
 * standard deviation is 5.2–5.6 counts whatever the pixel's mean (58–161 counts), and the mean falls from 151 in the
 * centre to 58 in the corners (vignetting 2.6×).
 * <ul>
 * <li>{@link #min1pipe}: MIN1PIPE's 50 cells of its 150×150, 1,000-frame demo, with its own rank-1 background as
 * a fluctuation on the glow.</li>
 * <li>{@link #placecell}: minian's 10 cells of a 200×200 session (10,000 frames) on a vignetted glow.</li>
 * <li>{@link #cellreg}: kept aside (nothing is tuned on it): CellReg's 495–598 real footprints of one mouse's
 * sessions (about 250×320, a dense field), each given one of placecell's real traces, shifted in time by a seeded
 * random offset so that neighbours do not share their activity, on a vignetted glow.</li>
 * </ul>
 * Each cell's trace is scaled to ΔF/F so that the median cell peaks at {@code PEAK_DFF}, the level the issue
 * measured on a real CA1 extraction (5.7 %); frames are rendered on demand (noise seeded per frame).
 */
public final class RealDerivedMovies {

    public static final Path DATA = Path.of("../shared/data");
    static final double NOISE_SD = 5.3;
    static final double CENTRE = 200;
    static final double VIGNETTING = 2.6;
    static final double PEAK_DFF = 0.057;
    static final double FLUCTUATION = 0.2;

    private RealDerivedMovies() {
    }

    /**
     * The scene: truth footprints (peak 1), ΔF/F per cell and frame, and the background: a static glow plus a
     * fluctuating component, {@code glow(x) + fluctuation(x) * temporal(t)}.
     */
    public record Scene(String name, int width, int height, double frameRate, List<Footprint> cells, double[][] dff,
                        float[] glow, float[] fluctuation, double[] temporal) {

        public int frames() {
            return temporal.length;
        }

        /**
         * How clearly cell c can be seen at its brightest frame: the peak of its least-squares trace (its true
         * footprint's weights over the rendered movie) over that trace's noise, frame by frame, before any smoothing:
         * peak ΔF/F · Σ glow·w² / (σ · √Σ w²). A bound on what any detector can see in one frame.
         */
        public double peakSnr(int c) {
            Footprint f = cells.get(c);
            double signal = 0;
            double norm = 0;
            for (int y = 0; y < f.h(); y++) {
                for (int x = 0; x < f.w(); x++) {
                    int ix = f.x0() + x;
                    int iy = f.y0() + y;
                    if (ix < 0 || iy < 0 || ix >= width || iy >= height) {
                        continue;
                    }
                    double w = f.weights()[y * f.w() + x];
                    signal += glow[iy * width + ix] * w * w;
                    norm += w * w;
                }
            }
            double peak = 0;
            for (double v : dff[c]) {
                peak = Math.max(peak, v);
            }
            return norm > 0 ? peak * signal / (NOISE_SD * Math.sqrt(norm)) : 0;
        }

        /**
         * {found, cells}: of the cells whose {@link #peakSnr} lies in [minSnr, maxSnr), how many the matches
         * ({true index, found index} pairs, {@link FootprintMatching#match}) found.
         */
        public int[] foundBetween(List<int[]> matches, double minSnr, double maxSnr) {
            boolean[] matched = new boolean[cells.size()];
            for (int[] m : matches) {
                matched[m[0]] = true;
            }
            int[] out = new int[2];
            for (int c = 0; c < matched.length; c++) {
                double snr = peakSnr(c);
                if (snr >= minSnr && snr < maxSnr) {
                    out[0] += matched[c] ? 1 : 0;
                    out[1]++;
                }
            }
            return out;
        }

        /**
         * How many of the found components lie on a real cell (their brightest pixel inside a real footprint, above
         * a fifth of its peak): a component that fails the IoU match but passes this is a real cell outlined too
         * small or too large, one that fails it is a false cell.
         */
        public int onCells(List<Footprint> found) {
            boolean[] covered = new boolean[width * height];
            for (Footprint c : cells) {
                boolean[] mask = FootprintMatching.mask(c, width, height);
                for (int i = 0; i < mask.length; i++) {
                    covered[i] |= mask[i];
                }
            }
            int on = 0;
            for (Footprint f : found) {
                int peak = 0;
                for (int k = 1; k < f.weights().length; k++) {
                    peak = f.weights()[k] > f.weights()[peak] ? k : peak;
                }
                int x = f.x0() + peak % f.w();
                int y = f.y0() + peak / f.w();
                on += x >= 0 && y >= 0 && x < width && y < height && covered[y * width + x] ? 1 : 0;
            }
            return on;
        }

        /** √(area / π) of the median real footprint (pixels above a fifth of its peak), pixels. */
        public double medianRadius() {
            double[] areas = new double[cells.size()];
            for (int c = 0; c < areas.length; c++) {
                for (boolean inside : FootprintMatching.mask(cells.get(c), width, height)) {
                    areas[c] += inside ? 1 : 0;
                }
            }
            java.util.Arrays.sort(areas);
            return Math.sqrt(areas[areas.length / 2] / Math.PI);
        }

        /** The movie, rendered frame by frame with noise from {@code seed}. */
        public FrameSource movie(long seed) {
            return new Rendered(this, seed);
        }
    }

    public static boolean available() {
        return DATA.resolve("min1pipe").toFile().isDirectory() && DATA.resolve("placecell").toFile().isDirectory();
    }

    public static Scene min1pipe() throws IOException {
        Path dir = DATA.resolve("min1pipe");
        List<Footprint> cells = sparseFootprints(dir.resolve("footprints.csv"), "cell", 150, 150);
        double[][] traces = columns(dir.resolve("traces.csv"), cells.size());
        // MIN1PIPE's rank-1 background swings tenfold over the demo: it rides on the lens glow as a fluctuation of up
        // to FLUCTUATION of the glow where its spatial part peaks
        float[] spatial = grid(dir.resolve("background_spatial_150x150.csv"), 150, 150);
        double[] temporal = normalised(columns(dir.resolve("background_temporal.csv"), 1)[0]);
        float[] glow = vignetted(150, 150);
        double peak = 0;
        for (float v : spatial) {
            peak = Math.max(peak, v);
        }
        float[] fluctuation = new float[spatial.length];
        for (int i = 0; i < spatial.length; i++) {
            fluctuation[i] = (float) (FLUCTUATION * glow[i] * spatial[i] / peak);
        }
        return new Scene("MIN1PIPE demo", 150, 150, 20, cells, toDff(traces), glow, fluctuation, temporal);
    }

    /** @param session regression_1d (10,000 frames) or regression_2d (5,000) */
    public static Scene placecell(String session, int frames) throws IOException {
        Path dir = DATA.resolve("placecell").resolve(session);
        List<Footprint> cells = sparseFootprints(dir.resolve("footprints_A_sparse.csv"), "unit_id", 200, 200);
        double[][] traces = columns(dir.resolve("C.csv"), cells.size());
        double[][] cut = new double[traces.length][];
        for (int c = 0; c < traces.length; c++) {
            cut[c] = java.util.Arrays.copyOf(traces[c], Math.min(frames, traces[c].length));
        }
        double[] steady = new double[cut[0].length];
        java.util.Arrays.fill(steady, 1);
        return new Scene("placecell " + session, 200, 200, 20, cells, toDff(cut), vignetted(200, 200),
                new float[200 * 200], steady);
    }

    /**
     * @param session 1 to 5
     * @param frames  at most 10,000
     */
    public static Scene cellreg(int session, int frames) throws IOException {
        Path gz = DATA.resolve("cellreg").resolve("session_" + session + "_footprints.csv.gz");
        Path csv = java.nio.file.Files.createTempFile("cellreg", ".csv");
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(gz))) {
            java.nio.file.Files.copy(in, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<Footprint> cells;
        try {
            cells = sparseFootprints(csv, "cell", 0, 0);
        } finally {
            java.nio.file.Files.delete(csv);
        }
        int w = 0;
        int h = 0;
        for (Footprint f : cells) {
            w = Math.max(w, f.x0() + f.w());
            h = Math.max(h, f.y0() + f.h());
        }
        double[][] real = columns(DATA.resolve("placecell").resolve("regression_1d").resolve("C.csv"), 10);
        SplittableRandom rng = new SplittableRandom(session);
        double[][] traces = new double[cells.size()][frames];
        for (int c = 0; c < traces.length; c++) {
            double[] source = real[c % real.length];
            int offset = rng.nextInt(source.length);
            for (int t = 0; t < frames; t++) {
                traces[c][t] = source[(offset + t) % source.length];
            }
        }
        double[] steady = new double[frames];
        java.util.Arrays.fill(steady, 1);
        return new Scene("cellreg session " + session, w, h, 20, cells, toDff(traces), vignetted(w, h),
                new float[w * h], steady);
    }

    /** ΔF/F: each trace less its 8th percentile, scaled so that the median cell's peak is {@link #PEAK_DFF}. */
    static double[][] toDff(double[][] traces) {
        double[][] out = new double[traces.length][];
        double[] peaks = new double[traces.length];
        for (int c = 0; c < traces.length; c++) {
            double[] sorted = traces[c].clone();
            java.util.Arrays.sort(sorted);
            double base = sorted[(int) (0.08 * (sorted.length - 1))];
            out[c] = new double[traces[c].length];
            for (int t = 0; t < out[c].length; t++) {
                out[c][t] = Math.max(0, traces[c][t] - base);
                peaks[c] = Math.max(peaks[c], out[c][t]);
            }
        }
        double[] sortedPeaks = peaks.clone();
        java.util.Arrays.sort(sortedPeaks);
        double median = sortedPeaks[sortedPeaks.length / 2];
        for (double[] trace : out) {
            for (int t = 0; t < trace.length; t++) {
                trace[t] *= PEAK_DFF / median;
            }
        }
        return out;
    }

    private static float[] vignetted(int w, int h) {
        float[] b = new float[w * h];
        double r0 = Math.hypot(w / 2.0, h / 2.0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = Math.hypot(x - w / 2.0, y - h / 2.0) / r0;
                b[y * w + x] = (float) (CENTRE / (1 + (VIGNETTING - 1) * r * r));
            }
        }
        return b;
    }

    private static double[] normalised(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElse(1);
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = x[t] / mean;
        }
        return out;
    }

    /** Footprints from {@code cell,row,col,value} rows, each scaled to peak 1 and cropped to its box. */
    static List<Footprint> sparseFootprints(Path file, String idColumn, int w, int h) throws IOException {
        CsvRows rows = CsvRows.read(file);
        int id = rows.require(idColumn);
        int row = rows.require("row");
        int col = rows.require("col");
        int value = rows.require("value");
        TreeMap<Integer, List<double[]>> pixels = new TreeMap<>();
        for (int r = 0; r < rows.rows().size(); r++) {
            pixels.computeIfAbsent((int) rows.number(r, id), k -> new ArrayList<>())
                    .add(new double[] {rows.number(r, col), rows.number(r, row), rows.number(r, value)});
        }
        List<Footprint> out = new ArrayList<>();
        for (List<double[]> px : pixels.values()) {
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = 0;
            int y1 = 0;
            double peak = 0;
            for (double[] p : px) {
                x0 = Math.min(x0, (int) p[0]);
                y0 = Math.min(y0, (int) p[1]);
                x1 = Math.max(x1, (int) p[0]);
                y1 = Math.max(y1, (int) p[1]);
                peak = Math.max(peak, p[2]);
            }
            int fw = x1 - x0 + 1;
            float[] weights = new float[fw * (y1 - y0 + 1)];
            for (double[] p : px) {
                weights[((int) p[1] - y0) * fw + (int) p[0] - x0] = (float) (p[2] / peak);
            }
            out.add(new Footprint(x0, y0, fw, y1 - y0 + 1, weights));
        }
        return out;
    }

    /** The columns after the first (frame), as [column][row]. */
    private static double[][] columns(Path file, int expected) throws IOException {
        CsvRows rows = CsvRows.read(file);
        int n = rows.header().size() - 1;
        if (n != expected) {
            throw new IllegalStateException(file + ": " + n + " columns, expected " + expected);
        }
        double[][] out = new double[n][rows.rows().size()];
        for (int r = 0; r < rows.rows().size(); r++) {
            for (int c = 0; c < n; c++) {
                out[c][r] = rows.number(r, c + 1);
            }
        }
        return out;
    }

    private static float[] grid(Path file, int w, int h) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            String[] v = lines.get(y).split(",");
            for (int x = 0; x < w; x++) {
                out[y * w + x] = Float.parseFloat(v[x]);
            }
        }
        return out;
    }

    private static final class Rendered implements FrameSource {
        private final Scene s;
        private final long seed;

        Rendered(Scene s, long seed) {
            this.s = s;
            this.seed = seed;
        }

        @Override
        public int width() {
            return s.width();
        }

        @Override
        public int height() {
            return s.height();
        }

        @Override
        public int frameCount() {
            return s.frames();
        }

        @Override
        public int bitDepth() {
            return 16;
        }

        @Override
        public FrameTimes times() {
            return FrameTimes.regular(s.frames(), s.frameRate());
        }

        @Override
        public float[] readFrame(int t, float[] target) {
            int w = s.width();
            float[] f = target != null ? target : new float[w * s.height()];
            double g = s.temporal()[t];
            for (int i = 0; i < f.length; i++) {
                f[i] = s.glow()[i] + (float) (s.fluctuation()[i] * g);
            }
            for (int c = 0; c < s.cells().size(); c++) {
                double a = s.dff()[c][t];
                if (a == 0) {
                    continue;
                }
                Footprint fp = s.cells().get(c);
                for (int y = 0; y < fp.h(); y++) {
                    for (int x = 0; x < fp.w(); x++) {
                        int i = (fp.y0() + y) * w + fp.x0() + x;
                        f[i] += (float) (s.glow()[i] * a * fp.weights()[y * fp.w() + x]);
                    }
                }
            }
            SplittableRandom noise = new SplittableRandom(seed * 1_000_003L + t);
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) Math.max(0, Math.round(f[i] + NOISE_SD * noise.nextGaussian()));
            }
            return f;
        }

        @Override
        public String description() {
            return "movie rebuilt from " + s.name();
        }

        @Override
        public void close() {
        }
    }
}
