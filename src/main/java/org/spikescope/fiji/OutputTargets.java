package org.spikescope.fiji;

import ij.ImagePlus;
import ij.io.FileInfo;
import org.spikescope.core.InputException;
import org.spikescope.io.OutputTarget;

import java.io.File;
import java.nio.file.Path;

/**
 * A command's output parameter with the inputs it must not touch: the files given, and the file behind the
 * image when the command works on one.
 */
public final class OutputTargets {

    private OutputTargets() {
    }

    /** @param inputs the command's file inputs (null or empty ones are skipped) */
    public static OutputTarget of(String parameter, File output, boolean overwrite, File... inputs) {
        if (output == null || output.getPath().isEmpty()) {
            throw new InputException("parameter '" + parameter + "': no output given");
        }
        Path[] paths = new Path[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            paths[i] = inputs[i] == null ? null : inputs[i].toPath();
        }
        return OutputTarget.of(parameter, output.toPath(), overwrite, paths);
    }

    /** As {@link #of}, for a command on a movie: with no movie file given, the image's file is the input. */
    public static OutputTarget ofMovie(String parameter, File output, boolean overwrite, File movie, ImagePlus image,
                                       File... others) {
        File[] inputs = new File[others.length + 1];
        System.arraycopy(others, 0, inputs, 1, others.length);
        inputs[0] = movie != null && !movie.getPath().isEmpty() ? movie : fileOf(image);
        return of(parameter, output, overwrite, inputs);
    }

    private static File fileOf(ImagePlus image) {
        FileInfo info = image == null ? null : image.getOriginalFileInfo();
        if (info == null || info.directory == null || info.directory.isEmpty() || info.fileName == null) {
            return null;
        }
        return new File(info.directory, info.fileName);
    }
}
