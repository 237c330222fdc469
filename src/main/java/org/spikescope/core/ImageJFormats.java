package org.spikescope.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The files only ImageJ writes or reads well: ROI Manager sets ({@code RoiSet.zip}) and PNG renderings. The stages
 * write them through this interface so that they import no ImageJ type and run where ImageJ's GUI classes are
 * absent (DESIGN.md's layering); the implementation, the export package's ImageJFiles, is found at run
 * time as a {@link ServiceLoader} service of the same jar.
 */
public interface ImageJFormats {

    /** One outline per footprint (pixels above {@link Footprint#OUTLINE_LEVEL} of its peak), named. */
    void writeRoiSet(List<Footprint> footprints, List<String> names, Path file) throws IOException;

    /** Footprints (binary, weight 1) from a ROI set drawn on a width × height movie. */
    List<Footprint> readRoiSet(Path file, int width, int height) throws IOException;

    /** An ROI set's cells by name, on an image just large enough to hold them (no movie to size it by). */
    record NamedFootprints(List<String> names, List<Footprint> footprints, int width, int height) {
    }

    /** Footprints (binary, weight 1) and the ROIs' names from a ROI set, with no movie to size it by. */
    NamedFootprints readNamedRoiSet(Path file) throws IOException;

    /** The image (row-major, width × height) in grey with the cells' outlines and names on it. */
    void writeOutlinesPng(float[] image, int width, int height, List<Footprint> footprints, List<String> names,
                          Path file) throws IOException;

    /** A colour image (row-major 0xRRGGBB pixels, width × height) written as PNG. */
    void writeRgbPng(int[] rgb, int width, int height, Path file) throws IOException;

    /** A line plot of the series. */
    void writeLinePlotPng(String title, String xLabel, String yLabel, List<PlotSeries> series, Path file)
            throws IOException;

    /** The installed implementation. */
    static ImageJFormats get() {
        return Holder.INSTANCE;
    }

    /** Looked up once, on first use. */
    final class Holder {
        private static final ImageJFormats INSTANCE = ServiceLoader.load(ImageJFormats.class,
                        ImageJFormats.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + ImageJFormats.class.getName()
                        + " service found: META-INF/services is missing from SpikeScope's jar"));

        private Holder() {
        }
    }
}
