package org.spikescope.rates.rnn;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.spikescope.core.InputException;
import org.spikescope.io.FileTrees;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trained models in a folder: {@code <name>.json} (the preprocessing, the settings, the model's kind and
 * configuration, the neurons, the trials and their split, the loss curve) and {@code <name>.weights.h5} (the
 * weights, one HDF5 dataset). Both are plain data that SpikeScope reads field by field: no Java serialisation, and
 * the model's kind comes from a fixed list ({@link SequenceModel#specType}), so a crafted model file can neither
 * load a class nor run code. A model is reused only for the same settings, neurons and trials; anything else
 * (models of versions before 0.2, DL4J zips) is trained afresh.
 */
public final class RnnModelStore {

    /** What is saved beside the network. */
    public record Saved(RnnSettings settings, String model, List<String> neurons, List<String> trials, int[] train,
                        int[] test, RnnPreprocessing preprocessing, LossCurve curve) {

        boolean sameRun(Saved other) throws IOException {
            return Json.MAPPER.writeValueAsString(settings).equals(Json.MAPPER.writeValueAsString(other.settings))
                    && model.equals(other.model) && neurons.equals(other.neurons) && trials.equals(other.trials);
        }
    }

    /** A model's kind and initial configuration, as compared between runs. */
    static String describe(SequenceModel.Spec spec) throws IOException {
        return spec.getClass().getSimpleName() + " " + Json.MAPPER.writer().without(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec);
    }

    public record Model(RnnNetwork network, Saved saved) {
    }

    static final String WEIGHTS = ".weights.h5";
    private static final String WEIGHTS_DATASET = "/weights";
    private final Path dir;

    public RnnModelStore(Path dir) {
        this.dir = dir;
    }

    /** A file name for a group of trials: letters, digits, '-' and '_' kept, anything else '_'. */
    public static String fileName(String group) {
        return group.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The model saved for {@code wanted}'s run, or null when there is none or it was made differently. */
    public Model find(String group, Saved wanted) throws IOException {
        Path json = dir.resolve(fileName(group) + ".json");
        Path weights = dir.resolve(fileName(group) + WEIGHTS);
        if (!Files.isRegularFile(json) || !Files.isRegularFile(weights)) {
            return null;
        }
        Saved saved;
        try {
            saved = Json.MAPPER.readValue(json.toFile(), Saved.class);
        } catch (IOException e) {
            return null; // unreadable (an older layout): train afresh
        }
        if (!saved.sameRun(wanted)) {
            return null;
        }
        int space = saved.model().indexOf(' ');
        SequenceModel.Spec spec;
        try {
            spec = Json.MAPPER.readValue(saved.model().substring(space + 1),
                    SequenceModel.specType(saved.model().substring(0, Math.max(space, 0))));
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(json + ", field 'model': " + e.getMessage());
        }
        RnnSettings s = saved.settings();
        RnnNetwork net = RnnNetwork.create(spec, s.learningRate(), saved.preprocessing().steps(), s.seed());
        double[] parameters = readWeights(weights, net.parameters().length);
        return new Model(RnnNetwork.restore(spec, s.learningRate(), saved.preprocessing().steps(), s.seed(),
                parameters), saved);
    }

    /** The weights, checked against the count the model has before they are read. */
    private static double[] readWeights(Path file, int expected) {
        try (HdfFile h5 = new HdfFile(file)) {
            Dataset d = h5.getDatasetByPath(WEIGHTS_DATASET);
            int[] dims = d.getDimensions();
            if (dims.length != 1 || dims[0] != expected || d.getJavaType() != double.class) {
                throw new InputException(file + ", dataset " + WEIGHTS_DATASET + ": expected " + expected
                        + " weights (float64), found " + java.util.Arrays.toString(dims) + " of " + d.getJavaType());
            }
            return (double[]) d.getData();
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(file + ": not a SpikeScope weights file (" + e.getMessage() + ")");
        }
    }

    public void save(String group, Model model) throws IOException {
        Files.createDirectories(dir);
        new ResultsH5().dataset(WEIGHTS_DATASET, model.network().parameters())
                .write(dir.resolve(fileName(group) + WEIGHTS));
        FileTrees.writeAtomically(dir.resolve(fileName(group) + ".json"),
                temp -> Json.MAPPER.writeValue(temp.toFile(), model.saved()));
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
