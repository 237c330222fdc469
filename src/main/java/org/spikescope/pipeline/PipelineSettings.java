package org.spikescope.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spikescope.core.InputException;
import org.spikescope.core.SettingsCheck;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.io.FileTrees;
import org.spikescope.io.Json;
import org.spikescope.motion.MotionSettings;
import org.spikescope.spikes.DeconvolutionSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Every setting of a pipeline run, one typed record per stage, saved as settings.json beside the results so that
 * the run can be repeated exactly. A settings file may hold only the fields that differ from the defaults.
 *
 * @param frameRate       Hz, or 0 to take it from the recording
 * @param detectCorrupted whether frames flagged corrupted are left out of templates and estimates
 */
public record PipelineSettings(double frameRate, boolean detectCorrupted, MotionSettings motion,
                               DetectionSettings detection, DeconvolutionSettings spikes) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(0, true, MotionSettings.defaults(), DetectionSettings.defaults(),
                DeconvolutionSettings.defaults());
    }

    public PipelineSettings validate() {
        new SettingsCheck("pipeline settings").nonNegative("frameRate", frameRate)
                .require(motion != null && detection != null && spikes != null,
                        "motion, detection and spikes settings are all needed").done();
        motion.validate();
        detection.validate();
        spikes.validate();
        return this;
    }

    /** The settings in {@code file}, or the defaults when no file is given (null or empty path). */
    public static PipelineSettings loadOrDefaults(Path file) throws IOException {
        return file == null || file.toString().isEmpty() ? defaults() : load(file);
    }

    /** The defaults with the fields of {@code file} laid over them; unknown fields are errors. */
    public static PipelineSettings load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'settings': " + file + ": no such file");
        }
        JsonNode given;
        try {
            given = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (given == null || !given.isObject()) {
            throw new InputException(file + ": expected a JSON object with frameRate, detectCorrupted, motion, "
                    + "detection and spikes");
        }
        ObjectNode merged = Json.MAPPER.valueToTree(defaults());
        overlay(merged, given, "", file);
        try {
            return Json.MAPPER.treeToValue(merged, PipelineSettings.class).validate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(file + ": " + e.getOriginalMessage());
        }
    }

    private static void overlay(ObjectNode target, JsonNode given, String path, Path file) {
        Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            JsonNode known = target.get(f.getKey());
            if (known == null) {
                throw new InputException(file + ": unknown setting '" + name + "'; known here: "
                        + String.join(", ", (Iterable<String>) target::fieldNames));
            }
            if (known.isObject()) {
                if (!f.getValue().isObject()) {
                    throw new InputException(file + ": '" + name + "' must be an object of settings");
                }
                overlay((ObjectNode) known, f.getValue(), name, file);
            } else {
                if (f.getValue().isContainerNode()) {
                    throw new InputException(file + ": '" + name + "' must be a single value");
                }
                target.set(f.getKey(), f.getValue());
            }
        }
    }

    /** Writes the settings as JSON, atomically. */
    public void save(Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> Json.MAPPER.writeValue(temp.toFile(), this));
    }
}
