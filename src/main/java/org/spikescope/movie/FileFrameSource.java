package org.spikescope.movie;

import org.spikescope.core.FrameSource;
import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** What every single-file movie reader shares: its geometry, times and name, and positioned reads. */
abstract class FileFrameSource implements FrameSource {

    private final String name;
    private final int width;
    private final int height;
    private final int bitDepth;
    private final FrameTimes times;

    FileFrameSource(String name, int width, int height, int bitDepth, FrameTimes times) {
        this.name = name;
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.times = times;
    }

    @Override
    public final boolean storedInFiles() {
        return true;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public final int frameCount() {
        return times.size();
    }

    @Override
    public final int bitDepth() {
        return bitDepth;
    }

    @Override
    public final FrameTimes times() {
        return times;
    }

    @Override
    public final String description() {
        return name;
    }

    /** Target array of the right size, allocated when null; checks the frame index. */
    final float[] target(int index, float[] target) {
        if (index < 0 || index >= frameCount()) {
            throw new IndexOutOfBoundsException(name + ": frame " + index + " of " + frameCount());
        }
        return target != null ? target : new float[width * height];
    }

    /** Reads up to {@code length} bytes at {@code position}; fewer only at the end of the file. */
    static ByteBuffer read(FileChannel channel, long position, int length, ByteOrder order) throws IOException {
        return readInto(channel, position, ByteBuffer.allocate(length).order(order));
    }

    /** Fills {@code buffer} (from its position to its limit) from {@code position} on; flipped for reading. */
    private static ByteBuffer readInto(FileChannel channel, long position, ByteBuffer buffer) throws IOException {
        long start = position - buffer.position();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, start + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    /** Like {@link #read} but the whole range must be there: a truncated frame is a clear error. */
    final ByteBuffer readFrameBytes(FileChannel channel, long position, int length, ByteOrder order, int index)
            throws IOException {
        return whole(read(channel, position, length, order), length, index);
    }

    /**
     * As {@link #readFrameBytes}, into {@code reuse} when it holds {@code length} bytes (a direct buffer spares the
     * JDK's copy through its own); returns the buffer read into.
     */
    final ByteBuffer readFrameBytes(FileChannel channel, long position, int length, ByteOrder order, int index,
                                    ByteBuffer reuse) throws IOException {
        if (reuse == null || reuse.capacity() < length) {
            return readFrameBytes(channel, position, length, order, index);
        }
        reuse.clear().limit(length);
        return whole(readInto(channel, position, reuse.order(order)), length, index);
    }

    private ByteBuffer whole(ByteBuffer b, int length, int index) {
        if (b.remaining() < length) {
            throw new InputException(name + ", frame " + index + ": the file ends inside the frame; it is truncated");
        }
        return b;
    }
}
