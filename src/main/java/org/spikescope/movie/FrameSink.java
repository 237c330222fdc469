package org.spikescope.movie;

import java.io.IOException;

/** Receives a movie frame by frame, in order; {@link #close()} finishes the file. */
public interface FrameSink extends AutoCloseable {

    /** Appends one frame (row-major, width*height values, rounded and clipped to the sink's bit depth). */
    void write(float[] frame) throws IOException;

    @Override
    void close() throws IOException;
}
