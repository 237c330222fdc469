package org.spikescope.motion;

import org.spikescope.core.FrameSource;
import org.spikescope.core.ProgressListener;
import org.spikescope.io.FileTrees;
import org.spikescope.io.OutputFolder;
import org.spikescope.io.OutputTarget;
import org.spikescope.io.ResultsH5;
import org.spikescope.movie.CorruptedFrameDetector;
import org.spikescope.core.FrameSink;
import org.spikescope.movie.Hdf5MovieWriter;
import org.spikescope.movie.TiffStackWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Motion correction of a movie into a folder: the corrected movie ({@value MotionOutputs#CORRECTED_TIFF} or
 * {@value MotionOutputs#CORRECTED_HDF5}), {@value MotionOutputs#SHIFTS_CSV} and results.h5. Each file is written
 * under a temporary name and renamed when complete, so a failed or cancelled run leaves earlier files intact.
 *
 * @param excluded         frames left out of the templates (corrupted or damaged)
 * @param sharpnessBefore  gradient energy of the mean good frame as recorded
 * @param sharpnessAfter   the same after correction
 */
public record MotionCorrectionRun(MotionResult result, Path movie, Path shifts, Path results, List<Integer> excluded,
                                  double sharpnessBefore, double sharpnessAfter) {

    public static final String RESULTS_H5 = "results.h5";

    public static MotionCorrectionRun toFolder(FrameSource source, MotionSettings settings, OutputTarget output,
                                               CorrectedFormat format, boolean detectCorrupted,
                                               ProgressListener progress) throws IOException {
        settings.validate();
        try (OutputFolder folder = OutputFolder.bundle(output, "motion")) {
            ResultsH5 results = new ResultsH5();
            MotionCorrectionRun run = into(source, settings, folder.dir(), format,
                    CorruptedFrameDetector.unusable(source, detectCorrupted, progress), results, progress,
                    folder.dir().resolve(RESULTS_H5));
            results.write(folder.dir().resolve(RESULTS_H5));
            folder.commit();
            Path to = folder.target();
            return new MotionCorrectionRun(run.result(), to.resolve(run.movie().getFileName()),
                    to.resolve(run.shifts().getFileName()), to.resolve(RESULTS_H5), run.excluded(),
                    run.sharpnessBefore(), run.sharpnessAfter());
        }
    }

    /**
     * Writes the corrected movie and the shifts into {@code folder} and adds the motion datasets to {@code results}
     * (written by the caller to {@code resultsFile}).
     *
     * @param excluded frames left out of the templates (corrupted or damaged)
     */
    public static MotionCorrectionRun into(FrameSource source, MotionSettings settings, Path folder,
                                           CorrectedFormat format,
                                           Set<Integer> excluded, ResultsH5 results, ProgressListener progress,
                                           Path resultsFile) throws IOException {
        settings.validate();
        Path movie = folder.resolve(format == CorrectedFormat.TIFF ? MotionOutputs.CORRECTED_TIFF
                : MotionOutputs.CORRECTED_HDF5);
        MotionResult[] result = new MotionResult[1];
        FileTrees.writeAtomically(movie, temp -> {
            try (FrameSink sink = sink(source, temp, format)) {
                result[0] = MotionCorrector.correct(source, settings, excluded, sink, progress);
            }
        });
        MotionResult r = result[0];
        Path shifts = folder.resolve(MotionOutputs.SHIFTS_CSV);
        MotionOutputs.writeShiftsCsv(r, shifts);
        MotionOutputs.addTo(results, r)
                .attribute("/motion", "input", source.description())
                .attribute("/motion", "excluded_frame_count", excluded.size())
                .dataset("/movie/frame_times", source.times().toArray());
        if (!excluded.isEmpty()) {
            // jHDF cannot store an empty array
            results.dataset("/motion/excluded_frames", excluded.stream().mapToInt(Integer::intValue).toArray());
        }
        int margin = (int) Math.ceil(r.largestShift()) + 1;
        return new MotionCorrectionRun(r, movie, shifts, resultsFile, List.copyOf(excluded),
                Sharpness.gradientEnergy(r.meanBefore(), r.width(), r.height(), margin),
                Sharpness.gradientEnergy(r.meanAfter(), r.width(), r.height(), margin));
    }

    private static FrameSink sink(FrameSource source, Path file, CorrectedFormat format) throws IOException {
        double rate = source.times().frameRate();
        if (format == CorrectedFormat.HDF5) {
            return new Hdf5MovieWriter(file, "movie", source.frameCount(), source.width(), source.height(), rate);
        }
        return new TiffStackWriter(file, source.width(), source.height(), source.bitDepth(), rate);
    }
}
