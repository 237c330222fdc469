package org.spikescope.fiji;

import ij.IJ;
import org.spikescope.core.ProgressListener;

import java.awt.GraphicsEnvironment;

/**
 * Progress for the environment a command runs in: Fiji's status and progress bars (Esc cancels) when ImageJ's
 * window is up, otherwise one log line per stage on standard error.
 */
public final class FijiProgress implements ProgressListener {

    private final String command;
    private final boolean gui;
    private final long start = System.nanoTime();

    private FijiProgress(String command, boolean gui) {
        this.command = command;
        this.gui = gui;
    }

    public static ProgressListener forCommand(String command) {
        boolean gui = !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null;
        if (gui) {
            IJ.resetEscape();
        }
        return new FijiProgress(command, gui);
    }

    @Override
    public void stage(String name) {
        if (gui) {
            IJ.showStatus(command + ": " + name);
        } else {
            System.err.printf("[%s %6.1f s] %s%n", command, (System.nanoTime() - start) / 1e9, name);
        }
    }

    @Override
    public void progress(long done, long total) {
        if (gui) {
            IJ.showProgress((double) done / Math.max(total, 1));
        }
    }

    @Override
    public boolean isCancelled() {
        return gui && IJ.escapePressed();
    }
}
