package org.spikescope.spikes;

import org.spikescope.io.CsvTable;
import org.spikescope.testing.Stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Cascade ground-truth recordings of ../shared/data/groundtruth and the project's score: Pearson correlation
 * of inferred and true spike counts summed in 200 ms bins, averaged over the recordings of a dataset.
 */
final class GroundTruthRecordings {

    static final double BIN_SECONDS = 0.2;

    record Recording(String dataset, String name, double[] time, double[] dff, double[] spikes) {
        double frameRate() {
            return 1 / new org.spikescope.core.FrameTimes(time).medianInterval();
        }
    }

    private GroundTruthRecordings() {
    }

    static Map<String, List<Recording>> load(Path root) throws IOException {
        Map<String, List<Recording>> byDataset = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Recording> recordings = new ArrayList<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.toString()
                            .endsWith("_spikes.csv")).sorted().toList()) {
                        CsvTable t = CsvTable.read(f);
                        recordings.add(new Recording(dir.getFileName().toString(), f.getFileName().toString(),
                                t.column("time_s"), t.column("dff"), t.column("spike_count")));
                    }
                }
                byDataset.put(dir.getFileName().toString(), recordings);
            }
        }
        return byDataset;
    }

    /** Correlation of spike counts in 200 ms bins. */
    static double score(double[] time, double[] inferred, double[] truth) {
        return score(time, inferred, truth, BIN_SECONDS);
    }

    /** Correlation of spike counts in bins of {@code binSeconds}. */
    static double score(double[] time, double[] inferred, double[] truth, double binSeconds) {
        double t0 = time[0];
        int bins = (int) Math.floor((time[time.length - 1] - t0) / binSeconds) + 1;
        double[] a = new double[bins];
        double[] b = new double[bins];
        for (int i = 0; i < time.length; i++) {
            int k = (int) Math.floor((time[i] - t0) / binSeconds);
            a[k] += Double.isNaN(inferred[i]) ? 0 : inferred[i];
            b[k] += truth[i];
        }
        return Stats.pearson(a, b);
    }
}
