package org.spikescope.benchmark;

import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.TraceTables;
import org.spikescope.pipeline.CellClassifier;
import org.spikescope.pipeline.CellClassifierTraining;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.RecordingSimulator;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.testing.FootprintMatching;
import org.spikescope.testing.HeadlessRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cell classifier (issue 22) on recordings where detection finds false cells: simulated 192×192 recordings of
 * 40 cells under a strong, fast-changing background (2,000 e⁻, 30 %), ten blood vessels and rigid motion, each run
 * through "Run SpikeScope Pipeline"; a found cell that matches no true cell (IoU ≥ 0.5, up to the corrected movie's
 * offset) is a false cell, and the bundle's curation.csv rejects exactly those, as a user would. Leave one recording
 * out: "Train Cell Classifier" on the others, its rejections on the held-out one scored against its false cells.
 * java [-Dbench.kind=all|vessels|background|motion] -cp "target/test-classes:target/classes:target/lib/*" \
 * org.spikescope.benchmark.CellClassifierBenchmark DIR 6
 */
public final class CellClassifierBenchmark {

    private static final int SIZE = 192;

    private CellClassifierBenchmark() {
    }

    /**
     * Where the false cells come from: {@code vessels} (many flickering vessels, no motion, a steady background),
     * {@code background} (a strong background fluctuating by 30 % in broad blobs), {@code motion} (rigid shifts of
     * up to 12 px), or {@code all} of these at once (the default).
     */
    static SimulationSettings settings(String kind, int k) {
        SimulationSettings.Builder b = SimulationSettings.builder().width(SIZE).height(SIZE).cells(40).frames(1000)
                .cellRadius(6).seed(100 + k);
        return switch (kind) {
            case "vessels" -> b.vessels(16).motion("none").build();
            case "background" -> b.background(2000).backgroundFluctuation(0.3).vessels(0).motion("none").build();
            case "motion" -> b.vessels(0).motion("rigid").maxShift(12).build();
            default -> b.vessels(10).background(2000).backgroundFluctuation(0.3).motion("rigid").build();
        };
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : Files.createTempDirectory("classifier-bench").toString());
        int recordings = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<Set<String>> falseCells = new ArrayList<>();
        int found = 0;
        String kind = System.getProperty("bench.kind", "all");
        for (int k = 0; k < recordings; k++) {
            SimulationSettings s = settings(kind, k);
            Path rec = dir.resolve("rec" + k);
            if (!Files.exists(rec)) {
                RecordingSimulator.write(s, List.of(), OutputTarget.of(rec), ProgressListener.NONE);
            }
            Path bundle = dir.resolve("bundle" + k);
            HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Run SpikeScope Pipeline", "input='"
                    + rec.resolve(RecordingSimulator.TIFF_NAME) + "',output='" + bundle + "'");
            if (run.code() != 0) {
                throw new IllegalStateException(run.err());
            }
            List<Footprint> truth = new MovieSimulator(s, List.of()).groundTruth().footprints();
            List<Footprint> cells = ImageJFormats.get().readRoiSet(bundle.resolve("RoiSet.zip"), SIZE, SIZE);
            Set<Integer> matched = new HashSet<>();
            for (int[] m : FootprintMatching.matchUpToOffset(truth, cells, SIZE, SIZE, (int) Math.ceil(s.maxShift()))) {
                matched.add(m[1]);
            }
            Set<String> fake = new TreeSet<>();
            StringBuilder csv = new StringBuilder("cell,status,merged_into,source\n");
            for (int c = 0; c < cells.size(); c++) {
                if (!matched.contains(c)) {
                    fake.add(TraceTables.cellName(c));
                    csv.append(TraceTables.cellName(c)).append(",rejected,,user\n");
                }
            }
            Files.writeString(bundle.resolve("curation.csv"), csv.toString());
            falseCells.add(fake);
            found += cells.size();
            System.out.printf(Locale.ROOT, "recording %d: %d cells found, %d false%n", k, cells.size(), fake.size());
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int k = 0; k < recordings; k++) {
            List<Path> others = new ArrayList<>();
            for (int j = 0; j < recordings; j++) {
                if (j != k) {
                    others.add(dir.resolve("bundle" + j));
                }
            }
            CellClassifier classifier = CellClassifierTraining.train(others);
            Set<String> rejected = CellClassifierTraining.classify(classifier, dir.resolve("bundle" + k)).byCell()
                    .keySet();
            int right = (int) rejected.stream().filter(falseCells.get(k)::contains).count();
            tp += right;
            fp += rejected.size() - right;
            fn += falseCells.get(k).size() - right;
            System.out.printf(Locale.ROOT, "held out %d: rejected %s; false %s%n", k, rejected, falseCells.get(k));
        }
        System.out.printf(Locale.ROOT, "%d recordings, %d cells found, %d false: the classifier's rejections, "
                        + "leave one recording out: precision %.3f, recall %.3f (%d right, %d wrong, %d missed)%n",
                recordings, found, tp + fn, tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, tp + fn),
                tp, fp, fn);
    }
}
