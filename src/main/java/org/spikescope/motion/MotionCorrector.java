package org.spikescope.motion;

import org.spikescope.core.Workers;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.FrameSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The motion stage: builds a template from the first good frames, then streams the movie through registration
 * and correction in blocks, one frame per thread at a time, writing corrected frames in order. Memory holds one
 * block of frames whatever the movie's length. The template is renewed every {@code templateUpdate} frames from
 * the corrected good frames since the last renewal, so it follows slow changes (bleaching, background), and each
 * renewed template is first registered to the first one and moved onto it: otherwise the registration's tiny bias
 * (interpolated frames, averaged) carries over from template to template. On a simulated 28,000-frame session
 * (renewal every 200 frames) the frame of reference drifted by 1.04 px along x, 0.0074 px per renewal; a cell's
 * footprint, fitted to the whole session, then left half a pixel of its light beside it at both ends, which
 * detection took for new cells.
 */
public final class MotionCorrector {

    /** Frames per block: fixed, so that template renewals (and results) do not depend on the number of cores. */
    static final int BLOCK = 32;

    private MotionCorrector() {
    }

    /**
     * @param excluded frames left out of every template (flagged corrupted); they are still corrected
     * @param sink     receives the corrected frames in order; null = shifts only
     */
    public static MotionResult correct(FrameSource movie, MotionSettings settings, Set<Integer> excluded,
                                       FrameSink sink, ProgressListener progress) throws IOException {
        settings.validate();
        try (Workers pool = new Workers()) {
            return correct(movie, settings, excluded, sink, progress, pool);
        }
    }

    private static MotionResult correct(FrameSource movie, MotionSettings settings, Set<Integer> excluded,
                                        FrameSink sink, ProgressListener progress, Workers pool) throws IOException {
        int n = movie.frameCount();
        int pixels = movie.width() * movie.height();
        int threads = pool.count();
        List<MotionWorker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new MotionWorker(movie, settings));
        }
        PatchGrid grid = workers.get(0).registration().grid();
        progress.stage("Building the motion template");
        float[] firstTemplate = TemplateBuilder.build(movie, excluded, settings.templateFrames(), workers, pool);
        for (MotionWorker w : workers) {
            w.registration().setBinnedTemplate(firstTemplate);
        }
        // renewed templates are moved back onto the first one (see above)
        FrameAligner anchor = new FrameAligner(movie.width(), movie.height(), settings);
        anchor.registration().setBinnedTemplate(firstTemplate);

        progress.stage("Correcting motion");
        double[] x = new double[n];
        double[] y = new double[n];
        float[][] patchX = grid == null ? null : new float[n][];
        float[][] patchY = grid == null ? null : new float[n][];
        int[] fallbacks = new int[n];
        boolean[] atEdge = new boolean[n];
        int sinceUpdate = 0;
        // two blocks of corrected frames: one is written out while the workers correct into the other
        float[][][] blocks = {new float[BLOCK][pixels], sink == null ? null : new float[BLOCK][pixels]};
        List<ImageSum> recent = workers.stream().map(w -> w.recent).toList();
        BlockWriter writer = sink == null ? null : new BlockWriter(sink);
        try {
            for (int start = 0, b = 0; start < n; start += BLOCK, b = 1 - b) {
                progress.checkCancelled();
                int first = start;
                int count = Math.min(BLOCK, n - start);
                if (sink != null && !sink.releasesFrames()) {
                    blocks[b] = new float[BLOCK][pixels]; // the sink may keep the frames it was given
                }
                float[][] corrected = blocks[sink == null ? 0 : b];
                pool.forEach(w -> {
                    MotionWorker worker = workers.get(w);
                    for (int k = w; k < count; k += threads) {
                        int t = first + k;
                        FrameRegistration.Shifts s = worker.correct(t, corrected[k], !excluded.contains(t));
                        x[t] = s.x();
                        y[t] = s.y();
                        fallbacks[t] = s.fallbacks();
                        atEdge[t] = s.atSearchEdge() && !excluded.contains(t);
                        if (s.patches() != null) {
                            patchX[t] = new float[s.patches().length];
                            patchY[t] = new float[s.patches().length];
                            for (int p = 0; p < s.patches().length; p++) {
                                patchX[t][p] = (float) s.patches()[p][0];
                                patchY[t][p] = (float) s.patches()[p][1];
                            }
                        }
                    }
                });
                if (writer != null) {
                    writer.write(corrected, count);
                }
                sinceUpdate += count;
                if (settings.templateUpdate() > 0 && sinceUpdate >= settings.templateUpdate()) {
                    float[] renewed = ImageSum.mean(recent);
                    if (renewed != null) {
                        float[] anchored = new float[pixels];
                        anchor.align(renewed, anchored);
                        setTemplate(workers, anchored);
                        workers.forEach(MotionWorker::foldRecent);
                        sinceUpdate = 0;
                    }
                }
                progress.progress(start + count, n);
            }
            if (writer != null) {
                writer.finish();
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        workers.forEach(MotionWorker::foldRecent);
        // every good frame went into both sums, and the template builder made sure there is one
        float[] before = ImageSum.mean(workers.stream().map(w -> w.raw).toList());
        float[] after = ImageSum.mean(workers.stream().map(w -> w.corrected).toList());
        int edge = 0;
        for (boolean e : atEdge) {
            edge += e ? 1 : 0;
        }
        return new MotionResult(settings, movie.width(), movie.height(), x, y, patchX, patchY, grid, fallbacks,
                before, after, edge);
    }

    private static void setTemplate(List<MotionWorker> workers, float[] template) {
        for (MotionWorker w : workers) {
            w.registration().setTemplate(template);
        }
    }
}
