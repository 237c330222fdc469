package org.spikescope.core;

import org.junit.jupiter.api.Test;
import org.spikescope.decode.DecodingRun;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.io.Json;
import org.spikescope.motion.MotionSettings;
import org.spikescope.pipeline.PipelineSettings;
import org.spikescope.rates.gfr.GfrFitSettings;
import org.spikescope.rates.rnn.RnnSettings;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.spikes.DeconvolutionSettings;
import org.spikescope.traces.TraceSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every stage's settings record (decoding included): its defaults pass validate(), and it survives a JSON round trip
 * field for field (written, read back, written again: the same text). A field read back wrong or dropped fails.
 */
class SettingsRoundTripTest {

    private static final List<Object> DEFAULTS = List.of(MotionSettings.defaults(), DetectionSettings.defaults(),
            TraceSettings.defaults(), DeconvolutionSettings.defaults(), PipelineSettings.defaults(),
            RnnSettings.defaults(), GfrFitSettings.defaults(), SimulationSettings.defaults(),
            DecodingRun.Settings.defaults(), org.spikescope.decode.PopulationPrediction.Settings.defaults());

    @Test
    void everySettingsRecordRoundTripsThroughJson() throws Exception {
        for (Object settings : DEFAULTS) {
            String json = Json.MAPPER.writeValueAsString(settings);
            Object back = Json.MAPPER.readValue(json, settings.getClass());
            assertEquals(json, Json.MAPPER.writeValueAsString(back), settings.getClass().getSimpleName());
        }
    }

    /** Choices are enums: JSON and macros keep their labels, read in any case; a misspelt one names its field. */
    @Test
    void choicesAreEnumsWithLabelsReadInAnyCase() throws Exception {
        String json = Json.MAPPER.writeValueAsString(MotionSettings.defaults());
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"mode\" : \"rigid\""), json);
        MotionSettings read = Json.MAPPER.readValue(json.replace("\"rigid\"", "\"PieceWise\""),
                MotionSettings.class);
        assertEquals(org.spikescope.motion.MotionMode.PIECEWISE, read.mode());
        assertEquals(org.spikescope.motion.MotionMode.PIECEWISE, MotionSettings.defaults().withMode(" Piecewise ").mode());
        assertEquals(org.spikescope.spikes.CalciumModel.AR2,
                DeconvolutionSettings.defaults().withModel("ar2", "l0").model());
        assertEquals(org.spikescope.sim.SimulatedFormat.V4, SimulationSettings.builder().format("V4").build().format());
        InputException e = assertThrows(InputException.class, () -> MotionSettings.defaults().withMode("diagonal"));
        assertEquals("parameter 'mode': 'diagonal' is not one of [rigid, piecewise]", e.getMessage());
    }

    @Test
    void decodingSettingsAreCheckedWithMessagesABiologistReads() {
        DecodingRun.Settings d = DecodingRun.Settings.defaults().validate();
        InputException e = assertThrows(InputException.class, () -> new DecodingRun.Settings(new double[] {500, 100},
                d.binSize(), List.of(), 1, false, false, -1, 0, 1, new DecodingRun.Models(300, 16, 150, 100, 3,
                1.5)).validate());
        for (String field : List.of("window", "decoders", "folds", "permutations", "c", "treeEta")) {
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(field), field + ": " + e.getMessage());
        }
        InputException svm = assertThrows(InputException.class, () -> Choice.parseList(
                org.spikescope.decode.DecoderKind.class, "logistic, svm", "decoders"));
        assertEquals("parameter 'decoders': 'svm' is not one of [logistic, lstm, xgboost]", svm.getMessage());
    }
}
