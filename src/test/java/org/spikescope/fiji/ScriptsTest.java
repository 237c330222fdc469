package org.spikescope.fiji;

import ij.ImagePlus;
import org.junit.jupiter.api.Test;
import org.spikescope.core.Footprint;
import org.spikescope.core.TraceSet;
import org.spikescope.io.FootprintArrays;
import org.spikescope.spikes.CellResult;
import org.spikescope.testing.FootprintMatching;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.imglib2.img.array.ArrayImg;
import io.jhdf.HdfFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Fiji scripts of scripts/ run through JSR-223 as Fiji's script editor runs them: the #@ parameter lines are
 * Fiji's (bound here by hand), the rest is plain Groovy on SpikeScope's Java API.
 */
class ScriptsTest {

    /** Runs a Fiji script with its inputs bound, returning the engine to read its outputs from. */
    static ScriptEngine run(Path script, String language, java.util.Map<String, Object> inputs) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName(language);
        assertNotNull(engine, language + " engine");
        inputs.forEach(engine::put);
        String body = Files.readAllLines(script).stream().filter(l -> !l.startsWith("#@"))
                .collect(Collectors.joining("\n"));
        engine.eval(body);
        return engine;
    }

    @Test
    void groovyPipelineOnAnImgLib2ViewFindsTheBundledCells() throws Exception {
        ImagePlus imp = CommandsOnImagesTest.bundledRecording();
        ScriptEngine engine = run(Path.of("scripts", "SpikeScope_Pipeline.groovy"), "groovy",
                java.util.Map.of("imp", imp, "frameRate", 20.0));
        ArrayImg<?, ?> footprints = (ArrayImg<?, ?>) engine.get("footprints");
        TraceSet traces = (TraceSet) engine.get("traces");
        CellResult[] spikes = (CellResult[]) engine.get("spikes");
        int cells = spikes.length;
        assertEquals(cells, (int) footprints.dimension(2));
        assertEquals(128, footprints.dimension(0));
        assertEquals(cells, traces.cells());
        assertEquals(298, traces.frames());
        assertEquals(298, spikes[0].spikes().length);

        // the cells against the recording's ground truth, up to the motion template's whole-pixel offset
        List<Footprint> found = new ArrayList<>();
        float[][][] planes = new float[cells][128][128];
        float[] data = ((net.imglib2.img.basictypeaccess.array.FloatArray) footprints.update(null))
                .getCurrentStorageArray();
        for (int c = 0; c < cells; c++) {
            for (int y = 0; y < 128; y++) {
                System.arraycopy(data, (c * 128 + y) * 128, planes[c][y], 0, 128);
            }
        }
        found.addAll(FootprintArrays.sparse(planes, "script footprints"));
        List<Footprint> truth;
        try (HdfFile h5 = new HdfFile(Path.of("test-images", "sim-small", "groundtruth", "results.h5"))) {
            truth = FootprintArrays.sparse((float[][][]) h5.getDatasetByPath("/footprints").getData(), "truth");
        }
        double f1 = FootprintMatching.f1UpToOffset(truth, found, 128, 128, 3);
        System.out.printf("Groovy pipeline script: %d cells, F1 %.3f against the %d true cells%n", cells, f1,
                truth.size());
        assertTrue(f1 >= 0.85, "F1 " + f1);
    }
}
