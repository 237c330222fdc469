package org.spikescope.core;

import java.io.IOException;
import java.util.List;

/**
 * A movie read frame by frame: no stage needs the whole movie in memory.
 * Pixels come back as floats in row-major order (index = y * width + x); 8- and 16-bit values are exact.
 * Implementations are safe for concurrent {@link #readFrame} calls on different frames.
 */
public interface FrameSource extends AutoCloseable {

    int width();

    int height();

    int frameCount();

    /** Bits per pixel of the stored data (8, 16 or 32). */
    int bitDepth();

    FrameTimes times();

    /** Reads frame {@code index} into {@code target} (length width*height, allocated if null) and returns it. */
    float[] readFrame(int index, float[] target) throws IOException;

    /** Where the frames come from, for messages and logs. */
    String description();

    /**
     * Whether the frames are read from the recording's files as stored there (not, say, from an image that may have
     * been edited in memory), so that the files' sizes and time stamps identify them.
     */
    default boolean storedInFiles() {
        return false;
    }

    /** Gaps in the recording (dropped frames) found from frame numbers or time stamps. */
    default List<FrameGap> gaps() {
        return List.of();
    }

    /** Frames whose stored data is damaged (e.g. a truncated AVI chunk), found while indexing the file. */
    default List<Integer> damagedFrames() {
        return List.of();
    }

    @Override
    void close() throws IOException;
}
