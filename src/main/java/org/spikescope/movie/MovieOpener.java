package org.spikescope.movie;

import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Opens any supported recording as a {@link FrameSource}, choosing the reader from what {@code input} is. */
public final class MovieOpener {

    /** Frame rate assumed when a file states none and the user gives none. */
    public static final double DEFAULT_FRAME_RATE = 20.0;

    private MovieOpener() {
    }

    /**
     * @param input     a Miniscope V4/V3 folder, a TIFF stack, an HDF5 file or an 8-bit AVI
     * @param dataset   HDF5 dataset path (empty: the only 3-D dataset)
     * @param frameRate Hz, overriding what a TIFF, HDF5 or AVI file states (0 = the file's, else
     *                  {@value #DEFAULT_FRAME_RATE}); Miniscope folders keep their time stamps
     */
    public static FrameSource open(Path input, String dataset, double frameRate) throws IOException {
        if (!Files.exists(input)) {
            throw new InputException(input + ": no such file or folder");
        }
        if (Files.isDirectory(input)) {
            if (MiniscopeFolders.findRecording(input).isPresent()) {
                return MiniscopeFolders.open(input);
            }
            return open(singleMovieIn(input), dataset, frameRate);
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return TiffStackReader.open(input, frameRate);
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf")) {
            return Hdf5FrameSource.open(input, dataset, frameRate);
        }
        if (name.endsWith(".avi")) {
            return AviReader.open(input, frameRate);
        }
        throw new InputException(input + ": unknown movie type; expected a Miniscope folder, .tif/.tiff, "
                + ".h5/.hdf5 or .avi");
    }

    /** A movie file SpikeScope reads (by its extension), not hidden. */
    public static boolean isMovieFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && !n.startsWith(".") && (n.endsWith(".tif") || n.endsWith(".tiff")
                || n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".hdf") || n.endsWith(".avi"));
    }

    /** A folder that is no Miniscope recording but holds exactly one movie file (e.g. a simulation's folder). */
    private static Path singleMovieIn(Path folder) throws IOException {
        List<Path> movies;
        try (Stream<Path> files = Files.list(folder)) {
            movies = files.filter(MovieOpener::isMovieFile).sorted().toList();
        }
        if (movies.size() != 1) {
            throw new InputException(folder + ": " + (movies.isEmpty() ? "no Miniscope recording (0.avi, 1.avi, … or"
                    + " msCam1.avi, …) and no .tif, .h5 or .avi movie" : "no Miniscope recording and several movies ("
                    + String.join(", ", movies.stream().map(p -> p.getFileName().toString()).toList())
                    + "); choose one"));
        }
        return movies.get(0);
    }
}
