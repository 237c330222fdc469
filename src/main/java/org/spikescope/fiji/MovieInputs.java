package org.spikescope.fiji;

import ij.ImagePlus;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.movie.MovieOpener;

import java.io.File;
import java.io.IOException;

/** The movie a command works on: the file given, or else the image it was handed (in Fiji: the active image). */
public final class MovieInputs {

    private MovieInputs() {
    }

    /**
     * @param dataset   dataset inside an HDF5 input ("" = its only 3-D dataset)
     * @param frameRate Hz, overriding the file's or the image's own; 0 = theirs
     * @param image     the command's image parameter, used when no file is given; may be null
     */
    public static FrameSource open(File input, String dataset, double frameRate, ImagePlus image)
            throws IOException {
        if (input != null && !input.getPath().isEmpty()) {
            return MovieOpener.open(input.toPath(), dataset, frameRate);
        }
        if (image == null) {
            throw new InputException("parameter 'input': no recording given and no image is open");
        }
        FrameSource source = ImagePlusFrameSource.of(image);
        // the user's frame rate overrides the image's calibration, as it overrides a file's
        return frameRate > 0 ? org.spikescope.core.Retimed.atRate(source, frameRate) : source;
    }
}
