package org.spikescope;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import org.spikescope.core.CopiedBorder;
import org.spikescope.core.Footprint;
import org.spikescope.core.FrameSink;
import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;
import org.spikescope.core.Trials;
import org.spikescope.decode.DecodingRun;
import org.spikescope.detect.DetectionResult;
import org.spikescope.detect.DetectionSettings;
import org.spikescope.detect.NeuronDetector;
import org.spikescope.fiji.ImagePlusFrameSource;
import org.spikescope.image.IntervalFrameSource;
import org.spikescope.io.TraceTables;
import org.spikescope.motion.MotionCorrector;
import org.spikescope.motion.MotionResult;
import org.spikescope.motion.MotionSettings;
import org.spikescope.movie.CorruptedFrameDetector;
import org.spikescope.movie.MovieOpener;
import org.spikescope.pipeline.PipelineSettings;
import org.spikescope.rates.SpikeFiles;
import org.spikescope.register.RegistrationResult;
import org.spikescope.register.RegistrationRun;
import org.spikescope.register.RegistrationSettings;
import org.spikescope.register.Session;
import org.spikescope.register.SessionRegistration;
import org.spikescope.rates.TrialBinning;
import org.spikescope.rates.gfr.GfrFitSettings;
import org.spikescope.rates.gfr.GfrFitting;
import org.spikescope.rates.rnn.RnnRatesRun;
import org.spikescope.rates.rnn.RnnSettings;
import org.spikescope.sim.GroundTruth;
import org.spikescope.sim.MovieSimulator;
import org.spikescope.sim.SimulationSettings;
import org.spikescope.spikes.CellResult;
import org.spikescope.spikes.learned.ShippedModels;
import org.spikescope.spikes.learned.SpikeInference;
import org.spikescope.spikes.DeconvolutionOutputs;
import org.spikescope.spikes.DeconvolutionSettings;
import org.spikescope.spikes.SpikeDeconvolver;
import org.spikescope.traces.TraceExtractionRun;
import org.spikescope.traces.TraceOutputs;
import org.spikescope.traces.TraceSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * SpikeScope from Java and Fiji scripts: every stage and the whole pipeline on in-memory data, results in memory.
 * Movies are ImgLib2 images of dimensions x, y, t (any {@link RealType}), ImagePlus stacks, or files (Miniscope
 * folders, TIFF, HDF5, AVI); nothing is written to disk. Motion-corrected movies are held in memory (a
 * {@link PlanarImg}, one float plane per frame): for recordings larger than memory, use the commands, which stream.
 * Every call uses all cores and blocks until done; bad input throws {@code InputException} with a one-line message.
 *
 * <pre>{@code
 * var out = SpikeScope.runPipeline(movie, 20, PipelineSettings.defaults());
 * out.cells().footprints();   // Img<FloatType>: x, y, cell
 * out.spikes();               // one CellResult per cell: spikes per frame, calcium, noise, kinetics
 * }</pre>
 */
public final class SpikeScope {

    private SpikeScope() {
    }

    /** Shifts and the corrected movie (x, y, t; held in memory). */
    public record Motion(MotionResult shifts, PlanarImg<FloatType, FloatArray> corrected) {
    }

    /**
     * Cells found in a movie.
     *
     * @param footprints x, y, cell: each cell's spatial weights (one empty plane when no cell was found)
     * @param shapes     the same as sparse footprints (box and weights)
     * @param raw        raw fluorescence per cell (first column time_s)
     * @param dff        ΔF/F per cell
     * @param positions  each cell's centre, [cell][x, y] in pixels
     */
    public record Cells(ArrayImg<FloatType, FloatArray> footprints, List<Footprint> shapes, TraceSet raw,
                        TraceSet dff, double[][] positions) {
    }

    /** The whole chain's results: motion, cells, and each cell's deconvolved spikes. */
    public record PipelineOutput(Motion motion, Cells cells, CellResult[] spikes) {
    }

    // motion correction

    public static <T extends RealType<T>> Motion correctMotion(RandomAccessibleInterval<T> movie,
                                                                MotionSettings settings) {
        return correctMotion(new IntervalFrameSource<>(movie, MovieOpener.DEFAULT_FRAME_RATE), settings, Set.of());
    }

    public static Motion correctMotion(ImagePlus movie, MotionSettings settings) {
        return correctMotion(ImagePlusFrameSource.of(movie), settings, Set.of());
    }

