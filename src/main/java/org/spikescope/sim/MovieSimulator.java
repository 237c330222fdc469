package org.spikescope.sim;

import org.spikescope.core.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Renders a simulated one-photon miniscope movie frame by frame. Everything that spans the recording (spike
 * trains, calcium, background and motion time courses) is drawn once from the seed; each frame's noise comes
 * from its own stream, so frames can be rendered in any order or in parallel with identical results.
 */
public final class MovieSimulator {

    private final SimulationSettings s;
    private final BackgroundModel background;
    private final List<Footprint> footprints;
    private final double[] amplitude;
    private final double[] resting;
    private final double[] rise;
    private final double[] decay;
    private final int[][] spikes;
    private final float[][] calcium;
    private final MotionPath motion;
    private final int[] storedToTrue;
    private final List<Integer> corrupted;
    /** The lens's fall-off, 1 in the centre; null when there is none. */
    private final float[] lens;

    public MovieSimulator(SimulationSettings settings, List<Footprint> templates) {
        this.s = settings.validate();
        SplittableRandom master = new SplittableRandom(s.seed());
        this.background = new BackgroundModel(s, master.split());
        List<Footprint> shapes = FootprintFactory.place(s, templates, master.split());
        this.footprints = shaded(shapes, background.shade(), s.width());
        SplittableRandom cellRng = master.split();
        int n = s.cells();
        this.amplitude = new double[n];
        this.resting = new double[n];
        this.rise = new double[n];
        this.decay = new double[n];
        double cpe = s.countsPerElectron();
        for (int i = 0; i < n; i++) {
            amplitude[i] = cpe * s.spikeAmplitude() * StrictMath.exp(0.3 * SmoothNoise.gaussian(cellRng) - 0.045);
            resting[i] = cpe * s.restingBrightness() * (0.5 + cellRng.nextDouble());
            rise[i] = s.riseTime() * (0.8 + 0.4 * cellRng.nextDouble());
            decay[i] = s.decayTime() * (0.7 + 0.6 * cellRng.nextDouble());
        }
        this.spikes = SpikeTrains.generate(n, s.frames(), s.frameRate(), s.spikeRate(), s.burstiness(),
                master.split());
        this.calcium = new float[n][];
        for (int i = 0; i < n; i++) {
            calcium[i] = CalciumKinetics.of(rise[i], decay[i], s.frameRate()).apply(spikes[i]);
        }
        this.motion = new MotionPath(s, master.split());
        SplittableRandom eventRng = master.split();
        this.storedToTrue = keptFrames(s.frames(), s.droppedFrames(), eventRng);
        this.corrupted = pick(storedToTrue.length, s.corruptedFrames(), eventRng);
        this.lens = s.vignetting() > 1 ? lens(s.width(), s.height(), s.vignetting()) : null;
    }

