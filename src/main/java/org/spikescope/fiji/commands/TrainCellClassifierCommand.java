package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.InputException;
import org.spikescope.fiji.OutputTargets;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.pipeline.CellClassifier;
import org.spikescope.pipeline.CellClassifierTraining;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A cell classifier learned from curated bundles (their curation.csv): logistic regression on each cell's size,
 * compactness, spatial correlation, trace skewness and peak over noise, spike SNR and rate. "Run SpikeScope
 * Pipeline" with {@code classifier} rejects the cells it would reject, unless the user decided otherwise.
 */
@Plugin(type = Command.class, label = "Train Cell Classifier")
public class TrainCellClassifierCommand implements Command {

    @Parameter(label = "Curated bundles", description = "comma-separated results bundles that hold a curation.csv")
    String bundles;

    @Parameter(label = "Classifier output (JSON)", style = "save")
    File output;

    @Parameter(label = "Overwrite", description = "replace a file of that name that SpikeScope did not write")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        List<Path> folders = Arrays.stream(bundles == null ? new String[0] : bundles.split(","))
                .map(String::trim).filter(b -> !b.isEmpty()).map(Path::of).toList();
        if (folders.isEmpty()) {
            throw new InputException("parameter 'bundles': no curated bundles given (comma-separated)");
        }
        OutputTarget target = OutputTargets.of("output", output, overwrite);
        CellClassifier classifier;
        try (OutputFolder folder = OutputFolder.files(target, "cell-classifier", List.of(target.path()))) {
            classifier = CellClassifierTraining.train(folders);
            classifier.save(folder.staged(target.path()));
            folder.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summary = String.format(Locale.ROOT, "cell classifier from %d cells of %d bundles (%d rejected by the user); "
                + "written to %s", classifier.cells(), folders.size(), classifier.rejected(), output);
    }
}
