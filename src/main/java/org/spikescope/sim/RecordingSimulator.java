package org.spikescope.sim;

import org.spikescope.core.Footprint;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.core.FrameSink;
import org.spikescope.movie.Hdf5MovieWriter;
import org.spikescope.movie.MiniscopeV4Writer;
import org.spikescope.movie.TiffStackWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a simulated recording into a folder: the movie ({@code movie.tif}, {@code movie.h5} or a V4 folder
 * {@code Miniscope/}) and {@code groundtruth/}. Frames are rendered in small parallel batches and streamed to
 * disk, so memory does not grow with the number of frames (except for HDF5, see {@link Hdf5MovieWriter}).
 * The folder appears only when everything is written.
 */
public final class RecordingSimulator {

    public static final String TIFF_NAME = "movie.tif";
    public static final String HDF5_NAME = "movie.h5";
    public static final String HDF5_DATASET = "movie";
    public static final String V4_FOLDER = "Miniscope";
    public static final String GROUND_TRUTH = "groundtruth";

    private RecordingSimulator() {
    }

    /** What was written. */
    public record Written(Path folder, Path movie, int storedFrames, int droppedFrames, int corruptedFrames,
                          int cells, long spikes) {
    }

    public static Written write(SimulationSettings settings, List<Footprint> templates, OutputTarget output,
                                ProgressListener progress) throws IOException {
        progress.stage("Preparing the simulated scene");
        MovieSimulator sim = new MovieSimulator(settings, templates);
        SimulationSettings s = sim.settings();
        try (OutputFolder folder = OutputFolder.bundle(output, "simulation")) {
            Path movieRelative = switch (s.format()) {
                case HDF5 -> Path.of(HDF5_NAME);
                case V4 -> Path.of(V4_FOLDER);
                case TIFF -> Path.of(TIFF_NAME);
            };
            Path movie = folder.dir().resolve(movieRelative);
            progress.stage("Rendering " + sim.storedFrames() + " frames");
            SplittableRandom stampJitter = new SplittableRandom(s.seed() + 7);
            try (FrameSink sink = openSink(s, movie, sim.storedFrames())) {
                int batch = 4 * Runtime.getRuntime().availableProcessors();
                for (int start = 0; start < sim.storedFrames(); start += batch) {
                    progress.checkCancelled();
                    int end = Math.min(sim.storedFrames(), start + batch);
                    float[][] frames = new float[end - start][];
                    int first = start;
                    IntStream.range(start, end).parallel()
                            .forEach(i -> frames[i - first] = sim.renderStored(i, null));
                    for (int i = start; i < end; i++) {
                        if (sink instanceof MiniscopeV4Writer v4) {
                            int t = sim.trueFrame(i);
                            // the acquisition clock jitters by a millisecond or two
                            long ms = Math.round(t * 1000 / s.frameRate()) + stampJitter.nextInt(3) - 1;
                            v4.write(frames[i - start], t, Math.max(0, ms));
                        } else {
                            sink.write(frames[i - start]);
                        }
                    }
                    progress.progress(end, sim.storedFrames());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            progress.stage("Writing ground truth");
            GroundTruth truth = sim.groundTruth();
            GroundTruthWriter.write(truth, folder.dir().resolve(GROUND_TRUTH));
            folder.commit();
            long spikes = 0;
            for (int[] cell : truth.spikes()) {
                for (int k : cell) {
                    spikes += k;
                }
            }
            return new Written(folder.target(), folder.target().resolve(movieRelative), sim.storedFrames(),
                    s.frames() - sim.storedFrames(), truth.corrupted().size(), s.cells(), spikes);
        }
    }

    private static FrameSink openSink(SimulationSettings s, Path movie, int frames) throws IOException {
        return switch (s.format()) {
            case HDF5 -> new Hdf5MovieWriter(movie, HDF5_DATASET, frames, s.width(), s.height(), s.frameRate());
            case V4 -> new MiniscopeV4Writer(movie, s.width(), s.height(), s.frameRate(), s.framesPerFile());
            case TIFF -> new TiffStackWriter(movie, s.width(), s.height(), s.bitDepth(), s.frameRate());
        };
    }
}