    /** 1 / (1 + (v − 1)·r²), r the distance from the centre over the half-diagonal: v times dimmer in the corners. */
    static float[] lens(int w, int h, double vignetting) {
        float[] out = new float[w * h];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double r2max = cx * cx + cy * cy;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / r2max;
                out[y * w + x] = (float) (1 / (1 + (vignetting - 1) * r2));
            }
        }
        return out;
    }

    private static List<Footprint> shaded(List<Footprint> shapes, float[] shade, int width) {
        List<Footprint> out = new ArrayList<>();
        for (Footprint f : shapes) {
            float[] w = f.weights().clone();
            for (int y = 0; y < f.h(); y++) {
                for (int x = 0; x < f.w(); x++) {
                    w[y * f.w() + x] *= shade[(f.y0() + y) * width + f.x0() + x];
                }
            }
            out.add(new Footprint(f.x0(), f.y0(), f.w(), f.h(), w));
        }
        return List.copyOf(out);
    }

    private static int[] keptFrames(int frames, int dropped, SplittableRandom rng) {
        TreeSet<Integer> drop = new TreeSet<>();
        while (drop.size() < dropped) {
            drop.add(1 + rng.nextInt(frames - 2)); // never the first or last frame
        }
        return java.util.stream.IntStream.range(0, frames).filter(t -> !drop.contains(t)).toArray();
    }

    private static List<Integer> pick(int n, int count, SplittableRandom rng) {
        TreeSet<Integer> chosen = new TreeSet<>();
        while (chosen.size() < count) {
            chosen.add(rng.nextInt(n));
        }
        return List.copyOf(chosen);
    }

    public SimulationSettings settings() {
        return s;
    }

    /** Frames in the movie file (true frames less the dropped ones). */
    public int storedFrames() {
        return storedToTrue.length;
    }

    public int trueFrame(int stored) {
        return storedToTrue[stored];
    }

    /** Largest value the movie's pixels take (for corruption levels and 8-bit range). */
    private float maxValue() {
        return s.bitDepth() == 8 ? 255f : (float) (s.offsetCounts() + 3 * s.background() * s.countsPerElectron());
    }

    /** Renders stored frame {@code stored} in camera counts into {@code out} (allocated when null). */
    public float[] renderStored(int stored, float[] out) {
        int w = s.width();
        int h = s.height();
        int t = storedToTrue[stored];
        float[] scene = new float[w * h];
        background.render(t, scene);
        float cpe = (float) s.countsPerElectron();
        for (int i = 0; i < footprints.size(); i++) {
            Footprint f = footprints.get(i);
            // in electrons: the scene is converted to counts after shot noise
            float value = (float) ((resting[i] + amplitude[i] * calcium[i][t]) / cpe);
            float[] wts = f.weights();
            for (int y = 0; y < f.h(); y++) {
                int row = (f.y0() + y) * w + f.x0();
                for (int x = 0; x < f.w(); x++) {
                    scene[row + x] += wts[y * f.w() + x] * value;
                }
            }
        }
        float[] frame = out != null ? out : new float[w * h];
        warp(scene, frame, t);
        if (lens != null) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] *= lens[i];
            }
        }
        SplittableRandom noise = new SplittableRandom(s.seed() ^ (0x9E3779B97F4A7C15L * (t + 1)));
        float offset = (float) s.offsetCounts();
        for (int i = 0; i < frame.length; i++) {
            double electrons = SpikeTrains.poisson(Math.max(frame[i], 0), noise)
                    + s.readNoise() * SmoothNoise.gaussian(noise);
            frame[i] = (float) (offset + electrons * cpe);
        }
        if (corrupted.contains(stored)) {
            FrameCorruption.apply(frame, w, h, maxValue(), noise);
        }
        return frame;
    }

    /** frame(q) = scene(q − d(q)), bilinear, edges clamped. */
    private void warp(float[] scene, float[] frame, int t) {
        int w = s.width();
        int h = s.height();
        double[] d = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                motion.displacement(x, y, t, d);
                frame[y * w + x] = sample(scene, w, h, x - d[0], y - d[1]);
            }
        }
    }

    private static float sample(float[] img, int w, int h, double x, double y) {
        double cx = Math.max(0, Math.min(w - 1, x));
        double cy = Math.max(0, Math.min(h - 1, y));
        int x0 = Math.min(w - 2, (int) cx);
        int y0 = Math.min(h - 2, (int) cy);
        double fx = cx - x0;
        double fy = cy - y0;
        int i = y0 * w + x0;
        return (float) ((1 - fy) * ((1 - fx) * img[i] + fx * img[i + 1])
                + fy * ((1 - fx) * img[i + w] + fx * img[i + w + 1]));
    }

    /** The ground truth; it shares the simulator's arrays, which the simulator never changes. */
    public GroundTruth groundTruth() {
        double[] times = new double[s.frames()];
        for (int t = 0; t < times.length; t++) {
            times[t] = t / s.frameRate();
        }
        return new GroundTruth(s, footprints, amplitude, resting, rise, decay, spikes, calcium, times, storedToTrue,
                corrupted, motion);
    }
}
