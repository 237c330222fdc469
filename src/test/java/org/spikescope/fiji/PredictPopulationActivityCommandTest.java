package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.decode.PopulationPredictionTest;
import org.spikescope.io.CsvRows;
import org.spikescope.io.ResultsH5;
import org.spikescope.testing.HeadlessRuns;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Predict Population Activity" through the headless launcher, on an HDF5 trials × neurons × bins dataset. */
class PredictPopulationActivityCommandTest {

    @Test
    void predictsNamedTargetsAndWritesTheTables(@TempDir Path dir) throws Exception {
        double[][][] counts = PopulationPredictionTest.populations(3)[0];
        double[][][] byNeuron = new double[counts.length][counts[0][0].length][counts[0].length];
        for (int k = 0; k < counts.length; k++) {
            for (int t = 0; t < counts[k].length; t++) {
                for (int j = 0; j < counts[k][t].length; j++) {
                    byNeuron[k][j][t] = counts[k][t][j];
                }
            }
        }
        Path h5 = dir.resolve("population.h5");
        new ResultsH5().dataset("/spikes", byNeuron).write(h5);
        Path out = dir.resolve("prediction");
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Predict Population Activity", "input='" + h5
                + "',spikesDataset=/spikes,binSize=25,source='cell_001,cell_002,cell_003,cell_004,cell_005,cell_006,"
                + "cell_007,cell_008',trainSteps=600,output='" + out + "'");
        assertEquals(0, run.code(), run.err());
        CsvRows metrics = CsvRows.read(out.resolve("metrics.csv"));
        assertEquals(List.of("neuron", "bits_per_spike"), metrics.header());
        assertEquals(9, metrics.rows().size()); // 8 targets and "all"
        assertEquals("all", metrics.rows().get(8)[0]);
        assertTrue(metrics.number(8, 1) > 0.5, "bits/spike " + metrics.number(8, 1));
        CsvRows rates = CsvRows.read(out.resolve("predicted_rates.csv"));
        assertEquals(80 * 40, rates.rows().size());
        assertEquals("cell_009", rates.header().get(2));
        assertEquals(16, CsvRows.read(out.resolve("populations.csv")).rows().size());

        HeadlessRuns.Run unknown = HeadlessRuns.launch("--headless", "--run", "Predict Population Activity", "input='"
                + h5 + "',spikesDataset=/spikes,source='cell_099',output='" + dir.resolve("bad") + "'");
        assertNotEquals(0, unknown.code());
        assertTrue(unknown.err().contains("no neuron 'cell_099'"), unknown.err());
    }
}
