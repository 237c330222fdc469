package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.Choice;
import org.spikescope.core.InputException;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.OutputTargets;
import org.spikescope.fiji.display.RegistrationDisplay;
import org.spikescope.register.AlignOn;
import org.spikescope.register.Alignment;
import org.spikescope.register.RegistrationResult;
import org.spikescope.register.RegistrationRun;
import org.spikescope.register.RegistrationSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The same cells across sessions (CellReg class): sessions' footprints aligned to a reference, cell pairs scored by
 * a same/different cells model, registered cells written as cell_map.csv with pairs.csv, alignment.csv,
 * cell_scores.csv, model.png, sessions.png and results.h5.
 */
@Plugin(type = Command.class, label = "Register Sessions")
public class RegisterSessionsCommand implements Command {

    private static final RegistrationSettings D = RegistrationSettings.defaults();

    @Parameter(label = "Sessions", description = "comma-separated, in order: results bundles, results.h5 files, "
            + "ImageJ RoiSet.zip files or footprint CSVs (cell,row,col,value; .csv or .csv.gz)")
    String sessions;

    @Parameter(label = "Reference session", min = "1", description = "the session the others are aligned to, "
            + "counted from 1")
    int reference = D.reference();

    @Parameter(label = "Pixel size (µm)", min = "0", description = "µm per pixel, for distances")
    double pixelSize = D.pixelSize();

    @Parameter(label = "Alignment", choices = {"translation", "rigid", "nonrigid"},
            description = "rigid = translation and rotation; nonrigid adds a smooth displacement field")
    String alignment = D.alignment().label();

    @Parameter(label = "Align on", choices = {"footprints", "mean", "correlation"},
            description = "the cells' footprints (any input), or the mean or correlation image results bundles keep")
    String alignOn = D.alignOn().label();

    @Parameter(label = "Maximal distance (µm)", min = "0", description = "cells farther apart once aligned are "
            + "never the same cell (CellReg: 14)")
    double maxDistance = D.maxDistance();

    @Parameter(label = "P_same threshold", min = "0", max = "1", description = "probability at which a pair "
            + "counts as one cell")
    double pSame = D.pSame();

    @Parameter(label = "Largest rotation (degrees)", min = "0", max = "45")
    double maxRotation = D.maxRotation();

    @Parameter(label = "Output folder", style = "directory")
    File output;

    @Parameter(label = "Overwrite", description = "write into a folder holding other files, or replace files of the "
            + "same names that SpikeScope did not write (nothing else is touched)")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        List<Path> files = parse(sessions);
        File[] inputs = files.stream().map(Path::toFile).toArray(File[]::new);
        RegistrationSettings settings = new RegistrationSettings(reference, pixelSize,
                Choice.parse(Alignment.class, alignment, "alignment"), maxDistance, pSame, maxRotation,
                Choice.parse(AlignOn.class, alignOn, "alignOn")).validate();
        RegistrationResult r;
        try {
            r = RegistrationRun.toFolder(files, settings, OutputTargets.of("output", output, overwrite, inputs),
                    FijiProgress.forCommand("Register Sessions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RegistrationDisplay.show(r);
        summary = String.format(Locale.ROOT, "%d sessions, %d registered cells (%d in two or more sessions, %d in "
                        + "all); pairs P_same = 0.5 at spatial correlation %.2f; results in %s", files.size(),
                r.cells().size(), r.cellsInAtLeast(2), r.cellsInAtLeast(files.size()),
                r.model().correlationAt(0.5), output);
    }

    static List<Path> parse(String sessions) {
        List<Path> files = Arrays.stream(sessions == null ? new String[0] : sessions.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        if (files.isEmpty()) {
            throw new InputException("parameter 'sessions': no sessions given (comma-separated results bundles, "
                    + "results.h5, RoiSet.zip or footprint CSV files)");
        }
        return files;
    }
}
