package org.spikescope.spikes.learned;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny model trained on simulated ground truth (30 Hz, decay 0.6 s, ν 2) and scored on recordings it never saw:
 * correlation with the true spikes, calibration of the counts, the model file's round trip, bad traces.
 */
class LearnedInferenceTest {

    static final double RATE = 30;
    static SpikeModel model;

    @BeforeAll
    static void train() {
        TrainingSettings s = new TrainingSettings(RATE, new double[] {2, 4}, 1,
                new SpikeNetwork.Architecture(8, 5, new int[] {1, 2, 4}), 4, 32, 3e-3, 600, 64, 0.1, 3);
        model = SpikeModelTraining.train(SimulatedGroundTruth.recordings(30, RATE, 60, 0.6, 1, 11), s,
                ProgressListener.NONE);
    }

    @Test
    void infersSpikesOfUnseenRecordingsWithCalibratedCounts() {
        for (double rate : new double[] {RATE, 22}) {
            List<GroundTruthSet.Recording> test = SimulatedGroundTruth.recordings(8, rate, 60, 0.6, 2, 99);
            double r = 0;
            double inferred = 0;
            double truth = 0;
            for (GroundTruthSet.Recording rec : test) {
                SpikeInference.Cell cell = SpikeInference.infer(rec.name(), rec.dff(), rate, model);
                assertNull(cell.error());
                assertEquals(2, cell.noiseLevel(), 0.3, "noise level");
                assertEquals(0, cell.level(), "the ensemble nearest ν 2");
                r += SimulatedGroundTruth.score(cell.spikes(), rec.spikes(), rate) / test.size();
                inferred += cell.spikeSum();
                truth += Arrays.stream(rec.spikes()).sum();
            }
            System.out.printf("learned inference, simulated, %.0f Hz: r %.3f, inferred / true spikes %.2f%n", rate, r,
                    inferred / truth);
            assertTrue(r > 0.8, rate + " Hz: mean correlation " + r);
            assertEquals(1, inferred / truth, 0.3, rate + " Hz: inferred / true spikes");
        }
    }

    @Test
    void aSavedModelPredictsTheSameAndCraftedFilesAreRefused(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("m.json");
        SpikeModelFiles.write(model, json);
        SpikeModel back = SpikeModelFiles.read(json);
        assertEquals(RATE, back.frameRate());
        assertArrayEquals(model.levels(), back.levels());
        double[] dff = SimulatedGroundTruth.recordings(1, RATE, 20, 0.6, 2, 5).get(0).dff();
        assertArrayEquals(SpikeInference.infer("c", dff, RATE, model).spikes(),
                SpikeInference.infer("c", dff, RATE, back).spikes(), 1e-9);

        Path weights = SpikeModelFiles.weightsOf(json);
        byte[] full = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(full, full.length - 4));
        InputException e = assertThrows(InputException.class, () -> SpikeModelFiles.read(json));
        assertTrue(e.getMessage().contains("m.weights") && e.getMessage().contains("bytes"), e.getMessage());
        Files.write(weights, full);

        String text = Files.readString(json);
        Files.writeString(json, text.replaceFirst("\"channels\" : 8", "\"channels\" : 100000"));
        e = assertThrows(InputException.class, () -> SpikeModelFiles.read(json));
        assertTrue(e.getMessage().contains("'channels'"), e.getMessage());
        Files.writeString(json, text.replace("\"m.weights\"", "\"../m.weights\""));
        e = assertThrows(InputException.class, () -> SpikeModelFiles.read(json));
        assertTrue(e.getMessage().contains("'weights'"), e.getMessage());
        Files.writeString(json, text.replace("spikescope-spike-model", "something-else"));
        e = assertThrows(InputException.class, () -> SpikeModelFiles.read(json));
        assertTrue(e.getMessage().contains("'format'"), e.getMessage());
        Files.writeString(json, "{ \"format\" : ");
        e = assertThrows(InputException.class, () -> SpikeModelFiles.read(json));
        assertTrue(e.getMessage().contains("m.json"), e.getMessage());
    }

    @Test
    void badTracesAreNamedAndGapsStayGaps() {
        double[] dff = SimulatedGroundTruth.recordings(1, RATE, 30, 0.6, 2, 6).get(0).dff();
        double[] gap = dff.clone();
        Arrays.fill(gap, 300, 360, Double.NaN);
        SpikeInference.Cell cell = SpikeInference.infer("gap", gap, RATE, model);
        assertNull(cell.error());
        for (int t = 0; t < gap.length; t++) {
            assertEquals(Double.isNaN(gap[t]), Double.isNaN(cell.spikes()[t]), "frame " + t);
        }
        double[] flat = new double[900];
        Arrays.fill(flat, 0.3);
        assertTrue(SpikeInference.infer("flat", flat, RATE, model).error().contains("flat"));
        double[] empty = new double[900];
        Arrays.fill(empty, Double.NaN);
        assertTrue(SpikeInference.infer("empty", empty, RATE, model).error().contains("too short"));
        assertTrue(SpikeInference.infer("short", Arrays.copyOf(dff, 10), RATE, model).error()
                .contains("too short"));
        SpikeInference.Cell bad = SpikeInference.infer("flat", flat, RATE, model);
        assertTrue(Arrays.stream(bad.spikes()).allMatch(Double::isNaN));
    }

    @Test
    void discreteSpikesKeepEachEventsCountAndPlace() {
        double rate = 30;
        double[] r = new double[300];
        double[] time = new double[300];
        for (int t = 0; t < 300; t++) {
            time[t] = t / rate;
        }
        // one spike spread over frames 48..52, three over 198..206, a faint rate of 0.3 spikes in all elsewhere
        for (int t = 48; t <= 52; t++) {
            r[t] = 0.2;
        }
        for (int t = 198; t <= 206; t++) {
            r[t] = 3.0 / 9;
        }
        for (int t = 100; t < 130; t++) {
            r[t] = 0.01;
        }
        double[] s = DiscreteSpikes.times(r, time, rate);
        assertEquals(4, s.length, Arrays.toString(s));
        assertEquals(50 / rate, s[0], 1e-9);
        assertTrue(s[1] >= 198 / rate && s[3] <= 206 / rate && s[1] < s[2] && s[2] < s[3], Arrays.toString(s));
    }
}
