package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.InputException;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.display.Tables;
import org.spikescope.pipeline.BatchRun;
import org.spikescope.pipeline.PipelineSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline over every recording in a folder, one results bundle each, going on past a recording that fails;
 * shows (and writes) the summary table of all recordings.
 */
@Plugin(type = Command.class, label = "Batch Process Folder")
public class BatchProcessCommand implements Command {

    @Parameter(label = "Folder of recordings", style = "directory")
    File input;

    @Parameter(label = "Output folder", style = "directory")
    File output;

    @Parameter(label = "Settings (JSON)", style = "open", required = false,
            description = "settings.json with the fields that differ from the defaults; empty = defaults")
    File settings;

    @Parameter(label = "Redo finished recordings")
    boolean redo = false;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        if (input == null || output == null) {
            throw new InputException("parameters 'input' and 'output': both folders are needed");
        }
        try {
            PipelineSettings s = PipelineSettings.loadOrDefaults(settings == null ? null : settings.toPath());
            Path out = output.toPath();
            List<BatchRun.Outcome> outcomes = BatchRun.run(input.toPath(),
                    org.spikescope.fiji.OutputTargets.of("output", output, overwrite, input), s, redo,
                    FijiProgress.forCommand("Batch Process Folder"));
            long done = outcomes.stream().filter(o -> o.status().equals("done")).count();
            long failed = outcomes.stream().filter(o -> o.status().equals("failed")).count();
            summary = String.format(Locale.ROOT, "%d recordings: %d done, %d skipped, %d failed; summary in %s",
                    outcomes.size(), done, outcomes.size() - done - failed, failed, out.resolve(BatchRun.SUMMARY_CSV));
            Tables.show("SpikeScope Batch", BatchRun.summary(outcomes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
