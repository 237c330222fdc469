package org.spikescope.spikes.learned;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading ground-truth folders, and training windows made from them at a model's frame rate and noise level. */
class GroundTruthSetTest {

    static final Path TRAIN = Path.of("../shared/data/groundtruth-train");

    @Test
    void readsTheCompressedDatabaseAndTheFrameRatesItsManifestGives() throws Exception {
        Path ds = TRAIN.resolve("DS03-Cal520-m-S1");
        Assumptions.assumeTrue(Files.isDirectory(ds), "the shared ground truth is absent");
        List<GroundTruthSet.Recording> recs = GroundTruthSet.readFolder(ds);
        assertTrue(recs.size() > 3, recs.size() + " recordings");
        assertTrue(recs.stream().mapToDouble(r -> Arrays.stream(r.spikes()).sum()).sum() > 100);
        for (GroundTruthSet.Recording r : recs) {
            assertEquals(500, r.frameRate(), 1, r.name());
            assertEquals("DS03-Cal520-m-S1", r.dataset());
            assertTrue(r.frameRate() > 2 && r.frameRate() < 600, r.name() + ": " + r.frameRate() + " Hz");
            assertTrue(!r.name().endsWith(".csv"), r.name());
        }
    }

    @Test
    void namesTheFileAndTheFieldOfBadRecordings(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("lab"));
        Files.writeString(folder.resolve("a.csv"), "time_s,dff\n0,0.1\n0.1,0.2\n");
        InputException e = assertThrows(InputException.class, () -> GroundTruthSet.readFolder(folder));
        assertTrue(e.getMessage().contains("a.csv") && e.getMessage().contains("spike_count"), e.getMessage());
        Files.writeString(folder.resolve("a.csv"), "time_s,dff,spike_count\n0,0.1,0\n0.1,0.2,-1\n");
        e = assertThrows(InputException.class, () -> GroundTruthSet.readFolder(folder));
        assertTrue(e.getMessage().contains("a.csv") && e.getMessage().contains("row 2"), e.getMessage());
        Files.writeString(folder.resolve("a.csv"), "time_s,dff,spike_count\n0.2,0.1,0\n0.1,0.2,1\n");
        e = assertThrows(InputException.class, () -> GroundTruthSet.readFolder(folder));
        assertTrue(e.getMessage().contains("a.csv") && e.getMessage().contains("time_s"), e.getMessage());
        Files.delete(folder.resolve("a.csv"));
        // a truncated download
        byte[] full;
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream gz = new GZIPOutputStream(bytes)) {
            StringBuilder text = new StringBuilder("time_s,dff,spike_count\n");
            for (int t = 0; t < 5000; t++) {
                text.append(t / 30.0).append(",0.01,0\n");
            }
            gz.write(text.toString().getBytes());
            gz.close();
            full = bytes.toByteArray();
        }
        Files.write(folder.resolve("b.csv.gz"), Arrays.copyOf(full, full.length / 2));
        e = assertThrows(InputException.class, () -> GroundTruthSet.readFolder(folder));
        assertTrue(e.getMessage().contains("b.csv.gz") && e.getMessage().contains("gzip"), e.getMessage());
        Files.write(folder.resolve("b.csv.gz"), full);
        assertEquals(30, GroundTruthSet.readFolder(folder).get(0).frameRate(), 1e-6);
    }

    @Test
    void trainingWindowsReachTheModelsNoiseLevelAndKeepTheSpikes() throws Exception {
        Path ds = TRAIN.resolve("DS02-OGB1-2-m-V1"); // 15.6 Hz, about 150 s per recording
        Assumptions.assumeTrue(Files.isDirectory(ds), "the shared ground truth is absent");
        List<GroundTruthSet.Recording> recs = GroundTruthSet.readFolder(ds).subList(0, 4);
        TrainingWindows.Recipe recipe = new TrainingWindows.Recipe(7.5, 6, 32, 8, 1, 1, 1_000_000);
        SplittableRandom random = new SplittableRandom(5);
        int used = 0;
        for (GroundTruthSet.Recording r : recs) {
            TrainingWindows.Prepared p = TrainingWindows.Prepared.of(r, recipe);
            double own = NoiseLevel.of(Resampling.trace(r.dff(), r.frameRate(), 7.5), 7.5);
            assertEquals(own, p.own(), 1e-12);
            if (own > 6) {
                continue; // left out at this level
            }
            used++;
            assertEquals(6, NoiseLevel.of(p.noisy(recipe, random), 7.5), 0.6, r.name() + " (own level " + own + ")");
            assertEquals(Arrays.stream(r.spikes()).sum(), Arrays.stream(p.spikes()).sum(), 1e-6, r.name());
        }
        assertTrue(used > 0);
        TrainingWindows w = TrainingWindows.make(recs, recipe, 6);
        assertEquals(w.inputs().length, w.targets().length);
        assertTrue(w.samples() > 100, w.samples() + " samples");
        TrainingWindows few = TrainingWindows.make(recs, new TrainingWindows.Recipe(7.5, 6, 32, 8, 1, 2, 500), 6);
        assertTrue(few.samples() <= 500 && few.samples() > 450, few.samples() + " samples");
    }

    @Test
    void interneuronDatasetsAreToldByTheirNames() {
        for (String d : List.of("DS22-OGB1-m-SST-V1", "DS23-OGB1-m-PV-V1", "DS26-GCaMP6f-m-VIP-V1",
                "DS27-GCaMP6f-m-PV-vivo-V1", "DS33-Interneurons2023-m-V1", "DS41-GCaMP6s-spinal-cord-inhibitory")) {
            assertTrue(GroundTruthSet.isInterneuronDataset(d), d);
        }
        for (String d : List.of("DS09-GCaMP6f-m-V1", "DS40-GCaMP6s-spinal-cord-excitatory", "DS18-R-CaMP-m-CA3",
                "DS32-GCaMP8s-m-V1")) {
            assertTrue(!GroundTruthSet.isInterneuronDataset(d), d);
        }
    }
}
