package org.spikescope.pipeline;

import org.spikescope.core.SettingsCheck;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.io.FileTrees;
import org.spikescope.io.Json;
import org.spikescope.io.JsonSettings;
import org.spikescope.motion.MotionSettings;
import org.spikescope.spikes.DeconvolutionSettings;

import java.io.IOException;
import java.nio.file.Path;

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
        return JsonSettings.overlay(defaults(), file, PipelineSettings.class, "settings",
                "frameRate, detectCorrupted, motion, detection and spikes").validate();
    }

    /** Writes the settings as JSON, atomically. */
    public void save(Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> Json.MAPPER.writeValue(temp.toFile(), this));
    }
}
