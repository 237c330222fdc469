package org.spikescope.benchmark;

import org.spikescope.core.ProgressListener;
import org.spikescope.spikes.CellResult;
import org.spikescope.spikes.DeconvolutionSettings;
import org.spikescope.spikes.SpikeDeconvolver;
import org.spikescope.spikes.learned.GroundTruthSet;
import org.spikescope.spikes.learned.NoiseLevel;
import org.spikescope.spikes.learned.SimulatedGroundTruth;
import org.spikescope.spikes.learned.SpikeInference;
import org.spikescope.spikes.learned.SpikeModel;
import org.spikescope.spikes.learned.SpikeModelTraining;
import org.spikescope.spikes.learned.TrainingSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Leave-one-dataset-out check of learned spike inference on the 31 ground-truth datasets of ../shared/data: for
 * each dataset, a model at its own frame rate, trained for the noise levels its recordings have
 * (TrainingSettings.defaults) on the other excitatory datasets (as the shipped models), or on all 30 others when it
 * holds interneurons, then scored beside "Deconvolve Spikes" defaults on the same recordings: Pearson
 * correlation of spike counts in 200 ms bins (mean and worst recording), the calibration (inferred / true spikes,
 * median over recordings), µs per frame for inference (one thread) and the training time.
 * Then, when named, the peers on the same recordings in the same run: -Doasis.dir (a built OASIS, its AR(2) L0
 * automatic mode, src/test/python/oasis_peer.py) and -Dcascade.dir (CascadeTorch with its pretrained global model,
 * src/test/python/cascade_peer.py; its lines say which datasets that model was trained on).
 * Run: OMP_NUM_THREADS=2 java [-Doasis.dir=… -Dcascade.dir=…] \
 * -cp "target/test-classes:target/classes:target/lib/*" \
 * org.spikescope.benchmark.SpikeInferenceBenchmark [dataset prefix, e.g. DS09 ...] (default: all)
 */
public final class SpikeInferenceBenchmark {

    static final String[] ROOTS = {"../shared/data/groundtruth-train", "../shared/data/groundtruth"};

    private SpikeInferenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<GroundTruthSet.Recording>> byDataset = new TreeMap<>();
        for (String root : ROOTS) {
            for (GroundTruthSet.Recording r : GroundTruthSet.readAll(Path.of(root), Set.of())) {
                byDataset.computeIfAbsent(r.dataset(), k -> new ArrayList<>()).add(r);
            }
        }
        System.out.printf("machine: %d cores, %s %s; %d datasets%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), byDataset.size());
        System.out.println("dataset,rate_hz,recordings,levels,learned_mean,learned_worst,learned_calibration,"
                + "deconvolve_mean,deconvolve_worst,learned_us_per_frame,deconvolve_us_per_frame,training_s");
        for (String dataset : byDataset.keySet()) {
            if (args.length > 0 && Arrays.stream(args).noneMatch(dataset::startsWith)) {
                continue;
            }
            List<GroundTruthSet.Recording> test = byDataset.get(dataset);
            List<GroundTruthSet.Recording> train = new ArrayList<>();
            boolean interneurons = GroundTruthSet.isInterneuronDataset(dataset);
            byDataset.forEach((d, rs) -> {
                if (!d.equals(dataset) && (interneurons || !GroundTruthSet.isInterneuronDataset(d))) {
                    train.addAll(rs);
                }
            });
            double rate = median(test.stream().mapToDouble(GroundTruthSet.Recording::frameRate).toArray());
            TreeSet<Double> levels = new TreeSet<>();
            for (GroundTruthSet.Recording r : test) {
                levels.add((double) Math.max(1, Math.min(9, Math.round(NoiseLevel.of(r.dff(), r.frameRate())))));
            }
            TrainingSettings s = TrainingSettings.defaults(rate)
                    .withLevels(levels.stream().mapToDouble(Double::doubleValue).toArray());
            SpikeModel model = SpikeModelTraining.train(train, s, ProgressListener.NONE);
            double[] learned = new double[test.size()];
            double[] deconvolved = new double[test.size()];
            double[] calibration = new double[test.size()];
            long learnedNanos = 0;
            long deconvolveNanos = 0;
            long frames = 0;
            for (int i = 0; i < test.size(); i++) {
                GroundTruthSet.Recording r = test.get(i);
                long t0 = System.nanoTime();
                SpikeInference.Cell cell = SpikeInference.infer(r.name(), r.dff(), r.frameRate(), model);
                long t1 = System.nanoTime();
                CellResult d = SpikeDeconvolver.deconvolve(r.name(), r.dff(), r.frameRate(),
                        DeconvolutionSettings.defaults());
                deconvolveNanos += System.nanoTime() - t1;
                learnedNanos += t1 - t0;
                frames += r.dff().length;
                learned[i] = SimulatedGroundTruth.score(cell.spikes(), r.spikes(), r.frameRate());
                deconvolved[i] = SimulatedGroundTruth.score(d.spikes(), r.spikes(), r.frameRate());
                calibration[i] = cell.spikeSum() / Arrays.stream(r.spikes()).sum();
            }
            System.out.printf(java.util.Locale.ROOT, "%s,%.2f,%d,%s,%.3f,%.3f,%.2f,%.3f,%.3f,%.2f,%.2f,%.0f%n",
                    dataset, rate, test.size(), levels.toString().replace(", ", " "), mean(learned), min(learned),
                    median(calibration), mean(deconvolved), min(deconvolved), learnedNanos / 1e3 / frames,
                    deconvolveNanos / 1e3 / frames, model.training().seconds());
        }
        if (System.getProperty("oasis.dir") != null) {
            System.out.println("oasis,mode,dataset,mean,worst");
            peer(args, "oasis,", "/usr/bin/python3", "src/test/python/oasis_peer.py",
                    System.getProperty("oasis.dir"));
        }
        if (System.getProperty("cascade.dir") != null) {
            System.out.println("cascade,dataset,mean,worst,calibration,us_per_30hz_frame,trained_on_it");
            peer(args, "cascade,", "/usr/bin/python3", "src/test/python/cascade_peer.py",
                    System.getProperty("cascade.dir"));
        }
    }

    /**
     * Runs a peer script on each ground-truth root (the datasets named by prefix, all when none), echoing its CSV
     * lines (those starting with {@code prefix}).
     */
    static void peer(String[] datasets, String prefix, String... command) throws Exception {
        for (String root : ROOTS) {
            String[] full = java.util.Arrays.copyOf(command, command.length + 1);
            full[command.length] = root;
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
            pb.environment().put("OASIS_MODES", "AR2 L0");
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("SPIKESCOPE_DATASETS", String.join(",", datasets));
            Process p = pb.start();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                lines.lines().filter(l -> l.startsWith(prefix)).forEach(System.out::println);
            }
            p.waitFor();
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2]
                : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
