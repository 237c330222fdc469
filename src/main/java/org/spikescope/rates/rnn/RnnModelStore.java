package org.spikescope.rates.rnn;

import org.spikescope.io.FileTrees;
import org.spikescope.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trained models in a folder: {@code <name>.zip} (DL4J's model file: configuration, weights and Adam's state) and
 * {@code <name>.json} (the preprocessing, the settings, the model's kind and initial configuration, the neurons, the
 * trials and their split, the loss curve).
 * A model is reused only for the same settings, neurons and trials; anything else is trained afresh.
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
        Path zip = dir.resolve(fileName(group) + ".zip");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(zip)) {
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
        return new Model(RnnNetwork.load(zip.toFile(), saved.preprocessing().steps()), saved);
    }

    public void save(String group, Model model) throws IOException {
        Files.createDirectories(dir);
        Path zip = dir.resolve(fileName(group) + ".zip");
        FileTrees.writeAtomically(zip, temp -> model.network().save(temp.toFile()));
        FileTrees.writeAtomically(dir.resolve(fileName(group) + ".json"),
                temp -> Json.MAPPER.writeValue(temp.toFile(), model.saved()));
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
