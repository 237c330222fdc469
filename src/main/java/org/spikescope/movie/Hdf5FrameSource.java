package org.spikescope.movie;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A frames × height × width HDF5 dataset read one frame at a time through jHDF (contiguous or chunked,
 * compressed or not). Frame rate from the dataset's {@code frame_rate} attribute when present.
 */
public final class Hdf5FrameSource extends FileFrameSource {

    public static final String FRAME_RATE_ATTRIBUTE = "frame_rate";

    private final HdfFile hdf;
    private final Dataset dataset;

    private Hdf5FrameSource(Path file, HdfFile hdf, Dataset dataset, double frameRate) {
        super(file + ":" + dataset.getPath(), dataset.getDimensions()[2], dataset.getDimensions()[1],
                bitDepthOf(dataset.getJavaType()), FrameTimes.regular(dataset.getDimensions()[0], frameRate));
        this.hdf = hdf;
        this.dataset = dataset;
    }

    private static int bitDepthOf(Class<?> type) {
        return type == byte.class ? 8 : type == short.class || type == int.class ? 16 : 32;
    }

    /**
     * @param datasetPath path inside the file; empty = the only 3-D dataset
     * @param frameRate   Hz, overriding the dataset's frame_rate attribute (0 = the attribute, else the default)
     */
    public static Hdf5FrameSource open(Path file, String datasetPath, double frameRate) {
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new InputException(file + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
        try {
            Dataset dataset = datasetPath == null || datasetPath.isBlank() ? onlyMovie(hdf, file) : named(hdf, file,
                    datasetPath);
            int[] dims = dataset.getDimensions();
            if (dims.length != 3) {
                throw new InputException(file + ", dataset " + dataset.getPath() + ": " + dims.length
                        + " dimensions; expected 3 (frames × height × width)");
            }
            Class<?> type = dataset.getJavaType();
            if (!(type == byte.class || type == short.class || type == int.class || type == float.class
                    || type == double.class)) {
                throw new InputException(file + ", dataset " + dataset.getPath() + ": pixel type " + type
                        + " is not supported; expected 8/16-bit integers or floats");
            }
            checkSize(file, dataset, dims);
            return new Hdf5FrameSource(file, hdf, dataset, frameRate > 0 ? frameRate : fileFrameRate(file, dataset));
        } catch (RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    /** The most frames a movie may declare: ten million (almost six days at 20 Hz). */
    static final long MAX_FRAMES = 10_000_000;

    /** Sizes the header declares, checked before anything is allocated. */
    private static void checkSize(Path file, Dataset dataset, int[] dims) {
        String where = file + ", dataset " + dataset.getPath() + ": ";
        if (dims[0] < 1 || dims[1] < 1 || dims[2] < 1) {
            throw new InputException(where + "dimensions " + dims[0] + " x " + dims[1] + " x " + dims[2]
                    + " (frames x height x width); the dataset holds no frames");
        }
        if ((long) dims[1] * dims[2] > TiffStackReader.MAX_PIXELS || dims[0] > MAX_FRAMES) {
            throw new InputException(where + dims[0] + " frames of " + dims[2] + "x" + dims[1] + " pixels; "
                    + "SpikeScope handles up to " + MAX_FRAMES + " frames of up to " + TiffStackReader.MAX_PIXELS
                    + " pixels");
        }
        org.spikescope.io.Hdf5Sizes.checkStored(file, dataset, file + ", dataset " + dataset.getPath());
    }

    /** The dataset's frame_rate attribute (Hz), or the default when it has none. */
    private static double fileFrameRate(Path file, Dataset dataset) {
        Attribute rate = dataset.getAttribute(FRAME_RATE_ATTRIBUTE);
        if (rate == null) {
            return MovieOpener.DEFAULT_FRAME_RATE;
        }
        Object data = rate.getData();
        Object first = data != null && data.getClass().isArray() && Array.getLength(data) > 0 ? Array.get(data, 0)
                : data;
        double fr = first instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(fr > 0) || Double.isInfinite(fr)) {
            throw new InputException(file + ", dataset " + dataset.getPath() + ", attribute " + FRAME_RATE_ATTRIBUTE
                    + ": " + first + "; expected a positive number of frames per second (or set frameRate)");
        }
        return fr;
    }

    private static Dataset named(HdfFile hdf, Path file, String path) {
        try {
            return hdf.getDatasetByPath(path);
        } catch (RuntimeException e) {
            throw new InputException(file + ": no dataset '" + path + "' (3-D datasets here: "
                    + String.join(", ", movies(hdf).stream().map(Node::getPath).toList()) + ")");
        }
    }

    private static Dataset onlyMovie(HdfFile hdf, Path file) {
        List<Dataset> movies = movies(hdf);
        if (movies.size() == 1) {
            return movies.get(0);
        }
        throw new InputException(file + ": " + (movies.isEmpty() ? "no 3-D dataset" : "several 3-D datasets ("
                + String.join(", ", movies.stream().map(Node::getPath).toList()) + ")")
                + "; name the movie with the dataset parameter");
    }

    private static List<Dataset> movies(Group group) {
        List<Dataset> found = new ArrayList<>();
        for (Node n : group) {
            if (n instanceof Dataset d && d.getDimensions().length == 3) {
                found.add(d);
            } else if (n instanceof Group g) {
                found.addAll(movies(g));
            }
        }
        return found;
    }

    @Override
    public float[] readFrame(int index, float[] target) {
        float[] out = target(index, target);
        int width = width();
        int height = height();
        Object data;
        synchronized (hdf) {
            data = dataset.getData(new long[]{index, 0, 0}, new int[]{1, height, width});
        }
        Object plane = Array.get(data, 0);
        for (int y = 0; y < height; y++) {
            Object row = Array.get(plane, y);
            int o = y * width;
            if (row instanceof byte[] b) {
                for (int x = 0; x < width; x++) {
                    out[o + x] = b[x] & 0xff;
                }
            } else if (row instanceof short[] s) {
                for (int x = 0; x < width; x++) {
                    out[o + x] = s[x];
                }
            } else if (row instanceof int[] v) {
                for (int x = 0; x < width; x++) {
                    out[o + x] = v[x];
                }
            } else if (row instanceof float[] f) {
                System.arraycopy(f, 0, out, o, width);
            } else if (row instanceof double[] d) {
                for (int x = 0; x < width; x++) {
                    out[o + x] = (float) d[x];
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        hdf.close();
    }
}