    public static Motion correctMotion(Path movie, MotionSettings settings) {
        return onFile(movie, 0, source -> correctMotion(source, settings, CorruptedFrameDetector.unusable(source,
                true, ProgressListener.NONE)));
    }

    // neuron detection

    /** At {@value MovieOpener#DEFAULT_FRAME_RATE} Hz; detection's time constants follow the frame rate. */
    public static <T extends RealType<T>> Cells detectNeurons(RandomAccessibleInterval<T> movie,
                                                               DetectionSettings settings) {
        return detectNeurons(movie, MovieOpener.DEFAULT_FRAME_RATE, settings);
    }

    public static <T extends RealType<T>> Cells detectNeurons(RandomAccessibleInterval<T> movie, double frameRate,
                                                               DetectionSettings settings) {
        return detectNeurons(new IntervalFrameSource<>(movie, frameRate), settings, Set.of(), CopiedBorder.NONE);
    }

    /**
     * On the movie {@link #correctMotion} corrected: no cell is seeded in the bands along its edges that the
     * correction filled with edge copies ({@link MotionResult#copiedBorder}).
     */
    public static Cells detectNeurons(Motion motion, double frameRate, DetectionSettings settings) {
        return detectNeurons(new IntervalFrameSource<>(motion.corrected(), frameRate), settings, Set.of(),
                motion.shifts().copiedBorder());
    }

    public static Cells detectNeurons(ImagePlus movie, DetectionSettings settings) {
        return detectNeurons(ImagePlusFrameSource.of(movie), settings, Set.of(), CopiedBorder.NONE);
    }

    public static Cells detectNeurons(Path movie, DetectionSettings settings) {
        return onFile(movie, 0, source -> detectNeurons(source, settings, CorruptedFrameDetector.unusable(source,
                true, ProgressListener.NONE), CopiedBorder.NONE));
    }

    // traces of known cells

    /**
     * Traces of known cells in a movie: an earlier session's footprints, ROIs, or {@code detectNeurons(…).shapes()}.
     *
     * @param frameRate Hz (ΔF/F's baseline window is in seconds)
     */
    public static <T extends RealType<T>> Cells extractTraces(RandomAccessibleInterval<T> movie, double frameRate,
                                                               List<Footprint> footprints, TraceSettings settings) {
        return extractTraces(new IntervalFrameSource<>(movie, frameRate), footprints, settings, Set.of());
    }

    public static Cells extractTraces(ImagePlus movie, List<Footprint> footprints, TraceSettings settings) {
        return extractTraces(ImagePlusFrameSource.of(movie), footprints, settings, Set.of());
    }

    public static Cells extractTraces(Path movie, List<Footprint> footprints, TraceSettings settings) {
        return onFile(movie, 0, source -> extractTraces(source, footprints, settings,
                CorruptedFrameDetector.unusable(source, true, ProgressListener.NONE)));
    }

    // spike deconvolution

    /** @param traces ΔF/F, first column time_s (or frame), one column per cell */
    public static CellResult[] deconvolve(TraceSet traces, double frameRate, DeconvolutionSettings settings) {
        return SpikeDeconvolver.deconvolve(traces, frameRate, settings.validate(), ProgressListener.NONE);
    }

    /** @param dff [cell][frame] ΔF/F; cells are named cell_001, … */
    public static CellResult[] deconvolve(double[][] dff, double frameRate, DeconvolutionSettings settings) {
        return deconvolve(traceSet(dff, frameRate), frameRate, settings);
    }

    /** [cell][frame] values as a table with a time_s column, cells named cell_001, … */
    private static TraceSet traceSet(double[][] values, double frameRate) {
        int frames = values.length == 0 ? 0 : values[0].length;
        double[] time = new double[frames];
        for (int t = 0; t < frames; t++) {
            time[t] = t / frameRate;
        }
        return new TraceSet("time_s", time, TraceTables.cellNames(values.length), values);
    }

