package org.spikescope.sim;

import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;

/** A simulated movie read like a file: each frame is rendered when asked for, so nothing is held in memory. */
public final class SimulatedFrameSource implements FrameSource {

    private final MovieSimulator simulator;
    private final SimulationSettings s;

    public SimulatedFrameSource(MovieSimulator simulator) {
        this.simulator = simulator;
        this.s = simulator.settings();
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
        return simulator.storedFrames();
    }

    @Override
    public int bitDepth() {
        return s.bitDepth();
    }

    @Override
    public FrameTimes times() {
        double[] t = new double[frameCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = simulator.trueFrame(i) / s.frameRate();
        }
        return new FrameTimes(t);
    }

    @Override
    public float[] readFrame(int index, float[] target) {
        return simulator.renderStored(index, target);
    }

    @Override
    public String description() {
        return "simulated " + s.width() + "x" + s.height() + " movie (seed " + s.seed() + ")";
    }

    @Override
    public void close() {
    }
}
