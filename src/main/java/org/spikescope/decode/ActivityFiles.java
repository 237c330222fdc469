package org.spikescope.decode;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.spikescope.core.InputException;
import org.spikescope.core.Trials;
import org.spikescope.io.Hdf5Sizes;
import org.spikescope.io.TraceTables;
import org.spikescope.io.TrialTables;
import org.spikescope.rates.BinnedTrials;
import org.spikescope.rates.SpikeFiles;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Activity per trial as the decoding commands take it: a spikes CSV (spike times or counts per frame) with a trials
 * CSV, binned in a window; or an HDF5 file holding a trials × neurons × bins dataset and, optionally, a labels
 * dataset (numbers or text). HDF5 trials are numbered from 1, neurons named cell_001, …, bins start at 0 ms.
 */
public final class ActivityFiles {

    private ActivityFiles() {
    }

    /** @param labelsDataset null when the use needs no labels (every HDF5 trial then gets one label) */
    public static BinnedTrials read(Path input, Path trials, String spikesDataset, String labelsDataset,
                                    double[] window, double binMs) throws IOException {
        if (input == null) {
            throw new InputException("parameter 'input': no file given");
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return fromHdf5(input, spikesDataset, labelsDataset, binMs);
        }
        if (trials == null) {
            throw new InputException("parameter 'trials': a trials CSV (trial,start_s,label) is needed with a spikes "
                    + "CSV");
        }
        return SpikeFiles.read(input).bin(TrialTables.read(trials), window[0], window[1], binMs);
    }

    private static BinnedTrials fromHdf5(Path file, String spikesDataset, String labelsDataset, double binMs) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'input': " + file + ": no such file");
        }
        try (HdfFile h5 = openHdf5(file)) {
            Dataset spikes = dataset(h5, file, spikesDataset, "spikesDataset");
            Hdf5Sizes.checkStored(file, spikes, file + ", dataset '" + spikesDataset + "'");
            Object data = spikes.isEmpty() ? null : spikes.getData();
            if (data == null || !data.getClass().isArray() || Array.getLength(data) == 0
                    || !Array.get(data, 0).getClass().isArray()
                    || !Array.get(Array.get(data, 0), 0).getClass().isArray()) {
                throw new InputException(file + ", dataset '" + spikesDataset + "': expected trials × neurons × bins");
            }
            int trials = Array.getLength(data);
            int neurons = Array.getLength(Array.get(data, 0));
            int bins = Array.getLength(Array.get(Array.get(data, 0), 0));
            double[][][] counts = new double[trials][bins][neurons];
            for (int k = 0; k < trials; k++) {
                for (int j = 0; j < neurons; j++) {
                    Object row = Array.get(Array.get(data, k), j);
                    for (int t = 0; t < bins; t++) {
                        counts[k][t][j] = ((Number) Array.get(row, t)).doubleValue();
                    }
                }
            }
            List<String> ids = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < trials; k++) {
                ids.add(String.valueOf(k + 1));
                labels.add("trial");
            }
            if (labelsDataset != null) {
                Dataset labelSet = dataset(h5, file, labelsDataset, "labelsDataset");
                Hdf5Sizes.checkStored(file, labelSet, file + ", dataset '" + labelsDataset + "'");
                Object labelData = labelSet.isEmpty() ? null : labelSet.getData();
                if (labelData == null || !labelData.getClass().isArray() || Array.getLength(labelData) != trials) {
                    throw new InputException(file + ", dataset '" + labelsDataset + "': expected one label per trial ("
                            + trials + ")");
                }
                for (int k = 0; k < trials; k++) {
                    Object v = Array.get(labelData, k);
                    labels.set(k, v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                            ? String.valueOf(n.longValue()) : String.valueOf(v));
                }
            }
            return new BinnedTrials(new Trials(ids, new double[trials], labels), TraceTables.cellNames(neurons), 0,
                    binMs, counts);
        }
    }

    private static HdfFile openHdf5(Path file) {
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw new InputException(file + ": not a readable HDF5 file (" + e.getMessage() + ")");
        }
    }

    private static Dataset dataset(HdfFile h5, Path file, String name, String parameter) {
        if (name == null || name.isBlank()) {
            throw new InputException("parameter '" + parameter + "': name the dataset inside " + file);
        }
        try {
            return h5.getDatasetByPath(name);
        } catch (RuntimeException e) {
            throw new InputException("parameter '" + parameter + "': " + file + " has no dataset '" + name + "'");
        }
    }
}
