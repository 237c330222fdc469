package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * The inputs the decoding commands share: activity per trial from a spikes CSV with a trials CSV (binned in a
 * window), or from an HDF5 trials × neurons × bins dataset.
 */
public abstract class TrialActivityCommand implements Command {

    @Parameter(label = "Activity", description = "spikes CSV (spike times cell,time_s or counts per frame) with "
            + "a trials CSV, or an HDF5 file with a trials × neurons × bins dataset")
    File input;

    @Parameter(label = "Trials (CSV)", required = false, description = "trial,start_s,label (with a spikes CSV)")
    File trials;

    @Parameter(label = "Activity dataset (HDF5)", required = false)
    String spikesDataset = "";

    @Parameter(label = "Window (ms)", required = false, description = "'from,to' ms from each trial's start")
    String timeLims = "0,1000";

    @Parameter(label = "Bin size (ms)", min = "0")
    double binSize = 100;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    Path inputFile() {
        return input == null ? null : input.toPath();
    }

    Path trialsFile() {
        return trials == null || trials.getPath().isEmpty() ? null : trials.toPath();
    }
}
