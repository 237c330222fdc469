package org.spikescope.pipeline;

import org.spikescope.core.Footprint;
import org.spikescope.core.InputException;
import org.spikescope.io.TraceTables;
import org.spikescope.traces.TraceOutputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's decisions carried over to a new extraction of the same recording (a re-run with other settings or a
 * newer version): each decided cell of the extraction the decisions were made on is matched to the new cell whose
 * outline overlaps it most (intersection over union of the masks above a fifth of each peak, at least
 * {@value #MIN_IOU}, one to one, best overlaps first); decisions whose cell has no such match are reported, not
 * guessed.
 */
final class CurationCarryOver {

    static final double MIN_IOU = 0.5;

    /** Decisions and the cells they were made on. */
    record Prior(Path file, CurationDecisions decisions, List<Footprint> footprints, List<String> names) {
    }

    /** Decisions for the new cells, and a line for each decision that found no cell. */
    record Carried(CurationDecisions decisions, List<String> unplaced) {
    }

    private CurationCarryOver() {
    }

    /**
     * The decisions in {@code file} with the cells they name: those of the bundle the file sits in (its original/
     * extraction when it has been curated).
     */
    static Prior read(Path file) throws IOException {
        Path bundle = file.toAbsolutePath().getParent();
        if (!Files.isRegularFile(bundle.resolve(TraceOutputs.RESULTS_H5))) {
            throw new InputException("parameter 'curation': " + file + " does not sit in a results bundle (no "
                    + TraceOutputs.RESULTS_H5 + " beside it): its cells are needed to find them again");
        }
        CurationRun.Extraction cells = CurationRun.extraction(bundle);
        return new Prior(file, CurationDecisions.read(file, cells.names()), cells.footprints(), cells.names());
    }

    static Carried carry(Prior prior, List<Footprint> cells) {
        List<String> newNames = TraceTables.cellNames(cells.size());
        Map<String, String> match = match(prior, cells, newNames);
        Map<String, CurationDecisions.Decision> out = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        prior.decisions().byCell().forEach((cell, d) -> {
            String now = match.get(cell);
            String into = d.mergedInto() == null ? null : match.get(d.mergedInto());
            if (now == null || d.mergedInto() != null && into == null) {
                unplaced.add(String.format(Locale.ROOT, "%s %s%s: no cell of this run overlaps it (IoU >= %.1f)",
                        cell, d.status().name().toLowerCase(Locale.ROOT), d.mergedInto() == null ? ""
                                : " into " + d.mergedInto(), MIN_IOU));
            } else {
                out.put(now, new CurationDecisions.Decision(d.status(), into, d.source()));
            }
        });
        return new Carried(new CurationDecisions(out), unplaced);
    }

    /** Old cell name → new cell name, one to one, for the decided cells. */
    private static Map<String, String> match(Prior prior, List<Footprint> cells, List<String> newNames) {
        record Pair(String old, int cell, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        List<String> decided = new ArrayList<>(prior.decisions().byCell().keySet());
        prior.decisions().byCell().values().stream().filter(d -> d.mergedInto() != null)
                .forEach(d -> decided.add(d.mergedInto()));
        for (String old : decided.stream().distinct().toList()) {
            Footprint a = prior.footprints().get(prior.names().indexOf(old));
            for (int c = 0; c < cells.size(); c++) {
                double iou = iou(a, cells.get(c));
                if (iou >= MIN_IOU) {
                    pairs.add(new Pair(old, c, iou));
                }
            }
        }
        pairs.sort((x, y) -> Double.compare(y.iou(), x.iou()));
        Map<String, String> out = new LinkedHashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Pair p : pairs) {
            if (!out.containsKey(p.old()) && taken.add(p.cell())) {
                out.put(p.old(), newNames.get(p.cell()));
            }
        }
        return out;
    }

    /** Intersection over union of the two outlines' masks (pixels above a fifth of each peak). */
    static double iou(Footprint a, Footprint b) {
        if (a.x0() >= b.x0() + b.w() || b.x0() >= a.x0() + a.w() || a.y0() >= b.y0() + b.h()
                || b.y0() >= a.y0() + a.h()) {
            return 0;
        }
        java.util.Set<Long> ma = mask(a);
        java.util.Set<Long> mb = mask(b);
        long both = ma.stream().filter(mb::contains).count();
        long either = ma.size() + mb.size() - both;
        return either > 0 ? both / (double) either : 0;
    }

    private static java.util.Set<Long> mask(Footprint f) {
        boolean[] inside = f.outlineMask();
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (int y = 0; y < f.h(); y++) {
            for (int x = 0; x < f.w(); x++) {
                if (inside[y * f.w() + x]) {
                    out.add(((long) (f.y0() + y) << 32) | (f.x0() + x));
                }
            }
        }
        return out;
    }
}
