package org.spikescope.fiji.commands;

import ij.IJ;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.InputException;
import org.spikescope.fiji.display.ReviewWindow;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Opens a results bundle for review: its cells outlined on the corrected movie, each one's traces on selection,
 * and buttons to accept, reject, merge, undo and apply (see {@link ReviewWindow}). Headless, "Apply Curation" does
 * the same from a CSV.
 */
@Plugin(type = Command.class, label = "Review Cells")
public class ReviewCellsCommand implements Command {

    @Parameter(label = "Results bundle", style = "directory",
            description = "the results folder of Run SpikeScope Pipeline, Detect Neurons or Extract Traces")
    File bundle;

    @Override
    public void run() {
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            throw new InputException("\"Review Cells\" is a window: it needs Fiji's display; headless, give the "
                    + "decisions to \"Apply Curation\" as a CSV (cell,status,merged_into,source)");
        }
        if (bundle == null || bundle.getPath().isEmpty()) {
            throw new InputException("parameter 'bundle': no results folder given");
        }
        try {
            ReviewWindow.open(bundle.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