    /**
     * Expected spikes per frame by a learned model (CASCADE-class): {@code model} null = the shipped model nearest
     * {@code frameRate} (refused 2× or more away), else a model file written by "Train Spike Inference Model".
     *
     * @param traces ΔF/F, first column time_s (or frame), one column per cell
     */
    public static SpikeInference.Cell[] inferSpikeRates(TraceSet traces, double frameRate, Path model) {
        try {
            return SpikeInference.infer(traces, frameRate, ShippedModels.choose(frameRate, model).model(),
                    ProgressListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #inferSpikeRates(TraceSet, double, Path)}; {@code dff} is [cell][frame], cells named cell_001, … */
    public static SpikeInference.Cell[] inferSpikeRates(double[][] dff, double frameRate, Path model) {
        return inferSpikeRates(traceSet(dff, frameRate), frameRate, model);
    }

    /** Spikes per frame as a table (the time column of the traces they came from, one column per cell). */
    public static TraceSet spikesTable(TraceSet traces, CellResult[] spikes) {
        return DeconvolutionOutputs.spikes(traces, spikes);
    }

    // firing rates

    /**
     * BlechRNN's firing rates, trained on the training trials and scored on the held-out ones beside smoothing and
     * the PSTH ({@code comparison()}); {@code groups()} hold the rates per trial, bin and neuron.
     *
     * @param spikes counts per frame, first column time_s (e.g. {@link #spikesTable})
     * @param trials trial starts and labels, or null for consecutive windows of the settings' timeLims
     */
    public static RnnRatesRun.Result inferRates(TraceSet spikes, Trials trials, RnnSettings settings) {
        return RnnRatesRun.inMemory(RnnRatesRun.inputs(new SpikeFiles(null, spikes), trials, settings.validate()),
                settings, ProgressListener.NONE);
    }

    // decoding

    /**
     * Trial labels decoded from spikes, cross-validated with permutation chance.
     *
     * @param spikes counts per frame, first column time_s (e.g. {@link #spikesTable})
     * @param trials trial starts and labels; the settings' window (ms from each start) is binned
     */
    public static DecodingRun.Result decodeTrials(TraceSet spikes, Trials trials, DecodingRun.Settings settings) {
        settings.validate();
        return DecodingRun.inMemory(TrialBinning.fromCounts(spikes, trials, settings.window()[0],
                settings.window()[1], settings.binSize()), settings, ProgressListener.NONE);
    }

    // GFR neurons

    /**
     * A Generalized Firing Rate neuron fitted to one cell's sweeps (GRNN's model).
     *
     * @param currents {@code [sweep][bin]} injected current, pA; {@code counts} spikes in the same bins
     */
    public static GfrFitting.Result fitGfrNeuron(double[][] currents, double[][] counts, GfrFitSettings settings) {
        return GfrFitting.fit("cell", "", currents, counts, settings, ProgressListener.NONE);
    }

    // the same cells across sessions

    /**
     * Registers sessions' cells to one another (CellReg class): {@code sessions} are results bundles, results.h5,
     * RoiSet.zip or footprint CSV files, in order.
     */
    public static RegistrationResult registerSessions(List<Path> sessions, RegistrationSettings settings) {
        try {
            return registerSessionsOf(RegistrationRun.read(sessions, ProgressListener.NONE), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Registers sessions given as footprints, e.g. each day's {@code detectNeurons(...).shapes()}: {@code footprints}
     * per session, on images of {@code width} × {@code height}; cells are named cell_001, … in each session.
     */
    public static RegistrationResult registerSessions(List<List<Footprint>> footprints, int width, int height,
                                                      RegistrationSettings settings) {
        List<Session> sessions = new java.util.ArrayList<>();
        for (int s = 0; s < footprints.size(); s++) {
            sessions.add(new Session("session " + (s + 1), width, height,
                    TraceTables.cellNames(footprints.get(s).size()), footprints.get(s)));
        }
        return registerSessionsOf(sessions, settings);
    }

    private static RegistrationResult registerSessionsOf(List<Session> sessions, RegistrationSettings settings) {
        return SessionRegistration.register(sessions, settings, ProgressListener.NONE);
    }

    // simulation

    /** A simulated one-photon recording (held in memory, x, y, t) and its ground truth. */
    public record Simulation(PlanarImg<FloatType, FloatArray> movie, GroundTruth truth) {
    }

    /** @param templates footprint shapes to draw cells from (empty: discs of the settings' radius) */
    public static Simulation simulate(SimulationSettings settings, List<Footprint> templates) {
        MovieSimulator sim = new MovieSimulator(settings.validate(), templates);
        PlanarImg<FloatType, FloatArray> movie = PlanarImgs.floats(settings.width(), settings.height(),
                sim.storedFrames());
        for (int t = 0; t < sim.storedFrames(); t++) {
            sim.renderStored(t, movie.getPlane(t).getCurrentStorageArray());
        }
        return new Simulation(movie, sim.groundTruth());
    }

    // the whole pipeline

    /** @param frameRate Hz */
    public static <T extends RealType<T>> PipelineOutput runPipeline(RandomAccessibleInterval<T> movie,
                                                                      double frameRate, PipelineSettings settings) {
        return runPipeline(new IntervalFrameSource<>(movie, frameRate), settings);
    }

    public static PipelineOutput runPipeline(ImagePlus movie, PipelineSettings settings) {
        return runPipeline(ImagePlusFrameSource.of(movie), settings);
    }

    public static PipelineOutput runPipeline(Path movie, PipelineSettings settings) {
        return onFile(movie, settings.frameRate(), source -> runPipeline(source, settings));
    }

    /** Opens a movie file (its only HDF5 movie dataset; frameRate 0 = the file's), runs work on it, closes it. */
    private static <R> R onFile(Path movie, double frameRate, java.util.function.Function<FrameSource, R> work) {
        try (FrameSource source = MovieOpener.open(movie, "", frameRate)) {
            return work.apply(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PipelineOutput runPipeline(FrameSource movie, PipelineSettings settings) {
        settings.validate();
        SortedSet<Integer> excluded = CorruptedFrameDetector.unusable(movie, settings.detectCorrupted(),
                ProgressListener.NONE);
        Motion motion = correctMotion(movie, settings.motion(), excluded);
        Cells cells = detectNeurons(new IntervalFrameSource<>(motion.corrected(), movie.times().frameRate()),
                settings.detection(), excluded, motion.shifts().copiedBorder());
        CellResult[] spikes = cells.shapes().isEmpty() ? new CellResult[0]
                : deconvolve(cells.dff(), movie.times().frameRate(), settings.spikes());
        return new PipelineOutput(motion, cells, spikes);
    }

    private static Cells extractTraces(FrameSource movie, List<Footprint> footprints, TraceSettings settings,
                                       Set<Integer> excluded) {
        TraceExtractionRun r = TraceExtractionRun.inMemory(movie, footprints, settings, excluded,
                ProgressListener.NONE);
        return cells(movie, footprints, r.traces().raw(), r.dff());
    }

    private static Motion correctMotion(FrameSource movie, MotionSettings settings, Set<Integer> excluded) {
        PlanarImg<FloatType, FloatArray> corrected = PlanarImgs.floats(movie.width(), movie.height(),
                movie.frameCount());
        FrameSink into = new FrameSink() {
            private int next;

            @Override
            public void write(float[] frame) {
                System.arraycopy(frame, 0, corrected.getPlane(next++).getCurrentStorageArray(), 0, frame.length);
            }

            @Override
            public boolean releasesFrames() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        try {
            MotionResult shifts = MotionCorrector.correct(movie, settings.validate(), excluded, into,
                    ProgressListener.NONE);
            return new Motion(shifts, corrected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cells detectNeurons(FrameSource movie, DetectionSettings settings, Set<Integer> excluded,
                                       CopiedBorder border) {
        DetectionResult r = NeuronDetector.detect(movie, settings, excluded, border, ProgressListener.NONE);
        return cells(movie, r.footprints(), r.traces().raw(), r.dff());
    }

    private static Cells cells(FrameSource movie, List<Footprint> shapes, double[][] raw, double[][] dff) {
        int w = movie.width();
        int h = movie.height();
        ArrayImg<FloatType, FloatArray> footprints = ArrayImgs.floats(w, h, Math.max(1, shapes.size()));
        float[] data = footprints.update(null).getCurrentStorageArray();
        double[][] positions = new double[shapes.size()][];
        for (int c = 0; c < shapes.size(); c++) {
            Footprint f = shapes.get(c);
            for (int y = 0; y < f.h(); y++) {
                System.arraycopy(f.weights(), y * f.w(), data, (int) ((long) c * w * h + (long) (f.y0() + y) * w
                        + f.x0()), f.w());
            }
            positions[c] = f.centre();
        }
        return new Cells(footprints, shapes, TraceOutputs.table(raw, movie.times()),
                TraceOutputs.table(dff, movie.times()), positions);
    }
}
