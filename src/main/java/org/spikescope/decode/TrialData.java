package org.spikescope.decode;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.spikescope.core.InputException;
import org.spikescope.rates.BinnedTrials;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Activity per trial with one label each: {@code features[trial]} is the trial's neurons × bins flattened, and
 * {@code labels[trial]} indexes {@code classes}.
 */
public record TrialData(double[][] features, int[] labels, List<String> classes, int neurons, int bins) {

    public static TrialData of(BinnedTrials b) {
        int trials = b.trials().count();
        int neurons = b.neurons().size();
        double[][] x = new double[trials][neurons * b.bins()];
        for (int k = 0; k < trials; k++) {
            for (int t = 0; t < b.bins(); t++) {
                for (int j = 0; j < neurons; j++) {
                    x[k][j * b.bins() + t] = b.counts()[k][t][j];
                }
            }
        }
        return labelled(x, b.trials().labels(), neurons, b.bins());
    }

    private static TrialData labelled(double[][] x, List<String> labels, int neurons, int bins) {
        List<String> classes = new ArrayList<>();
        int[] y = new int[labels.size()];
        for (int k = 0; k < y.length; k++) {
            if (!classes.contains(labels.get(k))) {
                classes.add(labels.get(k));
            }
            y[k] = classes.indexOf(labels.get(k));
        }
        if (classes.size() < 2) {
            throw new InputException("the trials carry " + classes.size() + " label(s); decoding needs at least two");
        }
        return new TrialData(x, y, classes, neurons, bins);
    }

    /**
     * A trials × neurons × bins dataset and a labels dataset (numbers or text) from an HDF5 file; without a labels
     * dataset (null) every trial gets one label, for uses that need none.
     */
    public static TrialData fromHdf5(Path file, String spikesDataset, String labelsDataset) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'input': " + file + ": no such file");
        }
        try (HdfFile h5 = new HdfFile(file)) {
            Object data = dataset(h5, file, spikesDataset, "spikesDataset").getData();
            if (!data.getClass().isArray() || Array.getLength(data) == 0
                    || !Array.get(data, 0).getClass().isArray()
                    || !Array.get(Array.get(data, 0), 0).getClass().isArray()) {
                throw new InputException(file + ", dataset '" + spikesDataset + "': expected trials × neurons × bins");
            }
            int trials = Array.getLength(data);
            int neurons = Array.getLength(Array.get(data, 0));
            int bins = Array.getLength(Array.get(Array.get(data, 0), 0));
            double[][] x = new double[trials][neurons * bins];
            for (int k = 0; k < trials; k++) {
                for (int j = 0; j < neurons; j++) {
                    Object row = Array.get(Array.get(data, k), j);
                    for (int t = 0; t < bins; t++) {
                        x[k][j * bins + t] = ((Number) Array.get(row, t)).doubleValue();
                    }
                }
            }
            if (labelsDataset == null) {
                return new TrialData(x, new int[trials], List.of("trial"), neurons, bins);
            }
            Object labelData = dataset(h5, file, labelsDataset, "labelsDataset").getData();
            if (!labelData.getClass().isArray() || Array.getLength(labelData) != trials) {
                throw new InputException(file + ", dataset '" + labelsDataset + "': expected one label per trial ("
                        + trials + ")");
            }
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < trials; k++) {
                Object v = Array.get(labelData, k);
                labels.add(v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? String.valueOf(n.longValue()) : String.valueOf(v));
            }
            return labelled(x, labels, neurons, bins);
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

    /** Back to {@code [trial][bin][neuron]} counts. */
    public double[][][] counts() {
        double[][][] out = new double[trials()][bins][neurons];
        for (int k = 0; k < trials(); k++) {
            for (int j = 0; j < neurons; j++) {
                for (int t = 0; t < bins; t++) {
                    out[k][t][j] = features[k][j * bins + t];
                }
            }
        }
        return out;
    }

    public int trials() {
        return labels.length;
    }
}
