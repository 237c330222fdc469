package org.spikescope.movie;

import org.spikescope.core.FrameGap;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.CsvTable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What is wrong with a recording's frames: gaps of dropped frames, frames damaged on disk (truncated chunks)
 * and frames corrupted in transmission.
 */
public record FrameQuality(FrameSource movie, List<FrameGap> gaps, List<Integer> damaged,
                           CorruptedFrameDetector.Result corruption) {

    public static final List<String> COLUMNS = List.of("frame", "time_s", "dropped_before", "corrupted", "damaged",
            "line_z", "brightness_z");

    /** Assesses {@code movie}; corruption detection reads every frame once and can be skipped. */
    public static FrameQuality assess(FrameSource movie, boolean detectCorruption, double threshold,
                                      ProgressListener progress) {
        CorruptedFrameDetector.Result corruption = detectCorruption
                ? CorruptedFrameDetector.detect(movie, threshold, progress) : null;
        return new FrameQuality(movie, movie.gaps(), movie.damagedFrames(), corruption);
    }

    /** Frames lost in acquisition (sum over gaps). */
    public int droppedFrames() {
        return gaps.stream().mapToInt(FrameGap::missing).sum();
    }

    public List<Integer> corruptedFrames() {
        return corruption == null ? List.of() : corruption.corrupted();
    }

    /** One row per stored frame with a problem, in the columns of {@link #COLUMNS}. */
    public CsvTable issueTable() {
        TreeSet<Integer> frames = new TreeSet<>(damaged);
        frames.addAll(corruptedFrames());
        int[] droppedBefore = new int[movie.frameCount()];
        for (FrameGap g : gaps) {
            if (g.afterFrame() + 1 < droppedBefore.length) {
                droppedBefore[g.afterFrame() + 1] += g.missing();
                frames.add(g.afterFrame() + 1);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int f : frames) {
            rows.add(new double[]{f, movie.times().at(f), droppedBefore[f], corruptedFrames().contains(f) ? 1 : 0,
                    damaged.contains(f) ? 1 : 0, corruption == null ? Double.NaN : corruption.lineZ()[f],
                    corruption == null ? Double.NaN : corruption.brightnessZ()[f]});
        }
        double[][] columns = new double[COLUMNS.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                columns[c][r] = rows.get(r)[c];
            }
        }
        return new CsvTable(COLUMNS, columns);
    }
}
