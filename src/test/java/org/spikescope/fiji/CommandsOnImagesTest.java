package org.spikescope.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginService;
import org.spikescope.core.FrameSource;
import org.spikescope.core.TraceSet;
import org.spikescope.fiji.commands.DetectNeuronsCommand;
import org.spikescope.io.TraceTables;
import org.spikescope.movie.MovieOpener;
import org.spikescope.testing.HeadlessRuns;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A command on a movie takes it as an ImagePlus parameter: a script hands its own image through SciJava (no
 * active image needed), and the macro bridge and launcher hand the active image as Fiji does.
 */
class CommandsOnImagesTest {

    static ImagePlus bundledRecording() throws Exception {
        try (FrameSource movie = MovieOpener.open(Path.of("test-images", "sim-small"), "", 0)) {
            ImageStack stack = new ImageStack(movie.width(), movie.height());
            for (int t = 0; t < movie.frameCount(); t++) {
                float[] f = movie.readFrame(t, null);
                byte[] b = new byte[f.length];
                for (int i = 0; i < f.length; i++) {
                    b[i] = (byte) Math.round(f[i]);
                }
                stack.addSlice(null, b);
            }
            return new ImagePlus("sim-small", stack);
        }
    }

    @Test
    void aScriptHandsItsOwnImage(@TempDir Path dir) throws Exception {
        ImagePlus imp = bundledRecording();
        assertNull(WindowManager.getCurrentImage(), "no active image");
        try (Context context = new Context(PluginService.class, CommandService.class, ModuleService.class)) {
            context.service(CommandService.class).run(DetectNeuronsCommand.class, true, "movie", imp, "output",
                    dir.resolve("cells").toFile(), "frameRate", 20.0).get();
        }
        TraceSet traces = TraceTables.read(dir.resolve("cells").resolve("traces.csv"));
        assertEquals(298, traces.frames());
        assertTrue(traces.cells() >= 15, traces.cells() + " cells");
    }

    @Test
    void theActiveImageWhenNoFileIsGiven(@TempDir Path dir) throws Exception {
        ImagePlus imp = bundledRecording();
        WindowManager.setTempCurrentImage(imp);
        try {
            HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Detect Neurons", "output='"
                    + dir.resolve("cells") + "'");
            assertEquals(0, run.code(), run.err());
        } finally {
            WindowManager.setTempCurrentImage(null);
        }
        assertTrue(TraceTables.read(dir.resolve("cells").resolve("traces.csv")).cells() >= 15);
        HeadlessRuns.Run none = HeadlessRuns.launch("--headless", "--run", "Detect Neurons", "output='"
                + dir.resolve("none") + "'");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no recording given and no image is open"), none.err());
    }
}
