package org.spikescope.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.spikescope.core.CopiedBorder;
import org.spikescope.core.FrameSource;
import org.spikescope.core.Version;
import org.spikescope.io.FileTrees;
import org.spikescope.io.Json;
import org.spikescope.io.ResultsH5;
import org.spikescope.motion.MotionOutputs;
import org.spikescope.motion.MotionSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where a killed or failed pipeline run resumes: once motion correction is done, the corrected movie and the shifts
 * are kept in the output folder's {@value #FOLDER} (hard links to the staged files, so no copy) with what they were
 * made from: each input's path, size and time stamp, the movie's frames, size and rate, the motion settings, the
 * corrupted-frame check and the SpikeScope version. The next run into that folder with the same recording and
 * settings takes them instead of correcting the movie again; anything different, or a checkpoint that does not
 * read back exactly, and it is dropped and motion runs as usual. The bundle's commit removes it. Frames not read
 * straight from the input files (an open image), or a file system without hard links, get no checkpoint.
 */
final class MotionCheckpoint {

    static final String FOLDER = ".spikescope-resume";
    private static final String NEW = ".spikescope-resume-new";
    private static final String RECORD = "motion.json";
    private static final String RESULTS = "motion.h5";
    private static final int FOLDER_DEPTH = 4;
    private static final List<String> MOVIE_FILES = List.of(MotionOutputs.CORRECTED_TIFF, MotionOutputs.SHIFTS_CSV);
    private static final List<String> KEPT_FILES = List.of(MotionOutputs.CORRECTED_TIFF, MotionOutputs.SHIFTS_CSV,
            RESULTS);

    /** A file's identity as the checks see it. */
    record Stamp(String name, long size, long modified) {
    }

    /** What the motion stage's output depends on. */
    record Key(String version, List<Stamp> inputs, int frames, int width, int height, double frameRate,
               MotionSettings motion, boolean detectCorrupted) {
    }

    /** The checkpoint's record: its key, the stage's results, and the files it keeps as they were written. */
    record Saved(JsonNode key, List<Integer> excluded, double largestShift, CopiedBorder border, List<Stamp> files) {
    }

    /** Motion as an earlier run left it, its files linked into this run's staging folder. */
    record Restored(ResultsH5 results, SortedSet<Integer> excluded, double largestShift, CopiedBorder border) {
    }

    private final Path folder;
    /** The key as JSON, or null when this movie gets no checkpoint. */
    private final String key;
    private final String inactive;

    private MotionCheckpoint(Path folder, String key, String inactive) {
        this.folder = folder;
        this.key = key;
        this.inactive = inactive;
    }

    /**
     * The checkpoint of {@code target} for this movie and settings; inactive when the frames do not come straight
     * from the input files (an open image may have been edited since it was read).
     */
    static MotionCheckpoint of(Path target, List<Path> inputs, FrameSource movie, PipelineSettings settings)
            throws IOException {
        if (inputs.isEmpty() || !movie.storedInFiles()) {
            return new MotionCheckpoint(target.resolve(FOLDER), null, "the frames are not read from the recording's "
                    + "files as stored (an open image may differ from them)");
        }
        List<Stamp> stamps = new ArrayList<>();
        for (Path input : inputs) {
            stamps.add(stamp(input));
        }
        Key k = new Key(Version.get(), stamps, movie.frameCount(), movie.width(), movie.height(),
                movie.times().frameRate(), settings.motion(), settings.detectCorrupted());
        return new MotionCheckpoint(target.resolve(FOLDER), Json.MAPPER.writeValueAsString(k), null);
    }

    /**
     * The earlier run's motion results with its files linked into {@code staging}, or null (and the checkpoint
     * dropped) when there is none for this recording and these settings.
     */
    Restored restore(Path staging) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Saved saved = key == null ? null : read();
        if (saved == null || !Json.MAPPER.readTree(key).equals(saved.key())
                || !saved.files().equals(stamps(folder))) {
            discard();
            return null;
        }
        try {
            for (String name : MOVIE_FILES) {
                Files.createLink(staging.resolve(name), folder.resolve(name));
            }
            return new Restored(ResultsH5.copyOf(folder.resolve(RESULTS)), new TreeSet<>(saved.excluded()),
                    saved.largestShift(), saved.border());
        } catch (IOException | RuntimeException e) {
            for (String name : MOVIE_FILES) {
                Files.deleteIfExists(staging.resolve(name));
            }
            discard();
            return null;
        }
    }

    /**
     * Keeps the motion stage's files (staged in {@code staging}) and results; returns why not when it cannot
     * (no input files, no hard links here), else null.
     */
    String save(Path staging, ResultsH5 results, SortedSet<Integer> excluded, double largestShift,
                CopiedBorder border) {
        if (key == null) {
            return inactive;
        }
        Path fresh = folder.resolveSibling(NEW);
        try {
            FileTrees.deleteRecursively(fresh);
            Files.createDirectory(fresh);
            for (String name : MOVIE_FILES) {
                Files.createLink(fresh.resolve(name), staging.resolve(name));
            }
            results.write(fresh.resolve(RESULTS));
            Saved saved = new Saved(Json.MAPPER.readTree(key), List.copyOf(excluded), largestShift, border,
                    stamps(fresh));
            Json.MAPPER.writeValue(fresh.resolve(RECORD).toFile(), saved);
            FileTrees.deleteRecursively(folder);
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException | RuntimeException e) {
            try {
                FileTrees.deleteRecursively(fresh);
            } catch (IOException ignored) {
                // the next run removes it
            }
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Removes the checkpoint (after the bundle's commit, or when it no longer fits). */
    void discard() throws IOException {
        FileTrees.deleteRecursively(folder);
        FileTrees.deleteRecursively(folder.resolveSibling(NEW));
    }

    private Saved read() {
        try {
            Saved saved = Json.MAPPER.readValue(folder.resolve(RECORD).toFile(), Saved.class);
            boolean whole = saved.key() != null && saved.excluded() != null && saved.files() != null
                    && saved.border() != null
                    && saved.excluded().stream().allMatch(t -> t != null && t >= 0);
            return whole ? saved : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The kept files as they are now: a changed or replaced file no longer matches what was recorded. */
    private static List<Stamp> stamps(Path dir) throws IOException {
        List<Stamp> out = new ArrayList<>();
        for (String name : KEPT_FILES) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            out.add(new Stamp(name, Files.size(p), Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
                    .toMillis()));
        }
        return out;
    }

    /**
     * A file's path, size and time; a folder (a Miniscope recording, its AVIs in sub-folders) by the total size and
     * latest time of the files in it and up to {@value #FOLDER_DEPTH} levels below.
     */
    private static Stamp stamp(Path input) throws IOException {
        Path p = input.toRealPath();
        if (!Files.isDirectory(p)) {
            return new Stamp(p.toString(), Files.size(p), Files.getLastModifiedTime(p).toMillis());
        }
        long size = 0;
        long modified = 0;
        try (Stream<Path> files = Files.walk(p, FOLDER_DEPTH)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                size += Files.size(f);
                modified = Math.max(modified, Files.getLastModifiedTime(f).toMillis());
            }
        }
        return new Stamp(p.toString(), size, modified);
    }
}
