package org.spikescope.pipeline;

import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;
import org.spikescope.detect.DetectionRun;
import org.spikescope.export.OutlineImage;
import org.spikescope.io.CsvRows;
import org.spikescope.io.CsvTable;
import org.spikescope.io.FootprintArrays;
import org.spikescope.io.FootprintFiles;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.ResultsH5;
import org.spikescope.io.TextTable;
import org.spikescope.io.TraceTables;
import org.spikescope.traces.TraceOutputs;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a user's decisions ({@link CurationDecisions}) to a results bundle: rejected cells are left out of every
 * table, results.h5, RoiSet.zip and summary.png, and merged cells joined ({@link CurationMerge}: footprints summed,
 * traces and spikes extracted again), all at once (one commit); the decisions are kept in the bundle as
 * curation.csv and recorded in log.txt. The extraction as it was is kept in {@value #ORIGINAL}/ on the first
 * curation, and every later curation starts from it, so a decision is reverted by applying decisions without it.
 * Kept cells keep their names and numbers (cell_007 stays cell_007), so decisions, tables and ROIs stay in step.
 */
public final class CurationRun {

    /** The bundle's files before any curation. */
    public static final String ORIGINAL = "original";
    /** Tables with a time column and one column per cell. */
    static final List<String> CELL_COLUMNS = List.of(TraceOutputs.TRACES_CSV, TraceOutputs.RAW_CSV,
            Pipeline.SPIKES_CSV, "spikes_calcium.csv");
    /** Tables with one row per cell (or per event) named in a {@code cell} column. */
    static final List<String> CELL_ROWS = List.of("spikes_parameters.csv", "spikes_events.csv");
    /** Datasets of results.h5 with one entry per cell along their first dimension. */
    static final List<String> PER_CELL_DATASETS = List.of(FootprintFiles.DATASET, "/traces/raw", "/traces/dff",
            "/traces/background", "/spikes", "/detection/spatial_correlation");
    private static final List<String> CURATED = List.of(TraceOutputs.RESULTS_H5, TraceOutputs.ROI_SET,
            TraceOutputs.CELLS_CSV, DetectionRun.SUMMARY_PNG, TraceOutputs.TRACES_CSV, TraceOutputs.RAW_CSV,
            Pipeline.SPIKES_CSV, "spikes_calcium.csv", "spikes_parameters.csv", "spikes_events.csv");

    public record Result(Path bundle, int cells, int kept, long rejected, long merged) {
    }

    private CurationRun() {
    }

    public static Result apply(Path bundle, Path curation, ProgressListener progress) throws IOException {
        if (!Files.isRegularFile(curation)) {
            throw new InputException("parameter 'curation': " + curation + ": no such file");
        }
        Extraction base = extraction(bundle);
        CurationDecisions decisions = CurationDecisions.read(curation, base.names());
        boolean ownFile = Files.exists(bundle.resolve(CurationDecisions.FILE))
                && Files.isSameFile(curation, bundle.resolve(CurationDecisions.FILE));
        return apply(bundle, base, decisions, curation.toString(), ownFile ? null : curation, !ownFile, false,
                progress);
    }

    /**
     * Decisions already on the bundle's cells (carried over from an earlier extraction), from {@code from}.
     *
     * @param replaceDecisions whether the bundle's curation.csv may be replaced although the user edited it (it was
     *                         the source of these decisions)
     */
    static Result apply(Path bundle, CurationDecisions decisions, String from, boolean replaceDecisions,
                        ProgressListener progress) throws IOException {
        return apply(bundle, extraction(bundle), decisions, from, null, true, replaceDecisions, progress);
    }

    /** The cells decisions apply to: the bundle's extraction before any curation (original/, else the bundle's). */
    record Extraction(Path folder, List<Footprint> footprints, List<String> names, int width, int height) {
    }

    static Extraction extraction(Path bundle) throws IOException {
        if (!Files.isRegularFile(bundle.resolve(TraceOutputs.RESULTS_H5))) {
            throw new InputException("parameter 'bundle': " + bundle + " holds no " + TraceOutputs.RESULTS_H5
                    + "; expected the results folder of Run SpikeScope Pipeline, Detect Neurons or Extract Traces");
        }
        Path base = Files.isDirectory(bundle.resolve(ORIGINAL)) ? bundle.resolve(ORIGINAL) : bundle;
        FootprintFiles.Stored cells;
        try {
            cells = FootprintFiles.readResults(base.resolve(TraceOutputs.RESULTS_H5));
        } catch (InputException e) {
            throw new InputException("parameter 'bundle': " + e.getMessage(), e);
        }
        return new Extraction(base, cells.footprints(), TraceTables.cellNames(cells.footprints().size()),
                cells.width(), cells.height());
    }

    /**
     * @param input          the user's decisions file (never written over); null for the bundle's own curation.csv
     *                       or for decisions carried over
     * @param writeDecisions whether {@code decisions} become the bundle's curation.csv (not when it is the input)
     */
    private static Result apply(Path bundle, Extraction extraction, CurationDecisions decisions, String from,
                                Path input, boolean writeDecisions, boolean replaceDecisions,
                                ProgressListener progress) throws IOException {
        progress.stage("Applying the decisions");
        Path base = extraction.folder();
        Path baseH5 = base.resolve(TraceOutputs.RESULTS_H5);
        int[] size = {extraction.width(), extraction.height()};
        List<Footprint> footprints = extraction.footprints();
        List<String> names = extraction.names();
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (decisions.keeps(names.get(c))) {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            throw new InputException("parameter 'curation': it rejects every cell of the bundle; nothing would be "
                    + "left");
        }
        List<String> keptNames = kept.stream().map(names::get).toList();
        List<Path> written = new ArrayList<>();
        for (String name : CURATED) {
            if (Files.exists(base.resolve(name))) {
                written.add(bundle.resolve(name));
            }
        }
        written.add(bundle.resolve(Pipeline.LOG_TXT));
        if (writeDecisions) {
            written.add(bundle.resolve(CurationDecisions.FILE));
        }
        boolean first = base == bundle;
        if (first) {
            written.add(bundle.resolve(ORIGINAL));
        }
        // replacing what the user changed is allowed only for the decisions file they are the source of: every other
        // name written here is the extraction's, which SpikeScope wrote
        OutputTarget target = OutputTarget.of("bundle", bundle.resolve(TraceOutputs.RESULTS_H5), replaceDecisions,
                input);
        try (OutputFolder folder = OutputFolder.files(target, "curation", written)) {
            Path dir = folder.dir();
            progress.stage("Writing the curated bundle");
            if (first) {
                Path original = Files.createDirectory(dir.resolve(ORIGINAL));
                for (String name : CURATED) {
                    if (Files.exists(base.resolve(name))) {
                        Files.copy(base.resolve(name), original.resolve(name));
                    }
                }
            }
            CurationMerge merge = decisions.hasMerges() ? CurationMerge.reextract(bundle, base, footprints, names,
                    kept, decisions, size[0], size[1], dir, progress) : null;
            double[] rates = merge != null ? merge.rates() : subsetTables(base, dir, kept, keptNames);
            List<Footprint> keptFootprints = merge != null ? merge.footprints()
                    : kept.stream().map(footprints::get).toList();
            ImageJFormats.get().writeRoiSet(keptFootprints, keptNames, dir.resolve(TraceOutputs.ROI_SET));
            ResultsH5 h5 = ResultsH5.copyOf(baseH5);
            int[] keep = kept.stream().mapToInt(Integer::intValue).toArray();
            for (String path : PER_CELL_DATASETS) {
                Object data = h5.data(path);
                if (data != null && data.getClass().isArray() && Array.getLength(data) == names.size()) {
                    h5.dataset(path, rows(data, keep));
                }
            }
            if (merge != null) {
                h5.compressedDataset(FootprintFiles.DATASET, FootprintArrays.dense(keptFootprints, size[0], size[1]), 1,
                                size[1], size[0])
                        .dataset("/traces/raw", merge.raw()).dataset("/traces/dff", merge.dff())
                        .dataset("/traces/background", merge.background())
                        .attribute("/curation", "merged", decisions.count(CurationDecisions.Status.MERGED));
                if (merge.spikes() != null) {
                    h5.dataset("/spikes", merge.spikes()).attribute("/spikes", "layout", merge.spikesLayout());
                }
            }
            h5.attribute("/traces", "cells", kept.size())
                    .attribute("/curation", "cells_kept", keep.length)
                    .attribute("/curation", "kept", String.join(",", keptNames))
                    .attribute("/curation", "rejected", decisions.count(CurationDecisions.Status.REJECTED))
                    .attribute("/curation", "original", "the extraction before curation: " + ORIGINAL + "/")
                    .write(dir.resolve(TraceOutputs.RESULTS_H5));
            if (Files.exists(base.resolve(DetectionRun.SUMMARY_PNG)) && h5.data("/summary/correlation") != null) {
                float[] image = flatten((float[][]) h5.data("/summary/correlation"), size[0], size[1]);
                OutlineImage.writePng(rates != null
                        ? OutlineImage.renderByValue(image, size[0], size[1], keptFootprints, keptNames, rates, "Hz")
                        : OutlineImage.render(image, size[0], size[1], keptFootprints, keptNames,
                        java.awt.Color.YELLOW), dir.resolve(DetectionRun.SUMMARY_PNG));
            }
            if (writeDecisions) {
                decisions.table().write(dir.resolve(CurationDecisions.FILE));
            }
            String log = Files.exists(bundle.resolve(Pipeline.LOG_TXT))
                    ? Files.readString(bundle.resolve(Pipeline.LOG_TXT)) : "";
            Files.writeString(dir.resolve(Pipeline.LOG_TXT), log + String.format(Locale.ROOT,
                    "curation %s: %d of %d cells kept, %d merged into others, %d rejected (%d by the user, %d by a "
                            + "classifier), decisions from %s%n",
                    LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), kept.size(), names.size(),
                    decisions.count(CurationDecisions.Status.MERGED),
                    decisions.count(CurationDecisions.Status.REJECTED),
                    decisions.byCell().values().stream().filter(d -> d.status() == CurationDecisions.Status.REJECTED
                            && d.source().equals("user")).count(),
                    decisions.byCell().values().stream().filter(d -> d.status() == CurationDecisions.Status.REJECTED
                            && d.source().equals("classifier")).count(), from));
            folder.commit();
        }
        return new Result(bundle, names.size(), kept.size(), decisions.count(CurationDecisions.Status.REJECTED),
                decisions.count(CurationDecisions.Status.MERGED));
    }

    /**
     * The per-cell tables of the kept cells, copied row by row or column by column; returns the kept cells' spike
     * rates from cells.csv (null when it has none).
     */
    private static double[] subsetTables(Path base, Path dir, List<Integer> kept, List<String> keptNames)
            throws IOException {
        for (String name : CELL_COLUMNS) {
            if (Files.exists(base.resolve(name))) {
                TraceSet t = TraceTables.read(base.resolve(name));
                double[][] values = keptNames.stream().map(n -> t.values()[t.names().indexOf(n)])
                        .toArray(double[][]::new);
                TraceTables.write(new TraceSet(t.timeColumn(), t.time(), keptNames, values), dir.resolve(name));
            }
        }
        for (String name : CELL_ROWS) {
            if (Files.exists(base.resolve(name))) {
                keepRows(CsvRows.read(base.resolve(name)), keptNames).write(dir.resolve(name));
            }
        }
        if (!Files.exists(base.resolve(TraceOutputs.CELLS_CSV))) {
            return null;
        }
        CsvTable cells = keepNumberedRows(CsvTable.read(base.resolve(TraceOutputs.CELLS_CSV)), kept);
        cells.write(dir.resolve(TraceOutputs.CELLS_CSV));
        return cells.header().contains("spike_rate_hz") ? cells.column("spike_rate_hz") : null;
    }

    private static Object rows(Object array, int[] keep) {
        Object out = Array.newInstance(array.getClass().getComponentType(), keep.length);
        for (int i = 0; i < keep.length; i++) {
            Array.set(out, i, Array.get(array, keep[i]));
        }
        return out;
    }

    private static float[] flatten(float[][] rows, int width, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rows[y], 0, out, y * width, width);
        }
        return out;
    }

    /** The rows of a table whose {@code cell} column names a kept cell. */
    private static TextTable keepRows(CsvRows table, List<String> kept) {
        int cell = table.header().indexOf("cell");
        TextTable out = new TextTable(table.header());
        for (String[] row : table.rows()) {
            if (cell < 0 || kept.contains(row[cell])) {
                out.add((Object[]) row);
            }
        }
        return out;
    }

    /** The rows of cells.csv (cell numbered from 1) of kept cells (indices from 0). */
    private static CsvTable keepNumberedRows(CsvTable table, List<Integer> kept) {
        double[] cell = table.column("cell");
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < cell.length; r++) {
            if (kept.contains((int) cell[r] - 1)) {
                rows.add(r);
            }
        }
        double[][] columns = new double[table.columns().length][rows.size()];
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < rows.size(); i++) {
                columns[c][i] = table.columns()[c][rows.get(i)];
            }
        }
        return new CsvTable(table.header(), columns);
    }
}
