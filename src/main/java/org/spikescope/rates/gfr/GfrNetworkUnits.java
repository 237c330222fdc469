package org.spikescope.rates.gfr;

import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The units of a GFR network: generic ones, or neurons of a GRNN dataset fitted at the run's bin size. */
public final class GfrNetworkUnits {

    private GfrNetworkUnits() {
    }

    /**
     * @param dataset null for generic units; otherwise the published set's cells at this bin size, taken in order
     *                (and again from the first when the network has more units than the set has cells)
     */
    public static List<GfrNetwork.Unit> choose(Path dataset, int units, double binMs) throws IOException {
        List<GfrNetwork.Unit> out = new ArrayList<>();
        if (dataset == null) {
            for (int j = 0; j < units; j++) {
                out.add(GfrNetwork.Unit.generic(binMs));
            }
            return out;
        }
        List<GfrCell> cells = GfrDataset.published(GfrDataset.read(dataset)).stream()
                .filter(c -> c.binSize() == binMs).toList();
        if (cells.isEmpty()) {
            throw new InputException("parameter 'dataset': " + dataset + " has no cell of the published set (val_evr > "
                    + "0.5, train_loss < 0.45, both sweeps scored) fitted at bin_size " + binMs + " ms, the run's "
                    + "binSize");
        }
        for (int j = 0; j < units; j++) {
            out.add(GfrNetwork.Unit.of(cells.get(j % cells.size())));
        }
        return out;
    }
}
