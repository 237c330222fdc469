package org.spikescope.export;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.plugin.RoiScaler;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import org.spikescope.core.Footprint;
import org.spikescope.io.FileTrees;
import org.spikescope.io.TraceTables;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A summary image (e.g. the correlation image) in grey with each cell's outline and number drawn over it, in one
 * colour or coloured by a value per cell.
 */
public final class OutlineImage {

    /** Small movies are enlarged to at least this many pixels across, so outlines and numbers stay legible. */
    private static final int MIN_SIZE = 512;

    private OutlineImage() {
    }

    public static ColorProcessor render(float[] image, int width, int height, List<Footprint> footprints,
                                        List<String> labels, Color colour) {
        Color[] colours = new Color[footprints.size()];
        java.util.Arrays.fill(colours, colour);
        return render(image, width, height, footprints, labels, colours);
    }

    /**
     * Outlines coloured by a value per cell (e.g. spike rate), blue for 0 through green and yellow to red for the
     * largest, with a colour bar labelled from 0 to the largest value and its unit.
     */
    public static ColorProcessor renderByValue(float[] image, int width, int height, List<Footprint> footprints,
                                               List<String> labels, double[] values, String unit) {
        double max = 0;
        for (double v : values) {
            max = Double.isFinite(v) ? Math.max(max, v) : max;
        }
        Color[] colours = new Color[values.length];
        for (int i = 0; i < values.length; i++) {
            colours[i] = colourOf(max > 0 && Double.isFinite(values[i]) ? values[i] / max : 0);
        }
        ColorProcessor out = render(image, width, height, footprints, labels, colours);
        int barWidth = Math.min(160, out.getWidth() / 3);
        int x0 = out.getWidth() - barWidth - 10;
        int y0 = out.getHeight() - 24;
        for (int x = 0; x < barWidth; x++) {
            out.setColor(colourOf((double) x / (barWidth - 1)));
            out.drawLine(x0 + x, y0, x0 + x, y0 + 8);
        }
        out.setColor(Color.WHITE);
        out.drawString("0", x0 - 4, y0 + 22);
        String top = String.format(java.util.Locale.ROOT, "%.2g %s", max, unit);
        out.drawString(top, x0 + barWidth - out.getStringWidth(top) + 4, y0 + 22);
        return out;
    }

    /** Blue (0) through cyan, green and yellow to red (1). */
    public static Color colourOf(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return Color.getHSBColor((float) (0.66 * (1 - f)), 1f, 1f);
    }

    private static ColorProcessor render(float[] image, int width, int height, List<Footprint> footprints,
                                         List<String> labels, Color[] colours) {
        FloatProcessor fp = new FloatProcessor(width, height, image.clone());
        fp.resetMinAndMax();
        int scale = Math.max(1, (int) Math.ceil((double) MIN_SIZE / Math.max(width, height)));
        ImageProcessor grey = fp.convertToByteProcessor();
        grey.setInterpolationMethod(ImageProcessor.NONE);
        ColorProcessor out = (ColorProcessor) grey.resize(width * scale, height * scale).convertToRGB();
        out.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < footprints.size(); i++) {
            Roi roi = RoiScaler.scale(RoiSetFiles.outline(footprints.get(i), labels.get(i)), scale, scale, false);
            out.setColor(colours[i]);
            out.draw(roi);
            double[] c = footprints.get(i).centre();
            out.drawString(TraceTables.cellLabel(labels.get(i), i), (int) Math.round(c[0] * scale) - 4,
                    (int) Math.round(c[1] * scale) + 5);
        }
        return out;
    }

    /** The cells' outlines, numbered, in yellow on the image, written as PNG (for callers free of AWT types). */
    public static void writeOutlinesPng(float[] image, int width, int height, List<Footprint> footprints,
                                        List<String> labels, Path file) throws IOException {
        writePng(render(image, width, height, footprints, labels, Color.YELLOW), file);
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
