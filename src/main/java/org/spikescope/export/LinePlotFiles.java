package org.spikescope.export;

import ij.gui.Plot;
import ij.io.FileSaver;
import org.spikescope.core.PlotSeries;
import org.spikescope.io.FileTrees;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Line plots saved as PNG (ImageJ's Plot, which draws headless too), atomically. */
public final class LinePlotFiles {

    /** Tableau's ten colours, picked by index. */
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private LinePlotFiles() {
    }

    public static void savePng(String title, String xLabel, String yLabel, List<PlotSeries> series, Path file)
            throws IOException {
        Plot plot = new Plot(title, xLabel, yLabel);
        StringBuilder legend = new StringBuilder();
        for (PlotSeries s : series) {
            plot.setColor(COLOURS[s.colour() % COLOURS.length]);
            plot.setLineWidth(s.dots() ? 1 : 2);
            plot.addPoints(s.x(), s.y(), s.dots() ? Plot.DOT : Plot.LINE);
            legend.append(s.name()).append('\n');
        }
        plot.addLegend(legend.toString().trim());
        plot.setLimitsToFit(false);
        FileTrees.writeAtomically(file, temp -> {
            if (!new FileSaver(plot.getImagePlus()).saveAsPng(temp.toString())) {
                throw new IOException("could not write " + file);
            }
        });
    }
}
