package org.spikescope.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.spikescope.core.InputException;
import org.spikescope.core.Version;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results bundle's HDF5 file, assembled in memory and written in one go (jHDF writes whole files), atomically:
 * a failed run leaves the earlier file as it was. Datasets are named by absolute paths such as
 * {@code /motion/shifts}; groups are created on the way. The root carries the SpikeScope version.
 */
public final class ResultsH5 {

    /** The one-element dataset a group holding only attributes gets (see {@link #write}). */
    public static final String PLACEHOLDER = "attributes_only";

    private final Map<String, Object> datasets = new LinkedHashMap<>();
    private final Map<String, DatasetCreationOptions> options = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> attributes = new LinkedHashMap<>();

    /**
     * Everything an existing results file holds, to add to and write back (jHDF cannot append): datasets that were
     * stored in compressed chunks stay so, and datasets or groups added under an existing path replace it.
     */
    public static ResultsH5 copyOf(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter 'results': " + file + ": no such file");
        }
        ResultsH5 copy = new ResultsH5();
        try (HdfFile in = new HdfFile(file)) {
            copy.copyGroup(in);
        } catch (RuntimeException e) {
            throw new InputException(file + ": not a readable HDF5 file (" + e.getMessage() + ")");
        }
        return copy;
    }

    private void copyGroup(Group group) {
        copyAttributes(group);
        for (Node child : group.getChildren().values()) {
            if (child instanceof Group g) {
                copyGroup(g);
            } else if (child instanceof Dataset d && !d.isEmpty()) {
                if (d instanceof ChunkedDataset c && !d.getFilters().isEmpty()) {
                    compressedDataset(d.getPath(), d.getData(), c.getChunkDimensions());
                } else {
                    dataset(d.getPath(), d.getData());
                }
                copyAttributes(d);
            }
        }
    }

    private void copyAttributes(Node node) {
        node.getAttributes().forEach((name, a) -> {
            if (!(node.getPath().equals("/") && name.equals("spikescope_version"))) {
                attribute(node.getPath(), name, a.getData());
            }
        });
    }

    /** Removes every dataset and attribute at or below {@code path}, e.g. an earlier run's results of a stage. */
    public ResultsH5 remove(String path) {
        String p = normalise(path);
        datasets.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "/"));
        options.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "/"));
        attributes.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "/"));
        return this;
    }

    /** A dataset's data as added or copied (null if there is none at {@code path}). */
    public Object data(String path) {
        return datasets.get(normalise(path));
    }

    /** Adds a dataset (a Java array of numbers, any rank). */
    public ResultsH5 dataset(String path, Object data) {
        datasets.put(normalise(path), data);
        return this;
    }

    /**
     * Adds a dataset stored in chunks of the given shape, each deflate-compressed: large, sparse arrays such as
     * footprints shrink to a fraction and can be read a chunk at a time.
     */
    public ResultsH5 compressedDataset(String path, Object data, int... chunk) {
        datasets.put(normalise(path), data);
        options.put(normalise(path), DatasetCreationOptions.builder().chunkDimensions(chunk).shuffle().deflate(4)
                .build());
        return this;
    }

    /** Adds an attribute to a dataset or a group ("/" for the file). */
    public ResultsH5 attribute(String path, String name, Object value) {
        attributes.computeIfAbsent(normalise(path), k -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    private static String normalise(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    public void write(Path file) throws IOException {
        FileTrees.writeAtomically(file, temp -> {
            try (WritableHdfFile out = HdfFile.write(temp)) {
                Map<String, WritableGroup> groups = new LinkedHashMap<>();
                groups.put("/", out);
                out.putAttribute("spikescope_version", Version.get());
                for (Map.Entry<String, Map<String, Object>> a : attributes.entrySet()) {
                    if (!datasets.containsKey(a.getKey())) {
                        WritableGroup g = group(groups, a.getKey());
                        a.getValue().forEach(g::putAttribute);
                        if (!a.getKey().equals("/") && !holdsDataset(a.getKey())) {
                            // jHDF 0.13 writes a childless group beside a group with datasets so that no reader can
                            // open the file (h5py: "bad object header version number"): give it a child
                            g.putDataset(PLACEHOLDER, new int[]{0});
                        }
                    }
                }
                for (Map.Entry<String, Object> d : datasets.entrySet()) {
                    String path = d.getKey();
                    int slash = path.lastIndexOf('/');
                    WritableGroup parent = group(groups, slash == 0 ? "/" : path.substring(0, slash));
                    DatasetCreationOptions o = options.get(path);
                    WritableDataset dataset = o == null ? parent.putDataset(path.substring(slash + 1), d.getValue())
                            : parent.putDataset(path.substring(slash + 1), d.getValue(), o);
                    attributes.getOrDefault(path, Map.of()).forEach(dataset::putAttribute);
                }
            }
        });
    }

    private boolean holdsDataset(String group) {
        return datasets.keySet().stream().anyMatch(k -> k.startsWith(group + "/"));
    }

    private static WritableGroup group(Map<String, WritableGroup> groups, String path) {
        WritableGroup existing = groups.get(path);
        if (existing != null) {
            return existing;
        }
        int slash = path.lastIndexOf('/');
        WritableGroup parent = group(groups, slash == 0 ? "/" : path.substring(0, slash));
        WritableGroup created = parent.putGroup(path.substring(slash + 1));
        groups.put(path, created);
        return created;
    }
}
