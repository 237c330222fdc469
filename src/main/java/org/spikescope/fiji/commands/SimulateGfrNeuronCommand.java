package org.spikescope.fiji.commands;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spikescope.core.InputException;
import org.spikescope.fiji.display.Tables;
import org.spikescope.io.CsvTable;
import org.spikescope.rates.gfr.GfrCell;
import org.spikescope.rates.gfr.GfrCurrents;
import org.spikescope.rates.gfr.GfrDataset;
import org.spikescope.rates.gfr.GfrSimulation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs Generalized Firing Rate neurons from the Allen Institute's GRNN dataset on an input current: writes
 * {@code time_ms,rate_hz} (one neuron) or {@code time_ms,rate_hz_<cell>,…} (several, comma-separated ids).
 */
@Plugin(type = Command.class, label = "Simulate GFR Neuron")
public class SimulateGfrNeuronCommand implements Command {

    @Parameter(label = "GRNN dataset (JSON)")
    File dataset;

    @Parameter(label = "Cell id(s)", description = "one specimen id, or several separated by commas")
    String cellId;

    @Parameter(label = "Bin size (ms)", min = "0")
    double binSize = 20;

    @Parameter(label = "Activation bin size (ms)", min = "0")
    double activationBinSize = 20;

    @Parameter(label = "Input current (CSV)", description = "a column current_pA, one row per bin")
    File current;

    @Parameter(label = "Output (CSV)", style = "save")
    File output;

    @Parameter(label = "Overwrite", description = "replace a file of the same name that SpikeScope did not write")
    boolean overwrite = false;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    String summary;

    @Override
    public void run() {
        org.spikescope.io.OutputTarget target = org.spikescope.fiji.OutputTargets.of("output", output, overwrite,
                dataset, current);
        if (cellId == null || cellId.isBlank()) {
            throw new InputException("parameter 'cellId': no cell id given");
        }
        try {
            List<GfrCell> all = GfrDataset.read(dataset.toPath());
            double[] pA = GfrCurrents.read(current.toPath());
            List<String> header = new ArrayList<>(List.of("time_ms"));
            List<double[]> columns = new ArrayList<>();
            double[] time = new double[pA.length];
            for (int t = 0; t < time.length; t++) {
                time[t] = t * binSize;
            }
            columns.add(time);
            String[] ids = cellId.split("\\s*,\\s*");
            for (String id : ids) {
                GfrCell cell = GfrDataset.select(all, id.trim(), binSize, activationBinSize, dataset.toPath());
                double[] f = GfrSimulation.simulate(cell, pA);
                for (int t = 0; t < f.length; t++) {
                    f[t] *= 1000;
                }
                header.add(ids.length == 1 ? "rate_hz" : "rate_hz_" + id.trim());
                columns.add(f);
            }
            CsvTable table = new CsvTable(header, columns.toArray(new double[0][]));
            try (org.spikescope.io.OutputFolder folder = org.spikescope.io.OutputFolder.files(target, "gfr-rates",
                    List.of(target.path()))) {
                table.write(folder.staged(target.path()));
                folder.commit();
            }
            summary = String.format(Locale.ROOT, "%d neuron(s), %d bins of %s ms; wrote %s", ids.length, pA.length,
                    CsvTable.format(binSize), output);
            Tables.show("GFR Rates", table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
