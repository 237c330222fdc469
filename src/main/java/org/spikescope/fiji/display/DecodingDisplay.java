package org.spikescope.fiji.display;

import ij.IJ;
import ij.gui.Plot;
import org.spikescope.decode.DecodingRun;

import java.awt.Color;
import java.awt.GraphicsEnvironment;

/** Shows a decoding run in Fiji: the results table and a bar plot of balanced accuracy with chance marked. */
public final class DecodingDisplay {

    public static final String TABLE = "Decoding";

    private DecodingDisplay() {
    }

    public static void show(DecodingRun.Result r) {
        Tables.show(TABLE, DecodingRun.table(r.results()));
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            return;
        }
        int n = r.results().size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] chance = new double[n];
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = r.results().get(i).balancedAccuracy();
            chance[i] = r.results().get(i).chance();
            names.append(i == 0 ? "" : ", ").append(i + 1).append(": ").append(r.results().get(i).decoder());
        }
        Plot plot = new Plot("Decoding accuracy", "decoder (" + names + ")", "balanced accuracy");
        plot.setLimits(0, n + 1, 0, 1);
        plot.setColor(new Color(31, 119, 180), new Color(31, 119, 180));
        plot.add("separated bar", x, y);
        plot.setColor(Color.RED);
        plot.setLineWidth(2);
        for (int i = 0; i < n; i++) {
            plot.drawLine(x[i] - 0.4, chance[i], x[i] + 0.4, chance[i]);
        }
        plot.addLabel(0.62, 0.08, "red: chance (permuted labels)");
        plot.show();
    }
}
