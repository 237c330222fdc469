package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.InputException;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.pipeline.CurationRun;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Applies decisions on a bundle's cells from a CSV (cell,status,merged_into,source): rejected cells leave every
 * table, results.h5, RoiSet.zip and summary.png at once, merged cells are joined (traces extracted again); the
 * decisions are kept as curation.csv, the extraction as
 * it was in original/, and log.txt records the curation.
 */
@Plugin(type = Command.class, label = "Apply Curation")
public class ApplyCurationCommand implements Command {

    @Parameter(label = "Results bundle", style = "directory",
            description = "the results folder of Run SpikeScope Pipeline, Detect Neurons or Extract Traces")
    File bundle;

    @Parameter(label = "Decisions (CSV)", style = "open", description = "cell,status,merged_into,source: status "
            + "accepted, rejected or merged; source user or classifier")
    File curation;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        if (bundle == null || bundle.getPath().isEmpty()) {
            throw new InputException("parameter 'bundle': no results folder given");
        }
        if (curation == null || curation.getPath().isEmpty()) {
            throw new InputException("parameter 'curation': no decisions file given (cell,status,merged_into,source)");
        }
        CurationRun.Result r;
        try {
            r = CurationRun.apply(bundle.toPath(), curation.toPath(), FijiProgress.forCommand("Apply Curation"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summary = String.format(Locale.ROOT, "%d of %d cells kept (%d rejected, %d merged into others); the extraction "
                + "before curation is in %s/original", r.kept(), r.cells(), r.rejected(), r.merged(), bundle);
    }
}
