package org.spikescope.spikes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores SpikeScope's deconvolution on the Cascade ground truth: per dataset, the mean over recordings of the
 * correlation of inferred and true spike counts in 200 ms bins.
 * Run: java -cp "target/test-classes:target/classes:target/lib/*" org.spikescope.spikes.GroundTruthScore
 * [model penalty]
 */
public final class GroundTruthScore {

    private GroundTruthScore() {
    }

    static Map<String, Double> score(Map<String, List<GroundTruthRecordings.Recording>> data,
                                     DeconvolutionSettings settings) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Map.Entry<String, List<GroundTruthRecordings.Recording>> e : data.entrySet()) {
            double sum = e.getValue().parallelStream().mapToDouble(r -> {
                CellResult result = SpikeDeconvolver.deconvolve(r.name(), r.dff(), r.frameRate(), settings);
                return GroundTruthRecordings.score(r.time(), result.spikes(), r.spikes());
            }).sum();
            means.put(e.getKey(), sum / e.getValue().size());
        }
        return means;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 2 ? args[2] : "../shared/data/groundtruth");
        DeconvolutionSettings d = DeconvolutionSettings.defaults();
        DeconvolutionSettings settings = d.withModel(args.length > 0 ? args[0] : d.model().label(),
                args.length > 1 ? args[1] : d.penalty().label());
        Map<String, Double> scores = score(GroundTruthRecordings.load(root), settings);
        double mean = scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.println("model " + settings.model() + ", penalty " + settings.penalty());
        scores.forEach((k, v) -> System.out.printf("  %-40s %.3f%n", k, v));
        System.out.printf("  %-40s %.3f%n", "mean", mean);
    }
}
