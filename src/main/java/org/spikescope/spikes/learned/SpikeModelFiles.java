package org.spikescope.spikes.learned;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.spikescope.core.InputException;
import org.spikescope.io.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A spike-inference model on disk: {@code <name>.json} (what the model is: its frame rate, smoothing, layout,
 * noise levels, ensemble size and how it was trained) and {@code <name>.weights} beside it (every network's
 * weights in DL4J's order as little-endian float32, level by level, member by member). Both are plain data read
 * field by field and checked against each other before anything is allocated: no Java serialisation, no class
 * named by the file.
 */
public final class SpikeModelFiles {

    public static final String FORMAT = "spikescope-spike-model";
    public static final int VERSION = 1;
    public static final String WEIGHTS_SUFFIX = ".weights";

    /** The JSON document. */
    public record Header(String format, int version, @JsonProperty("frame_rate_hz") double frameRateHz,
                         @JsonProperty("smoothing_s") double smoothingSeconds, int channels, int kernel,
                         int[] dilations, @JsonProperty("noise_levels") double[] noiseLevels,
                         @JsonProperty("networks_per_level") int networksPerLevel,
                         @JsonProperty("weights_per_network") long weightsPerNetwork, String weights,
                         SpikeModel.Training training) {
    }

    /** Bounds on a layout a file may ask for (ours use far less): they keep a crafted header from exhausting memory. */
    private static final int MAX_CHANNELS = 256;
    private static final int MAX_KERNEL = 63;
    private static final int MAX_LAYERS = 12;
    private static final int MAX_DILATION = 256;
    private static final int MAX_NETWORKS = 1_000;

    private SpikeModelFiles() {
    }

    /** {@code <name>.weights} beside {@code <name>.json}. */
    public static Path weightsOf(Path json) {
        String name = json.getFileName().toString();
        String stem = name.toLowerCase().endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(stem + WEIGHTS_SUFFIX);
    }

    /** Writes both files where asked (callers stage them, see {@code OutputFolder}). */
    public static void write(SpikeModel model, Path json) throws IOException {
        SpikeNetwork.Architecture a = model.architecture();
        int members = model.networks()[0].length;
        long perNetwork = SpikeNetwork.parameterCount(a);
        Path weights = weightsOf(json);
        Header h = new Header(FORMAT, VERSION, model.frameRate(), model.smoothingSeconds(), a.channels(), a.kernel(),
                a.dilations(), model.levels(), members, perNetwork, weights.getFileName().toString(), model.training());
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(weights))) {
            ByteBuffer buffer = ByteBuffer.allocate((int) perNetwork * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (SpikeNetwork[] level : model.networks()) {
                for (SpikeNetwork net : level) {
                    buffer.clear();
                    buffer.asFloatBuffer().put(net.parameters());
                    out.write(buffer.array());
                }
            }
        }
        Json.MAPPER.writeValue(json.toFile(), h);
    }

    /** A model from its JSON file and the weights file beside it. */
    public static SpikeModel read(Path json) throws IOException {
        if (!Files.isRegularFile(json)) {
            throw new InputException(json + ": no such model file (expected a SpikeScope spike model, <name>.json)");
        }
        Header h = header(Files.readAllBytes(json), json.toString());
        Path weights = json.resolveSibling(h.weights());
        if (!weights.getParent().equals(json.getParent()) || !Files.isRegularFile(weights)) {
            throw new InputException(json + ", field 'weights': " + h.weights()
                    + " must be a file beside the model file");
        }
        long expected = expectedBytes(h, json.toString());
        if (Files.size(weights) != expected) {
            throw new InputException(weights + ": " + Files.size(weights) + " bytes; the model file " + json
                    + " asks for " + expected + " (" + h.noiseLevels().length + " levels × " + h.networksPerLevel()
                    + " networks × " + h.weightsPerNetwork() + " float32 weights)");
        }
        return build(h, Files.readAllBytes(weights), json.toString());
    }

    /** A model shipped in the plugin, {@code /org/spikescope/spikes/models/<name>.json} and its weights. */
    public static SpikeModel readResource(String name) throws IOException {
        String base = "/org/spikescope/spikes/models/" + name;
        Header h = header(resource(base + ".json"), base + ".json");
        byte[] weights = resource("/org/spikescope/spikes/models/" + h.weights());
        if (weights.length != expectedBytes(h, base + ".json")) {
            throw new InputException(base + WEIGHTS_SUFFIX + ": " + weights.length + " bytes, expected "
                    + expectedBytes(h, base + ".json"));
        }
        return build(h, weights, base + ".json");
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SpikeModelFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new InputException("the plugin has no model " + path + " (a damaged installation?)");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static Header header(byte[] bytes, String file) {
        Header h;
        try {
            h = Json.MAPPER.readValue(bytes, Header.class);
        } catch (IOException e) {
            throw new InputException(file + ": not a SpikeScope spike model (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(h.format()) || h.version() != VERSION) {
            throw new InputException(file + ", fields 'format' and 'version': expected " + FORMAT + " version "
                    + VERSION + ", found " + h.format() + " version " + h.version());
        }
        require(h.frameRateHz() > 0 && h.frameRateHz() < 10_000, file, "frame_rate_hz", "a rate in Hz");
        require(h.smoothingSeconds() >= 0 && h.smoothingSeconds() < 60, file, "smoothing_s", "seconds ≥ 0");
        require(h.channels() >= 1 && h.channels() <= MAX_CHANNELS, file, "channels", "1 to " + MAX_CHANNELS);
        require(h.kernel() >= 1 && h.kernel() <= MAX_KERNEL && h.kernel() % 2 == 1, file, "kernel",
                "an odd number up to " + MAX_KERNEL);
        require(h.dilations() != null && h.dilations().length >= 1 && h.dilations().length <= MAX_LAYERS
                && java.util.Arrays.stream(h.dilations()).allMatch(d -> d >= 1 && d <= MAX_DILATION), file,
                "dilations", "1 to " + MAX_LAYERS + " dilations of 1 to " + MAX_DILATION);
        require(h.noiseLevels() != null && h.noiseLevels().length >= 1
                && h.noiseLevels().length * (long) h.networksPerLevel() <= MAX_NETWORKS, file, "noise_levels",
                "at most " + MAX_NETWORKS + " networks in all");
        require(h.networksPerLevel() >= 1, file, "networks_per_level", "1 or more");
        require(h.weights() != null && !h.weights().contains("/") && !h.weights().contains("\\")
                && !h.weights().startsWith("."), file, "weights", "a file name beside the model file");
        return h;
    }

    private static long expectedBytes(Header h, String file) {
        long perNetwork = SpikeNetwork.parameterCount(architecture(h, file));
        require(h.weightsPerNetwork() == perNetwork, file, "weights_per_network",
                perNetwork + " for its layout");
        return 4L * perNetwork * h.networksPerLevel() * h.noiseLevels().length;
    }

    private static SpikeNetwork.Architecture architecture(Header h, String file) {
        try {
            return new SpikeNetwork.Architecture(h.channels(), h.kernel(), h.dilations());
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    private static SpikeModel build(Header h, byte[] weights, String file) {
        SpikeNetwork.Architecture a = architecture(h, file);
        int per = (int) h.weightsPerNetwork();
        java.nio.FloatBuffer values = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        SpikeNetwork[][] networks = new SpikeNetwork[h.noiseLevels().length][h.networksPerLevel()];
        for (SpikeNetwork[] level : networks) {
            for (int m = 0; m < level.length; m++) {
                float[] p = new float[per];
                values.get(p);
                for (float v : p) {
                    require(Float.isFinite(v), file, "weights", "finite numbers");
                }
                level[m] = SpikeNetwork.restore(a, p);
            }
        }
        try {
            SpikeModel.Training t = h.training() != null ? h.training()
                    : new SpikeModel.Training(List.of(), 0, 0, 0, 0, 0, 0, 0);
            return new SpikeModel(h.frameRateHz(), h.smoothingSeconds(), a, h.noiseLevels(), networks, t);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ", field 'noise_levels': " + e.getMessage());
        }
    }

    private static void require(boolean ok, String file, String field, String expected) {
        if (!ok) {
            throw new InputException(file + ", field '" + field + "': expected " + expected);
        }
    }
}
