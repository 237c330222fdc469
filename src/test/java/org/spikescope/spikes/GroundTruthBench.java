package org.spikescope.spikes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One-thread scoring and timing of a mode on the ground truth, for the benchmark. */
public final class GroundTruthBench {

    private GroundTruthBench() {
    }

    public static String run(Path root, DeconvolutionSettings settings) throws Exception {
        Map<String, List<GroundTruthRecordings.Recording>> data = GroundTruthRecordings.load(root);
        StringBuilder line = new StringBuilder();
        long samples = 0;
        long nanos = 0;
        double mean = 0;
        for (Map.Entry<String, List<GroundTruthRecordings.Recording>> e : data.entrySet()) {
            double sum = 0;
            for (GroundTruthRecordings.Recording r : e.getValue()) {
                long start = System.nanoTime();
                CellResult result = SpikeDeconvolver.deconvolve(r.name(), r.dff(), r.frameRate(), settings);
                nanos += System.nanoTime() - start;
                samples += r.dff().length;
                sum += GroundTruthRecordings.score(r.time(), result.spikes(), r.spikes());
            }
            line.append(String.format(" %s %.3f", e.getKey().substring(0, 4), sum / e.getValue().size()));
            mean += sum / e.getValue().size() / data.size();
        }
        return String.format("SpikeScope %s %s ground truth:%s mean %.3f; %.3f us/sample", settings.model(),
                settings.penalty(), line, mean, nanos / 1e3 / samples);
    }
}
