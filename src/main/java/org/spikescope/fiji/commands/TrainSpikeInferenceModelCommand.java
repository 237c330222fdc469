package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.InputException;
import org.spikescope.fiji.FijiProgress;
import org.spikescope.fiji.OutputTargets;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.spikes.learned.GroundTruthSet;
import org.spikescope.spikes.learned.SpikeModel;
import org.spikescope.spikes.learned.SpikeModelFiles;
import org.spikescope.spikes.learned.SpikeModelTraining;
import org.spikescope.spikes.learned.TrainingSettings;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Trains a learned spike-inference model for any frame rate from ground-truth recordings (a lab's own too). */
@Plugin(type = Command.class, label = "Train Spike Inference Model")
public class TrainSpikeInferenceModelCommand implements Command {

    private static final TrainingSettings D = TrainingSettings.defaults(30);

    @Parameter(label = "Ground truth (folder)", style = "directory",
            description = "a dataset folder of <name>.csv[.gz] (time_s, dff, spike_count), or a folder of such folders")
    File groundTruth;

    @Parameter(label = "Leave out datasets", required = false, description = "comma-separated folder names")
    String leaveOut = "";

    @Parameter(label = "Frame rate (Hz)", min = "0", description = "the rate of the traces the model is for")
    double frameRate = 30;

    @Parameter(label = "Noise levels", description = "comma-separated ν (% ΔF/F per √Hz), or a range like 1-9")
    String noiseLevels = "1-9";

    @Parameter(label = "Networks per noise level", min = "1", max = "20")
    int networksPerLevel = D.networksPerLevel();

    @Parameter(label = "Epochs", min = "1")
    int epochs = D.epochs();

    @Parameter(label = "Segments per network", min = "1", description = "training segments drawn from the ground truth")
    int segments = D.segments();

    @Parameter(label = "Model output (JSON)", style = "save", description = "<name>.weights is written beside it")
    File output;

    @Parameter(label = "Overwrite", description = "replace files of the same names that SpikeScope did not write")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        if (groundTruth == null || groundTruth.getPath().isEmpty()) {
            throw new InputException("parameter 'groundTruth': no folder given");
        }
        TrainingSettings s = new TrainingSettings(frameRate, parseLevels(noiseLevels), networksPerLevel,
                D.architecture(), epochs, D.batch(), D.learningRate(), segments, D.scoredFrames(),
                D.smoothingSeconds(), D.seed()).validate();
        OutputTarget target = OutputTargets.of("output", output, overwrite, groundTruth);
        List<String> skip = Arrays.stream(leaveOut == null ? new String[0] : leaveOut.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList();
        SpikeModel model;
        try (OutputFolder folder = OutputFolder.files(target, "spike-model",
                List.of(target.path(), SpikeModelFiles.weightsOf(target.path())))) {
            List<GroundTruthSet.Recording> recordings = GroundTruthSet.readAll(groundTruth.toPath(), skip);
            model = SpikeModelTraining.train(recordings, s, FijiProgress.forCommand("Train Spike Inference Model"));
            SpikeModelFiles.write(model, folder.staged(target.path()));
            folder.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SpikeModel.Training t = model.training();
        summary = String.format(Locale.ROOT, "%s Hz model, %d noise levels × %d networks, from %d recordings "
                + "(%.1f h) of %d datasets, trained in %.0f s", frameRate, s.levels().length, networksPerLevel,
                t.recordings(), t.hours(), t.datasets().size(), t.seconds());
    }

    /** "1-9" or "2, 4, 6.5". */
    static double[] parseLevels(String text) {
        String v = text == null ? "" : text.trim();
        try {
            if (v.matches("\\d+\\s*-\\s*\\d+")) {
                String[] ends = v.split("-");
                int from = Integer.parseInt(ends[0].trim());
                int to = Integer.parseInt(ends[1].trim());
                if (from >= 1 && to >= from && to <= 100) {
                    double[] out = new double[to - from + 1];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = from + i;
                    }
                    return out;
                }
            } else if (!v.isEmpty()) {
                return Arrays.stream(v.split(",")).mapToDouble(x -> Double.parseDouble(x.trim())).toArray();
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InputException("parameter 'noiseLevels': '" + text + "'; expected a range like 1-9 or numbers "
                + "separated by commas");
    }
}
