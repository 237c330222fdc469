package org.spikescope.cells;

import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.Workers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One streaming pass over a movie, with its background removed or as recorded: each worker takes a contiguous run
 * of frames (so that it sees consecutive frames in order) and hands every frame not excluded to its own visitor,
 * which accumulates what the pass needs. Memory holds one frame per worker whatever the movie's length.
 */
public final class MoviePass {

    /** Receives frames in increasing order within one worker's run. */
    public interface Visitor {
        /**
         * @param raw        the frame as recorded
         * @param cells      the frame less its background
         * @param background the background ({@link BackgroundRemoval})
         */
        void frame(int t, float[] raw, float[] cells, float[] background);
    }

    /** Two visitors fed by one pass: each sees every frame of its worker's run, in order. */
    public record Both(Visitor first, Visitor second) implements Visitor {
        @Override
        public void frame(int t, float[] raw, float[] cells, float[] background) {
            first.frame(t, raw, cells, background);
            second.frame(t, raw, cells, background);
        }
    }

    /** Receives the frames as recorded, in increasing order within one worker's run. */
    public interface RecordedVisitor {
        void frame(int t, float[] raw);
    }

    private MoviePass() {
    }

    /**
     * Runs the pass and returns the visitors, one per worker, in worker order.
     *
     * @param model the cells known so far, taken out before the background is estimated; null if none
     */
    public static <V extends Visitor> List<V> run(CellMovie cellMovie, CellModel model, Workers pool,
                                                  ProgressListener progress, String stage,
                                                  IntFunction<V> visitorForWorker) {
        int w = cellMovie.source().width();
        int h = cellMovie.source().height();
        return loop(cellMovie, pool, progress, stage, visitorForWorker, visitor -> {
            BackgroundRemoval removal = new BackgroundRemoval(w, h, cellMovie.cellRadius());
            float[] cells = new float[w * h];
            float[] background = new float[w * h];
            return (t, raw) -> {
                removal.apply(raw, cells, background, model, t);
                visitor.frame(t, raw, cells, background);
            };
        });
    }

    /** A pass that needs only the recorded frames: no background is estimated, which saves most of a pass's work. */
    public static <V extends RecordedVisitor> List<V> runOnRecorded(CellMovie cellMovie, Workers pool,
                                                                    ProgressListener progress, String stage,
                                                                    IntFunction<V> visitorForWorker) {
        return loop(cellMovie, pool, progress, stage, visitorForWorker, visitor -> visitor::frame);
    }

    private static <V> List<V> loop(CellMovie cellMovie, Workers pool, ProgressListener progress, String stage,
                                    IntFunction<V> visitorForWorker, Function<V, RecordedVisitor> steps) {
        progress.stage(stage);
        FrameSource movie = cellMovie.source();
        int n = movie.frameCount();
        int threads = pool.count();
        List<V> visitors = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            visitors.add(visitorForWorker.apply(i));
        }
        AtomicLong done = new AtomicLong();
        pool.forEach(worker -> {
            RecordedVisitor step = steps.apply(visitors.get(worker));
            float[] raw = new float[movie.width() * movie.height()];
            int from = (int) ((long) n * worker / threads);
            int to = (int) ((long) n * (worker + 1) / threads);
            for (int t = from; t < to; t++) {
                progress.checkCancelled();
                if (!cellMovie.used(t)) {
                    done.incrementAndGet();
                    continue;
                }
                try {
                    movie.readFrame(t, raw);
                } catch (IOException e) {
                    throw new UncheckedIOException(movie.description() + ", frame " + t + ": " + e.getMessage(), e);
                }
                step.frame(t, raw);
                long d = done.incrementAndGet();
                if (d % 32 == 0 || d == n) {
                    progress.progress(d, n);
                }
            }
        });
        return visitors;
    }
}
