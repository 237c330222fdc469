package org.spikescope.pipeline;

import org.spikescope.core.CancelledException;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.ErrorMessages;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.TextTable;
import org.spikescope.movie.MovieOpener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pipeline over every recording in a folder (Miniscope folders, and TIFF, HDF5 and AVI files), one bundle each
 * in {@code output/<recording name>}. A recording that fails is reported and the batch goes on; a recording whose
 * bundle is complete (its log.txt exists) is skipped unless {@code redo}. {@value #SUMMARY_CSV} lists them all.
 */
public final class BatchRun {

    public static final String SUMMARY_CSV = "batch_summary.csv";
    static final List<String> COLUMNS = List.of("recording", "status", "frames", "cells", "spikes", "seconds",
            "message");

    private BatchRun() {
    }

    /** One row of the summary. */
    public record Outcome(String recording, String status, int frames, int cells, long spikes, double seconds,
                          String message) {
    }

    /** The kind of folder a batch writes (see {@link OutputFolder}). */
    public static final String KIND = "batch";

    public static List<Outcome> run(Path input, OutputTarget target, PipelineSettings settings, boolean redo,
                                    ProgressListener progress) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new InputException("parameter 'input': " + input + " is not a folder of recordings");
        }
        settings.validate();
        List<Path> recordings = recordings(input, target);
        if (recordings.isEmpty()) {
            throw new InputException("parameter 'input': " + input + " holds no recordings (Miniscope folders, "
                    + ".tif, .h5 or .avi files)");
        }
        try (OutputFolder folder = OutputFolder.bundle(target, KIND)) {
            return runAll(recordings, folder, settings, redo, progress);
        }
    }

    private static List<Outcome> runAll(List<Path> recordings, OutputFolder folder, PipelineSettings settings,
                                        boolean redo, ProgressListener progress) throws IOException {
        Path output = folder.target();
        List<Outcome> outcomes = new ArrayList<>();
        for (Path recording : recordings) {
            progress.checkCancelled();
            String name = recording.getFileName().toString();
            Path bundle = output.resolve(name.contains(".") && Files.isRegularFile(recording)
                    ? name.substring(0, name.lastIndexOf('.')) : name);
            if (!redo && OutputFolder.holdsResult(bundle, Pipeline.KIND)) {
                outcomes.add(new Outcome(name, "skipped", 0, 0, 0, 0, "finished earlier (redo to run again)"));
                continue;
            }
            progress.stage("Recording " + (outcomes.size() + 1) + " of " + recordings.size() + ": " + name);
            long start = System.nanoTime();
            try (FrameSource movie = MovieOpener.open(recording, "", settings.frameRate())) {
                PipelineResult r = Pipeline.run(movie, settings, new OutputTarget("output", bundle,
                        folder.overwrite(), List.of(recording)), progress);
                outcomes.add(new Outcome(name, "done", r.frames(), r.cells(), r.spikes(),
                        (System.nanoTime() - start) / 1e9, r.timings()));
            } catch (CancelledException e) {
                throw e;
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                // any failure of one recording, internal errors included, is reported and the batch goes on
                if (ErrorMessages.unwrap(e) instanceof CancelledException c) {
                    throw c;
                }
                outcomes.add(new Outcome(name, "failed", 0, 0, 0, (System.nanoTime() - start) / 1e9,
                        ErrorMessages.describe(e)));
            }
            commitSummary(folder, outcomes);
        }
        commitSummary(folder, outcomes);
        return outcomes;
    }

    private static void commitSummary(OutputFolder folder, List<Outcome> outcomes) throws IOException {
        summary(outcomes).write(folder.dir().resolve(SUMMARY_CSV));
        folder.commit();
    }

    /** Sub-folders and movie files of {@code input}, by name; hidden entries and the output folder left out. */
    static List<Path> recordings(Path input, OutputTarget output) throws IOException {
        Path out = output.path();
        try (Stream<Path> entries = Files.list(input)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.toAbsolutePath().normalize().equals(out))
                    .filter(p -> Files.isDirectory(p) || MovieOpener.isMovieFile(p))
                    .sorted().toList();
        }
    }

    public static TextTable summary(List<Outcome> outcomes) {
        TextTable table = new TextTable(COLUMNS);
        for (Outcome o : outcomes) {
            table.add(o.recording(), o.status(), o.frames(), o.cells(), o.spikes(),
                    Math.round(o.seconds() * 10) / 10.0, o.message());
        }
        return table;
    }
}
