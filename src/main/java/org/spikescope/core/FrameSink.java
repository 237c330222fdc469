package org.spikescope.core;

import java.io.IOException;

/**
 * Receives a movie frame by frame, in order; {@link #close()} finishes it.
 *
 * <p>Ownership: the array handed to {@link #write} is the sink's from then on; the producer never writes to it
 * again, so a sink may keep it (an in-memory movie, a list of frames). A sink that is done with the array when
 * {@code write} returns (it encodes or copies it, as every file writer does) says so with {@link #releasesFrames},
 * and only then may the producer reuse its buffers.
 */
public interface FrameSink extends AutoCloseable {

    /** Appends one frame (row-major, width*height values, rounded and clipped to the sink's bit depth). */
    void write(float[] frame) throws IOException;

    /** True when {@link #write} is done with the array when it returns, so the producer may reuse it. */
    default boolean releasesFrames() {
        return false;
    }

    @Override
    void close() throws IOException;
}
