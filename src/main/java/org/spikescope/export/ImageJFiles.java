package org.spikescope.export;

import org.spikescope.core.Footprint;
import org.spikescope.core.ImageJFormats;
import org.spikescope.core.PlotSeries;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@link ImageJFormats} with ImageJ 1's own encoders and renderers (registered in META-INF/services). */
public final class ImageJFiles implements ImageJFormats {

    @Override
    public void writeRoiSet(List<Footprint> footprints, List<String> names, Path file) throws IOException {
        RoiSetFiles.write(footprints, names, file);
    }

    @Override
    public List<Footprint> readRoiSet(Path file, int width, int height) throws IOException {
        return RoiSetFiles.read(file, width, height);
    }

    @Override
    public NamedFootprints readNamedRoiSet(Path file) throws IOException {
        return RoiSetFiles.readNamed(file);
    }

    @Override
    public void writeOutlinesPng(float[] image, int width, int height, List<Footprint> footprints,
                                 List<String> names, Path file) throws IOException {
        OutlineImage.writeOutlinesPng(image, width, height, footprints, names, file);
    }

    @Override
    public void writeRgbPng(int[] rgb, int width, int height, Path file) throws IOException {
        OutlineImage.writePng(new ij.process.ColorProcessor(width, height, rgb.clone()), file);
    }

    @Override
    public void writeLinePlotPng(String title, String xLabel, String yLabel, List<PlotSeries> series, Path file)
            throws IOException {
        LinePlotFiles.savePng(title, xLabel, yLabel, series, file);
    }
}
