package org.spikescope.spikes.learned;

import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;
import org.spikescope.io.CsvTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ground truth for learned spike inference: recordings of ΔF/F with the spikes counted per frame by simultaneous
 * electrophysiology, in the layout of the Cascade database as the project keeps it: one folder per dataset, a
 * {@code <name>.csv} or {@code <name>.csv.gz} per recording with columns {@code time_s,dff,spike_count}, one row per
 * imaging frame ({@code dff} may be NaN). Files ending {@code _spikes.csv[.gz]} (the spike times) are not needed.
 */
public final class GroundTruthSet {

    /** One recording; {@code dff} may hold NaN. */
    public record Recording(String dataset, String name, double frameRate, double[] dff, double[] spikes) {

        public double seconds() {
            return dff.length / frameRate;
        }
    }

    private GroundTruthSet() {
    }

    /** Every recording directly in {@code folder}, sorted by file name; the dataset is the folder's name. */
    public static List<Recording> readFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder + ": not a folder of ground-truth recordings");
        }
        List<Recording> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(GroundTruthSet::isRecording).sorted().toList()) {
                out.add(read(f, folder.getFileName().toString()));
            }
        }
        if (out.isEmpty()) {
            throw new InputException(folder + ": no recordings (<name>.csv or <name>.csv.gz with columns time_s, dff, "
                    + "spike_count)");
        }
        return out;
    }

    /**
     * Every recording under {@code folder}: its own recordings when it holds some (one dataset), else those of each
     * sub-folder that holds recordings (a database), datasets named by their folders; {@code skip} names datasets
     * to leave out.
     */
    public static List<Recording> readAll(Path folder, java.util.Collection<String> skip) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder + ": not a folder of ground-truth recordings");
        }
        boolean direct;
        try (Stream<Path> files = Files.list(folder)) {
            direct = files.anyMatch(GroundTruthSet::isRecording);
        }
        List<Recording> out = new ArrayList<>();
        if (direct) {
            if (!skip.contains(folder.getFileName().toString())) {
                out.addAll(readFolder(folder));
            }
            return out;
        }
        for (Path d : datasets(folder)) {
            boolean holds;
            try (Stream<Path> files = Files.list(d)) {
                holds = files.anyMatch(GroundTruthSet::isRecording);
            }
            if (holds && !skip.contains(d.getFileName().toString())) {
                out.addAll(readFolder(d));
            }
        }
        if (out.isEmpty()) {
            throw new InputException(folder + ": no ground-truth recordings in it or its sub-folders (<name>.csv or "
                    + "<name>.csv.gz with columns time_s, dff, spike_count)");
        }
        return out;
    }

    /**
     * Whether a dataset of the database holds interneurons (its name says SST, PV, VIP, interneurons or inhibitory).
     * Models for excitatory cells are trained without them: their high rates teach a model to see spikes where a
     * pyramidal cell has none (measured: half the inferred spikes of held-out pyramidal datasets fell in quiet
     * seconds with them, a fifth without).
     */
    public static boolean isInterneuronDataset(String dataset) {
        String d = dataset.toLowerCase(java.util.Locale.ROOT);
        return d.matches(".*-(sst|pv|vip)-.*") || d.contains("interneuron") || d.contains("inhibitory");
    }

    /** The datasets under {@code root}: each sub-folder holding recordings, sorted by name. */
    public static List<Path> datasets(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    static boolean isRecording(Path f) {
        String n = f.getFileName().toString();
        return (n.endsWith(".csv") || n.endsWith(".csv.gz")) && !n.contains("_spikes.csv") && Files.isRegularFile(f);
    }

    /** One recording file; the frame rate is the inverse of its median frame interval. */
    public static Recording read(Path file, String dataset) throws IOException {
        CsvTable t = CsvTable.read(file).requireColumns(file, "time_s", "dff", "spike_count");
        double[] time = t.column("time_s");
        if (time.length < 2) {
            throw new InputException(file + ": " + time.length + " frame(s); a recording needs at least 2");
        }
        double[] spikes = t.column("spike_count");
        for (int i = 0; i < spikes.length; i++) {
            if (!(spikes[i] >= 0)) {
                throw new InputException(file + ", row " + (i + 1) + ": spike_count " + spikes[i]
                        + "; expected a count ≥ 0");
            }
        }
        double interval;
        try {
            interval = new FrameTimes(time).medianInterval();
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ", time_s: " + e.getMessage());
        }
        if (!(interval > 0)) {
            throw new InputException(file + ": time_s does not increase; expected one row per frame in time order");
        }
        String name = file.getFileName().toString().replaceFirst("\\.csv(\\.gz)?$", "");
        return new Recording(dataset, name, 1 / interval, t.column("dff"), spikes);
    }
}
