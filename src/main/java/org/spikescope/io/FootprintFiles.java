package org.spikescope.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import org.spikescope.core.Footprint;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Footprints from the files users bring: a results.h5 with /footprints, or an ImageJ RoiSet.zip / .roi. */
public final class FootprintFiles {

    public static final String DATASET = "/footprints";

    private FootprintFiles() {
    }

    public static List<Footprint> read(Path file, int width, int height) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'footprints': " + file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip") || name.endsWith(".roi")) {
            return RoiSetFiles.read(file, width, height);
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return fromHdf5(file, width, height);
        }
        throw new InputException("parameter 'footprints': " + file + ": expected a results.h5 (with " + DATASET
                + ") or an ImageJ RoiSet.zip");
    }

    private static List<Footprint> fromHdf5(Path file, int width, int height) {
        try (HdfFile h5 = new HdfFile(file)) {
            Node node = h5.getByPath(DATASET);
            if (!(node instanceof Dataset d)) {
                throw new InputException(file + ": " + DATASET + " is not a dataset");
            }
            int[] dims = d.getDimensions();
            if (dims.length != 3 || dims[1] != height || dims[2] != width) {
                throw new InputException(file + ": " + DATASET + " has shape " + java.util.Arrays.toString(dims)
                        + "; expected cells x " + height + " x " + width + " (the movie's height and width)");
            }
            Object data = d.getData();
            if (!(data instanceof float[][][] planes)) {
                throw new InputException(file + ": " + DATASET + " holds " + d.getJavaType().getSimpleName()
                        + " values; expected float32");
            }
            return FootprintArrays.sparse(planes, file + " " + DATASET);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            throw new InputException(file + ": no " + DATASET + " dataset (run Detect Neurons first, or give a "
                    + "RoiSet.zip)");
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new InputException(file + ": not a readable HDF5 file (" + e.getMessage() + ")");
        }
    }
}
