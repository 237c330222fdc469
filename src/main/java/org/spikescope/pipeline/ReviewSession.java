package org.spikescope.pipeline;

import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the "Review Cells" window edits, free of any window: the decisions on a bundle's cells (those of its
 * extraction before curation), starting from the bundle's curation.csv, changed by accept, reject and merge, undone
 * step by step, and applied to the bundle as "Apply Curation" applies a file.
 */
public final class ReviewSession {

    private final Path bundle;
    private final Path extraction;
    private final List<String> cells;
    private final Map<String, CurationDecisions.Decision> decisions = new LinkedHashMap<>();
    private final Deque<Map<String, CurationDecisions.Decision>> undo = new ArrayDeque<>();

    private ReviewSession(Path bundle, Path extraction, List<String> cells) {
        this.bundle = bundle;
        this.extraction = extraction;
        this.cells = cells;
    }

    public static ReviewSession open(Path bundle) throws IOException {
        CurationRun.Extraction e = CurationRun.extraction(bundle);
        ReviewSession s = new ReviewSession(bundle, e.folder(), e.names());
        Path file = bundle.resolve(CurationDecisions.FILE);
        if (Files.isRegularFile(file)) {
            s.decisions.putAll(CurationDecisions.read(file, e.names()).byCell());
        }
        return s;
    }

    /** The folder whose files show every cell of the extraction (original/ once the bundle is curated). */
    public Path extraction() {
        return extraction;
    }

    public List<String> cells() {
        return cells;
    }

    /** accepted, rejected or merged (into another), or "" when undecided. */
    public String status(String cell) {
        CurationDecisions.Decision d = decisions.get(cell);
        return d == null ? "" : d.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    public void accept(List<String> selected) {
        decide(selected, CurationDecisions.Status.ACCEPTED, null);
    }

    public void reject(List<String> selected) {
        decide(selected, CurationDecisions.Status.REJECTED, null);
    }

    /** The first cell selected takes the others in; a cell merged into one of them follows it. */
    public void merge(List<String> selected) {
        if (selected.size() < 2) {
            throw new InputException("select two or more cells to merge (the first one selected takes the others)");
        }
        String into = selected.get(0);
        if (status(into).equals("rejected") || status(into).equals("merged")) {
            throw new InputException(into + " is " + status(into) + "; merge into a kept cell");
        }
        save();
        decisions.put(into, new CurationDecisions.Decision(CurationDecisions.Status.ACCEPTED, null, "user"));
        for (String cell : selected.subList(1, selected.size())) {
            decisions.put(cell, new CurationDecisions.Decision(CurationDecisions.Status.MERGED, into, "user"));
        }
        decisions.replaceAll((cell, d) -> d.mergedInto() != null && selected.contains(d.mergedInto())
                && !d.mergedInto().equals(into)
                ? new CurationDecisions.Decision(CurationDecisions.Status.MERGED, into, d.source()) : d);
    }

    private void decide(List<String> selected, CurationDecisions.Status status, String into) {
        if (selected.isEmpty()) {
            throw new InputException("select a cell first (on the image or in the ROI Manager)");
        }
        save();
        for (String cell : selected) {
            decisions.put(cell, new CurationDecisions.Decision(status, into, "user"));
            // cells merged into one that is now rejected are rejected with it
            if (status == CurationDecisions.Status.REJECTED) {
                decisions.replaceAll((c, d) -> cell.equals(d.mergedInto())
                        ? new CurationDecisions.Decision(CurationDecisions.Status.REJECTED, null, "user") : d);
            }
        }
    }

    private void save() {
        undo.push(new LinkedHashMap<>(decisions));
    }

    /** Takes back the last decision; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        decisions.clear();
        decisions.putAll(undo.pop());
        return true;
    }

    public CurationDecisions decisions() {
        return new CurationDecisions(new LinkedHashMap<>(decisions));
    }

    /** Applies the decisions to the bundle (one commit) and keeps them as its curation.csv. */
    public CurationRun.Result apply(ProgressListener progress) throws IOException {
        return CurationRun.apply(bundle, decisions(), "the Review Cells window", true, progress);
    }
}
