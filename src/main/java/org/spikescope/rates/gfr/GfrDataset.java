package org.spikescope.rates.gfr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spikescope.core.InputException;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Allen Institute GRNN dataset's JSON: a list of entries {@code {cell_id, "cre-line", bin_size, actv_bin_size,
 * val_evr, test_evr, train_loss, test_loss, params: {a: [[α…]], b: [[β…]], ds: [λ…], bin_size, g: {max_current: [σ],
 * max_firing_rate: [γ], poly_coeff: [[c0, c1, …]], b: [b], bin_size}}}}. Reading checks every field; an error names
 * the file, the entry and the field.
 */
public final class GfrDataset {

    private GfrDataset() {
    }

    public static List<GfrCell> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'dataset': " + file + ": no such file");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isArray()) {
            throw new InputException(file + ": expected a JSON list of GFR entries (cell_id, bin_size, params, …)");
        }
        List<GfrCell> cells = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            cells.add(entry(new Where(file, i, root.get(i).path("cell_id").asText("?")), root.get(i)));
        }
        return cells;
    }

    /** Names the file and entry in messages. */
    private record Where(Path file, int index, String cell) {
        InputException error(String field, String expected) {
            return new InputException(String.format(Locale.ROOT, "%s: entry %d (cell %s), field '%s': expected %s",
                    file, index + 1, cell, field, expected));
        }
    }

    private static GfrCell entry(Where w, JsonNode e) {
        if (!e.isObject()) {
            throw w.error("(entry)", "an object");
        }
        JsonNode cellId = e.get("cell_id");
        if (cellId == null || !(cellId.isNumber() || cellId.isTextual())) {
            throw w.error("cell_id", "a cell id");
        }
        JsonNode p = object(w, e, "params", "params");
        JsonNode g = object(w, p, "g", "params.g");
        double[] lambda = vector(w, p.get("ds"), "params.ds");
        for (double l : lambda) {
            if (!(l >= 0 && l <= 1)) {
                throw w.error("params.ds", "decay factors λ between 0 and 1 (found " + l + ")");
            }
        }
        double[] alpha = row(w, p.get("a"), "params.a", lambda.length);
        double[] beta = row(w, p.get("b"), "params.b", lambda.length);
        double[] poly = row(w, g.get("poly_coeff"), "params.g.poly_coeff", -1);
        GfrActivation activation = new GfrActivation(single(w, g.get("max_current"), "params.g.max_current"),
                single(w, g.get("max_firing_rate"), "params.g.max_firing_rate"), poly,
                single(w, g.get("b"), "params.g.b"), number(w, g.get("bin_size"), "params.g.bin_size"));
        if (!(activation.maxCurrent() > 0) || !(activation.maxFiringRate() > 0)) {
            throw w.error("params.g.max_current / max_firing_rate", "positive numbers");
        }
        JsonNode cre = e.get("cre-line");
        return new GfrCell(cellId.asText(), cre == null || cre.isNull() ? "" : cre.asText(),
                number(w, e.get("bin_size"), "bin_size"), number(w, e.get("actv_bin_size"), "actv_bin_size"),
                optional(e.get("val_evr")), optional(e.get("test_evr")), optional(e.get("train_loss")),
                optional(e.get("test_loss")), alpha, beta, lambda, activation);
    }

    private static JsonNode object(Where w, JsonNode parent, String name, String field) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw w.error(field, "an object");
        }
        return n;
    }

    private static double number(Where w, JsonNode n, String field) {
        if (n == null || !n.isNumber()) {
            throw w.error(field, "a number");
        }
        if (!Double.isFinite(n.asDouble())) {
            throw w.error(field, "a finite number");
        }
        return n.asDouble();
    }

    /** Metrics may be missing or null in partial sets: NaN then, which no filter passes. */
    private static double optional(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    private static double[] vector(Where w, JsonNode n, String field) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw w.error(field, "a list of numbers");
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(w, n.get(i), field + "[" + i + "]");
        }
        return out;
    }

    /** A [[…]] list holding one row; {@code length} −1 for any. */
    private static double[] row(Where w, JsonNode n, String field, int length) {
        if (n == null || !n.isArray() || n.size() != 1) {
            throw w.error(field, "a list holding one list of numbers, [[…]]");
        }
        double[] out = vector(w, n.get(0), field);
        if (length >= 0 && out.length != length) {
            throw w.error(field, length + " numbers (one per hidden state, as params.ds), got " + out.length);
        }
        return out;
    }

    /** A [x] list holding one number. */
    private static double single(Where w, JsonNode n, String field) {
        if (n == null || !n.isArray() || n.size() != 1) {
            throw w.error(field, "a list holding one number, [x]");
        }
        return number(w, n.get(0), field);
    }

    /** Writes a dataset file of these cells (committed atomically; refused over a file SpikeScope did not write). */
    public static void write(List<GfrCell> cells, OutputTarget target) throws IOException {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        for (GfrCell c : cells) {
            root.add(node(c));
        }
        commit(root, target);
    }

    /**
     * Adds {@code cell} to the dataset file, replacing an entry of the same cell and bin sizes; every other entry is
     * kept as it was, with fields SpikeScope does not know.
     *
     * @return the number of entries written
     */
    public static int add(GfrCell cell, OutputTarget target) throws IOException {
        Path file = target.path();
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        if (Files.isRegularFile(file)) {
            List<GfrCell> existing = read(file);
            JsonNode raw = Json.MAPPER.readTree(file.toFile());
            for (int i = 0; i < existing.size(); i++) {
                GfrCell c = existing.get(i);
                if (!(c.cellId().equals(cell.cellId()) && c.binSize() == cell.binSize()
                        && c.activationBinSize() == cell.activationBinSize())) {
                    root.add(raw.get(i));
                }
            }
        }
        root.add(node(cell));
        commit(root, target);
        return root.size();
    }

    private static void commit(ArrayNode root, OutputTarget target) throws IOException {
        try (OutputFolder folder = OutputFolder.files(target, "gfr-dataset", List.of(target.path()))) {
            Json.MAPPER.writeValue(folder.staged(target.path()).toFile(), root);
            folder.commit();
        }
    }

    private static ObjectNode node(GfrCell c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        {
            ObjectNode e = f.objectNode();
            if (c.cellId().matches("\\d{1,18}")) {
                e.put("cell_id", Long.parseLong(c.cellId()));
            } else {
                e.put("cell_id", c.cellId());
            }
            e.put("cre-line", c.creLine());
            e.put("bin_size", c.binSize());
            e.put("actv_bin_size", c.activationBinSize());
            putOptional(e, "val_evr", c.valEvr());
            putOptional(e, "test_evr", c.testEvr());
            putOptional(e, "train_loss", c.trainLoss());
            putOptional(e, "test_loss", c.testLoss());
            ObjectNode p = e.putObject("params");
            p.putArray("a").add(numbers(f, c.alpha()));
            p.putArray("b").add(numbers(f, c.beta()));
            p.set("ds", numbers(f, c.lambda()));
            p.put("bin_size", c.binSize());
            ObjectNode g = p.putObject("g");
            GfrActivation a = c.activation();
            g.putArray("max_current").add(a.maxCurrent());
            g.putArray("max_firing_rate").add(a.maxFiringRate());
            g.putArray("poly_coeff").add(numbers(f, a.polyCoeff()));
            g.putArray("b").add(a.threshold());
            g.put("bin_size", a.binSize());
            return e;
        }
    }

    private static void putOptional(ObjectNode e, String name, double v) {
        if (Double.isNaN(v)) {
            e.putNull(name);
        } else {
            e.put(name, v);
        }
    }

    private static ArrayNode numbers(JsonNodeFactory f, double[] v) {
        ArrayNode a = f.arrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    /** The entry of a cell at a bin size and activation bin size; an error listing what the file has otherwise. */
    public static GfrCell select(List<GfrCell> cells, String cellId, double binSize, double activationBinSize,
                                 Path file) {
        List<String> available = new ArrayList<>();
        for (GfrCell c : cells) {
            if (c.cellId().equals(cellId) && c.binSize() == binSize && c.activationBinSize() == activationBinSize) {
                return c;
            }
            if (c.cellId().equals(cellId)) {
                available.add(String.format(Locale.ROOT, "bin_size %s / actv_bin_size %s", fmt(c.binSize()),
                        fmt(c.activationBinSize())));
            }
        }
        throw new InputException(file + ": no entry for cell " + cellId + " at bin_size " + fmt(binSize)
                + " and actv_bin_size " + fmt(activationBinSize) + (available.isEmpty()
                ? " (no entry for this cell at all)" : "; it has " + String.join(", ", available)));
    }

    private static String fmt(double v) {
        return org.spikescope.io.CsvTable.format(v);
    }

    /**
     * The published set's filter: validation EVR above 0.5, final training loss below 0.45, and EVRs for both noise
     * sweeps (validation and test).
     */
    public static List<GfrCell> published(List<GfrCell> cells) {
        return cells.stream().filter(c -> c.valEvr() > 0.5 && c.trainLoss() < 0.45 && Double.isFinite(c.testEvr()))
                .toList();
    }
}
