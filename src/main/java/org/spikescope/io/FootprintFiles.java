package org.spikescope.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Footprints from the files users bring: a results.h5 with /footprints, or an ImageJ RoiSet.zip / .roi. */
public final class FootprintFiles {

    public static final String DATASET = "/footprints";
    /** More cells than any field of view holds. */
    static final int MAX_CELLS = 100_000;

    private FootprintFiles() {
    }

    /** A results file's footprints with the image size they were found on. */
    public record Stored(List<Footprint> footprints, int width, int height) {
    }

    /** The footprints of a results.h5 on the width × height of its own /footprints dataset. */
    public static Stored readResults(Path file) throws IOException {
        int width;
        int height;
        try (HdfFile h5 = new HdfFile(file)) {
            Node node = h5.getChildren().get(DATASET.substring(1));
            if (node == null) {
                throw new InputException(file + (heldNoCells(h5) ? ": holds no cells (its detection found none)"
                        : ": no " + DATASET + " dataset (not a SpikeScope results file?)"));
            }
            if (!(node instanceof Dataset d) || d.getDimensions().length != 3) {
                throw new InputException(file + ": " + DATASET + " is not a cells x height x width dataset");
            }
            height = d.getDimensions()[1];
            width = d.getDimensions()[2];
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new InputException(file + ": not a readable HDF5 file (" + e.getMessage() + ")");
        }
        return new Stored(read(file, width, height), width, height);
    }

    /** Whether a results file records a count of 0 cells (it then holds no footprints: HDF5 stores no empty array). */
    private static boolean heldNoCells(HdfFile h5) {
        Node traces = h5.getChildren().get("traces");
        io.jhdf.api.Attribute cells = traces == null ? null : traces.getAttribute("cells");
        return cells != null && cells.getData() instanceof Number n && n.intValue() == 0;
    }

    public static List<Footprint> read(Path file, int width, int height) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'footprints': " + file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip") || name.endsWith(".roi")) {
            return ImageJFormats.get().readRoiSet(file, width, height);
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
            if (d.getJavaType() != float.class) {
                throw new InputException(file + ": " + DATASET + " holds " + d.getJavaType().getSimpleName()
                        + " values; expected float32");
            }
            if (dims[0] > MAX_CELLS) {
                throw new InputException(file + ": " + DATASET + " declares " + dims[0] + " cells; expected at most "
                        + MAX_CELLS);
            }
            Hdf5Sizes.checkStored(file, d, file + " " + DATASET);
            // one cell at a time: memory follows what the footprints hold, not what the header declares
            List<Footprint> out = new java.util.ArrayList<>();
            for (int c = 0; c < dims[0]; c++) {
                float[][][] plane = (float[][][]) d.getData(new long[] {c, 0, 0}, new int[] {1, height, width});
                Footprint f = FootprintArrays.sparse(plane, file + " " + DATASET).get(0);
                out.add(f);
            }
            return out;
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            throw new InputException(file + ": no " + DATASET + " dataset (run Detect Neurons first, or give a "
                    + "RoiSet.zip)");
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new InputException(file + ": not a readable HDF5 file (" + e.getMessage() + ")");
        }
    }
}
