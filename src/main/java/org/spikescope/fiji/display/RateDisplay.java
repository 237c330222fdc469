package org.spikescope.fiji.display;

import ij.IJ;
import ij.ImagePlus;
import org.spikescope.rates.rnn.RnnOutputs;
import org.spikescope.rates.rnn.RnnRatesRun;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shows an RNN rate run in Fiji: the metrics and rates tables, the loss curves and the latent trajectories. */
public final class RateDisplay {

    public static final String METRICS_TABLE = "Rate Metrics";
    public static final String RATES_TABLE = "RNN Rates";

    private RateDisplay() {
    }

    public static void show(RnnRatesRun.Result r) {
        Tables.show(METRICS_TABLE, RnnOutputs.metrics(r.comparison()));
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            return;
        }
        Tables.show(RATES_TABLE, RnnOutputs.table(r, "cell", r.inputs().binned().neurons(), true));
        Path plots = r.output().resolve(RnnOutputs.PLOT_DIR);
        for (String prefix : List.of("loss_", "latents_")) {
            File[] files = plots.toFile().listFiles((d, n) -> n.startsWith(prefix) && n.endsWith(".png"));
            if (files != null) {
                for (File f : files) {
                    ImagePlus imp = IJ.openImage(f.getPath());
                    if (imp != null && Files.isRegularFile(f.toPath())) {
                        imp.show();
                    }
                }
            }
        }
    }
}
