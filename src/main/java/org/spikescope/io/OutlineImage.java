package org.spikescope.io;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.plugin.RoiScaler;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import org.spikescope.core.Footprint;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A summary image (e.g. the correlation image) in grey with each cell's outline and number drawn over it. */
public final class OutlineImage {

    /** Small movies are enlarged to at least this many pixels across, so outlines and numbers stay legible. */
    private static final int MIN_SIZE = 512;

    private OutlineImage() {
    }

    public static ColorProcessor render(float[] image, int width, int height, List<Footprint> footprints,
                                        List<String> labels, Color colour) {
        FloatProcessor fp = new FloatProcessor(width, height, image.clone());
        fp.resetMinAndMax();
        int scale = Math.max(1, (int) Math.ceil((double) MIN_SIZE / Math.max(width, height)));
        ImageProcessor grey = fp.convertToByteProcessor();
        grey.setInterpolationMethod(ImageProcessor.NONE);
        ColorProcessor out = (ColorProcessor) grey.resize(width * scale, height * scale).convertToRGB();
        out.setColor(colour);
        out.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < footprints.size(); i++) {
            Roi roi = RoiScaler.scale(RoiSetFiles.outline(footprints.get(i), labels.get(i)), scale, scale, false);
            roi.setStrokeColor(colour);
            out.draw(roi);
            double[] c = footprints.get(i).centre();
            out.drawString(String.valueOf(i + 1), (int) Math.round(c[0] * scale) - 4,
                    (int) Math.round(c[1] * scale) + 5);
        }
        return out;
    }

    /** Writes the image as PNG, atomically. */
    public static void writePng(ColorProcessor image, Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> {
            if (!new FileSaver(new ImagePlus(file.getFileName().toString(), image)).saveAsPng(temp.toString())) {
                throw new IOException("could not write " + file);
            }
        });
    }
}
