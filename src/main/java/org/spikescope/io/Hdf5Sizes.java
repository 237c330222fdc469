package org.spikescope.io;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import org.spikescope.core.InputException;

import java.nio.file.Path;

/**
 * What an HDF5 dataset's header declares, checked against the file before anything is allocated: a contiguous
 * dataset cannot hold more bytes than the file (chunked ones may be sparse or compressed, so their sizes are bounded
 * by the callers' limits instead).
 */
public final class Hdf5Sizes {

    private Hdf5Sizes() {
    }

    /** @param where names the file and dataset in messages */
    public static void checkStored(Path file, Dataset dataset, String where) {
        long elements = 1;
        for (int d : dataset.getDimensions()) {
            if (d < 0) {
                throw new InputException(where + ": a negative dimension " + d);
            }
            elements = Math.multiplyHigh(elements, d) != 0 ? Long.MAX_VALUE : elements * d;
        }
        long bytes = elements > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : elements * dataset.getDataType().getSize();
        long fileSize = file.toFile().length();
        if (!(dataset instanceof ChunkedDataset) && bytes > fileSize) {
            throw new InputException(where + ": declares " + bytes + " bytes of data, more than the " + fileSize
                    + "-byte file holds");
        }
    }
}
