package org.spikescope.pipeline;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Retimed;
import org.spikescope.core.TraceSet;
import org.spikescope.io.CsvTable;
import org.spikescope.io.TraceTables;
import org.spikescope.motion.MotionOutputs;
import org.spikescope.movie.TiffStackReader;
import org.spikescope.traces.TraceExtractionRun;
import org.spikescope.traces.TraceOutputs;
import org.spikescope.traces.TraceSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merged cells: each kept cell's footprint plus those merged into it (summed, scaled to a peak of 1), and every kept
 * cell's trace extracted again from the bundle's motion-corrected movie with the extraction's own settings (so the
 * merged cell's light is explained once, and its neighbours' traces with it), then its spikes again. Writes the
 * tables into the staging folder; what results.h5 needs comes back.
 *
 * @param footprints the kept cells' footprints, merged ones summed
 * @param raw        traces per kept cell; {@code dff}, {@code background} likewise
 * @param spikes     spikes per frame per kept cell, null when the bundle has no spikes
 * @param rates      spikes per second per kept cell, null likewise
 */
record CurationMerge(List<Footprint> footprints, double[][] raw, double[][] dff, double[][] background,
                     double[][] spikes, String spikesLayout, double[] rates) {

    static CurationMerge reextract(Path bundle, Path base, List<Footprint> all, List<String> names,
                                   List<Integer> kept, CurationDecisions decisions, int width, int height,
                                   Path staging, ProgressListener progress) throws IOException {
        Path movie = bundle.resolve(MotionOutputs.CORRECTED_TIFF);
        if (!Files.isRegularFile(movie)) {
            throw new InputException("parameter 'curation': merging cells extracts their traces again from the "
                    + "bundle's " + MotionOutputs.CORRECTED_TIFF + ", which " + bundle + " does not hold (only "
                    + "Run SpikeScope Pipeline bundles do); reject one of the two instead");
        }
        List<Footprint> footprints = new ArrayList<>();
        for (int c : kept) {
            List<Footprint> parts = new ArrayList<>(List.of(all.get(c)));
            for (Map.Entry<String, CurationDecisions.Decision> e : decisions.byCell().entrySet()) {
                if (names.get(c).equals(e.getValue().mergedInto())) {
                    parts.add(all.get(names.indexOf(e.getKey())));
                }
            }
            footprints.add(sum(parts));
        }
        Settings s = settings(base.resolve(TraceOutputs.RESULTS_H5));
        TraceSet before = TraceTables.read(base.resolve(TraceOutputs.TRACES_CSV));
        FrameTimes times = new FrameTimes(before.time());
        double rate = times.frameRate();
        TraceExtractionRun run;
        try (FrameSource source = new Retimed(TiffStackReader.open(movie, rate), times, List.of())) {
            if (source.width() != width || source.height() != height) {
                throw new InputException("parameter 'bundle': " + movie + " is " + source.width() + "x"
                        + source.height() + "; its cells were found on " + width + "x" + height);
            }
            run = TraceExtractionRun.inMemory(source, footprints, s.traces(), s.excluded(), progress);
        }
        List<String> keptNames = kept.stream().map(names::get).toList();
        TraceTables.write(new TraceSet(before.timeColumn(), before.time(), keptNames, run.dff()),
                staging.resolve(TraceOutputs.TRACES_CSV));
        TraceTables.write(new TraceSet(before.timeColumn(), before.time(), keptNames, run.traces().raw()),
                staging.resolve(TraceOutputs.RAW_CSV));
        double[][] counts = null;
        String layout = null;
        double[] rates = null;
        double[] snr = new double[kept.size()];
        java.util.Arrays.fill(snr, Double.NaN);
        if (Files.exists(base.resolve(Pipeline.SPIKES_CSV))) {
            PipelineSettings settings = PipelineSettings.loadOrDefaults(Files.exists(bundle.resolve(
                    Pipeline.SETTINGS_JSON)) ? bundle.resolve(Pipeline.SETTINGS_JSON) : null);
            SpikeStage spikes = SpikeStage.run(new TraceSet(before.timeColumn(), before.time(), keptNames, run.dff()),
                    rate, settings.spikes(), staging.resolve(Pipeline.SPIKES_CSV), progress);
            counts = spikes.counts();
            layout = spikes.layout();
            snr = spikes.snr();
            rates = CellSummary.spikeRates(spikes.spikes(), before.time().length / rate);
        }
        if (Files.exists(base.resolve(TraceOutputs.CELLS_CSV))) {
            CsvTable table = rates != null ? CellSummary.table(footprints, snr, rates)
                    : TraceOutputs.cellsTable(footprints);
            for (int i = 0; i < kept.size(); i++) {
                table.columns()[0][i] = kept.get(i) + 1; // kept cells keep their numbers
            }
            table.write(staging.resolve(TraceOutputs.CELLS_CSV));
        }
        return new CurationMerge(footprints, run.traces().raw(), run.dff(), run.traces().background(), counts,
                layout, rates);
    }

    /** The summed footprints over the box that holds them all, scaled to a peak of 1. */
    static Footprint sum(List<Footprint> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (Footprint f : parts) {
            x0 = Math.min(x0, f.x0());
            y0 = Math.min(y0, f.y0());
            x1 = Math.max(x1, f.x0() + f.w());
            y1 = Math.max(y1, f.y0() + f.h());
        }
        int w = x1 - x0;
        float[] weights = new float[w * (y1 - y0)];
        float peak = 0;
        for (Footprint f : parts) {
            for (int y = 0; y < f.h(); y++) {
                for (int x = 0; x < f.w(); x++) {
                    int i = (f.y0() + y - y0) * w + f.x0() + x - x0;
                    weights[i] += f.weights()[y * f.w() + x];
                    peak = Math.max(peak, weights[i]);
                }
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= peak;
        }
        return new Footprint(x0, y0, w, y1 - y0, weights);
    }

    /** The extraction's trace settings and the frames it left out, as its results file records them. */
    private record Settings(TraceSettings traces, Set<Integer> excluded) {
    }

    private static Settings settings(Path h5) {
        TraceSettings d = TraceSettings.defaults();
        try (HdfFile in = new HdfFile(h5)) {
            Node stage = in.getChildren().get("detection") != null ? in.getChildren().get("detection")
                    : in.getChildren().get("traces");
            TraceSettings s = new TraceSettings(number(stage, "cell_radius", d.cellRadius()),
                    number(stage, "baseline_percentile", d.baselinePercentile()),
                    number(stage, "baseline_seconds", d.baselineSeconds()),
                    (int) number(stage, "background_patterns", d.backgroundPatterns()));
            Set<Integer> excluded = new TreeSet<>();
            if (stage instanceof io.jhdf.api.Group g && g.getChildren().get("excluded_frames")
                    instanceof io.jhdf.api.Dataset frames) {
                for (int f : (int[]) frames.getData()) {
                    excluded.add(f);
                }
            }
            return new Settings(s, excluded);
        }
    }

    private static double number(Node node, String name, double fallback) {
        Attribute a = node == null ? null : node.getAttribute(name);
        return a != null && a.getData() instanceof Number n ? n.doubleValue() : fallback;
    }
}
