package org.spikescope.decode;

import org.spikescope.core.Choice;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.SettingsCheck;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.TextTable;
import org.spikescope.rates.BinnedTrials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "Decode Trial Labels" from files: activity from a spikes CSV and trials CSV (binned in the window) or an HDF5
 * dataset; results CSV {@code decoder,accuracy,balanced_accuracy,chance,p_value}, and each decoder's confusion
 * matrix as {@code <output>_confusion_<decoder>.csv} (rows true labels, columns predicted).
 */
public final class DecodingRun {

    private DecodingRun() {
    }

    /** @param window ms from each trial's start, {from, to} */
    /**
     * @param window       from, to: ms from each trial's start
     * @param binSize      ms
     * @param decoders     which decoders, in this order
     * @param folds        cross-validation folds
     * @param shuffleFolds stratified shuffled folds instead of contiguous blocks of trials
     * @param balance      repeat minority classes' training trials
     * @param permutations label permutations for chance and the p-value
     * @param c            logistic regression's inverse L2 strength
     * @param models       the decoders' own sizes
     */
    public record Settings(double[] window, double binSize, List<DecoderKind> decoders, int folds, boolean shuffleFolds,
                           boolean balance, int permutations, double c, long seed, Models models) {

        public static Settings defaults() {
            return new Settings(new double[] {0, 1000}, 100, List.of(DecoderKind.LOGISTIC), 5, false, false, 100, 1, 1,
                    Models.defaults());
        }

        public Settings validate() {
            SettingsCheck check = new SettingsCheck("decoding settings")
                    .require(window != null && window.length == 2 && window[1] > window[0], "window must be two "
                            + "times in ms, 'from,to' with to after from")
                    .positive("binSize", binSize)
                    .require(decoders != null && !decoders.isEmpty(), "decoders: name at least one of "
                            + Choice.labels(DecoderKind.class))
                    .require(folds >= 2, "folds must be at least 2 (got " + folds + ")")
                    .require(permutations >= 0, "permutations must be 0 or more (got " + permutations + ")")
                    .positive("c", c)
                    .require(models != null, "models: the decoders' sizes are missing")
                    .require(models == null || (models.logisticIterations() > 0 && models.lstmHidden() > 0
                            && models.lstmEpochs() > 0 && models.treeRounds() > 0 && models.treeDepth() > 0),
                            "models: iterations, hidden units, epochs, rounds and depth must be positive")
                    .require(models == null || (models.treeEta() > 0 && models.treeEta() <= 1),
                            "models: treeEta must lie in (0, 1]");
            check.done();
            return this;
        }
    }

    /**
     * The decoders' own sizes: logistic regression's iterations, the LSTM's hidden units and training epochs, the
     * boosted trees' rounds, depth and learning rate.
     */
    public record Models(int logisticIterations, int lstmHidden, int lstmEpochs, int treeRounds, int treeDepth,
                         double treeEta) {

        public static Models defaults() {
            return new Models(300, 16, 150, 100, 3, 0.1);
        }
    }

    public record Result(TrialData data, List<DecodingResult> results) {
    }

    public static Decoder decoder(DecoderKind kind, Settings s, TrialData data) {
        return switch (kind) {
            case LOGISTIC -> new LogisticDecoder(s.c(), s.models().logisticIterations());
            case LSTM -> new RecurrentDecoder(data.neurons(), data.bins(), s.models().lstmHidden(),
                    s.models().lstmEpochs(), s.seed());
            case XGBOOST -> new BoostedTreesDecoder(s.models().treeRounds(), s.models().treeDepth(),
                    s.models().treeEta(), s.seed());
        };
    }

    public static Result toFile(Path input, Path trials, String spikesDataset, String labelsDataset, Settings s,
                                OutputTarget output, ProgressListener progress) throws IOException {
        s.validate();
        List<Path> written = new ArrayList<>(List.of(output.path()));
        s.decoders().forEach(d -> written.add(sibling(output.path(), "_confusion_" + d.label())));
        try (OutputFolder folder = OutputFolder.files(output, "decoding", written)) {
            Result r = decode(input, trials, spikesDataset, labelsDataset, s, folder.staged(output.path()), progress);
            folder.commit();
            return r;
        }
    }

    /** Decodes the trials' labels from their binned activity, nothing written. */
    public static Result inMemory(BinnedTrials binned, Settings s, ProgressListener progress) {
        s.validate();
        TrialData data = TrialData.of(binned);
        Folds folds = s.shuffleFolds() ? Folds.stratified(data.labels(), s.folds(), s.seed())
                : Folds.contiguous(data.trials(), s.folds());
        folds.requireEveryClassInTraining(data.labels(), data.classes());
        List<DecodingResult> results = new ArrayList<>();
        for (DecoderKind kind : s.decoders()) {
            Decoder d = decoder(kind, s, data);
            progress.stage("Decoding: " + d.name());
            results.add(TrialDecoding.run(d, data, folds, s.balance(), s.permutations(), s.seed(), progress));
        }
        return new Result(data, results);
    }

    private static Result decode(Path input, Path trials, String spikesDataset, String labelsDataset, Settings s,
                                 Path output, ProgressListener progress) throws IOException {
        progress.stage("Reading trials");
        // decoding needs labels: an unnamed labels dataset is an error, not "no labels"
        Result decoded = inMemory(ActivityFiles.read(input, trials, spikesDataset, labelsDataset == null ? ""
                : labelsDataset, s.window(), s.binSize()), s, progress);
        for (DecodingResult r : decoded.results()) {
            confusion(r, decoded.data()).write(sibling(output, "_confusion_" + r.decoder()));
        }
        table(decoded.results()).write(output);
        return decoded;
    }

    /** {@code decoder,accuracy,balanced_accuracy,chance,p_value}, one row per decoder. */
    public static TextTable table(List<DecodingResult> results) {
        TextTable table = new TextTable(List.of("decoder", "accuracy", "balanced_accuracy", "chance", "p_value"));
        for (DecodingResult r : results) {
            table.add(r.decoder(), r.accuracy(), r.balancedAccuracy(), r.chance(), r.pValue());
        }
        return table;
    }

    public static TextTable confusion(DecodingResult r, TrialData data) {
        List<String> header = new ArrayList<>(List.of("true_label"));
        header.addAll(data.classes());
        TextTable t = new TextTable(header);
        for (int k = 0; k < data.classes().size(); k++) {
            Object[] row = new Object[header.size()];
            row[0] = data.classes().get(k);
            for (int j = 0; j < data.classes().size(); j++) {
                row[1 + j] = r.confusion()[k][j];
            }
            t.add(row);
        }
        return t;
    }

    private static Path sibling(Path output, String suffix) {
        String file = output.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        return output.resolveSibling(stem + suffix + ".csv");
    }
}
