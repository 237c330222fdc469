package org.spikescope.register;

import org.spikescope.core.Footprint;

import java.util.List;
import java.util.Map;

/**
 * One session's cells as registration sees them: their footprints on the session's own width × height image and
 * the identifier each had in its source (a CSV's {@code cell} value, an ROI's name, a bundle's {@code cell_NNN}).
 *
 * @param label  how messages and tables name the session (its file)
 * @param images summary images its source holds, by {@link AlignOn} label (a bundle's mean and correlation images;
 *               row-major, width × height); empty for footprint files
 */
public record Session(String label, int width, int height, List<String> ids, List<Footprint> footprints,
                      Map<String, float[]> images) {

    public Session {
        ids = List.copyOf(ids);
        footprints = List.copyOf(footprints);
        images = Map.copyOf(images);
        if (ids.size() != footprints.size()) {
            throw new IllegalArgumentException(ids.size() + " identifiers for " + footprints.size() + " footprints");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
    }

    public Session(String label, int width, int height, List<String> ids, List<Footprint> footprints) {
        this(label, width, height, ids, footprints, Map.of());
    }

    public int cells() {
        return footprints.size();
    }
}
