package org.spikescope.register;

import org.spikescope.core.Footprint;

import java.util.List;

/**
 * One session's cells as registration sees them: their footprints on the session's own width × height image and
 * the identifier each had in its source (a CSV's {@code cell} value, an ROI's name, a bundle's {@code cell_NNN}).
 *
 * @param label  how messages and tables name the session (its file)
 */
public record Session(String label, int width, int height, List<String> ids, List<Footprint> footprints) {

    public Session {
        ids = List.copyOf(ids);
        footprints = List.copyOf(footprints);
        if (ids.size() != footprints.size()) {
            throw new IllegalArgumentException(ids.size() + " identifiers for " + footprints.size() + " footprints");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
    }

    public int cells() {
        return footprints.size();
    }
}
