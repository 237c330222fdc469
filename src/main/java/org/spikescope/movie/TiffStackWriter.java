package org.spikescope.movie;

import org.spikescope.core.FrameSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Streams frames into an uncompressed ImageJ-compatible TIFF stack: pixel data first, the IFDs at the end,
 * so memory stays one frame whatever the length. Stacks over 4 GB get ImageJ's single-IFD layout.
 */
public final class TiffStackWriter implements FrameSink {

    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;
    private static final int ENTRIES = 11;
    private static final int IFD_SIZE = 2 + ENTRIES * 12 + 4;
    // the first IFD and the description sit before the pixels so that they stay addressable past 4 GB
    private static final long FIRST_IFD_AT = 8;
    private static final long DESCRIPTION_AT = FIRST_IFD_AT + IFD_SIZE;
    private static final long DATA_START = 512;

    private final FileChannel channel;
    private final int width;
    private final int height;
    private final int bitDepth;
    private final double frameInterval;
    private final ByteBuffer frameBuffer;
    private final short[] values;
    private int frames;
    private long position = DATA_START;

    public TiffStackWriter(Path file, int width, int height, int bitDepth, double frameRate) throws IOException {
        if (bitDepth != 8 && bitDepth != 16 && bitDepth != 32) {
            throw new IllegalArgumentException("bit depth must be 8, 16 or 32, got " + bitDepth);
        }
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.frameInterval = frameRate > 0 ? 1.0 / frameRate : 0;
        // direct: the channel writes it as it is, where a heap buffer is first copied into one of the JDK's
        this.frameBuffer = ByteBuffer.allocateDirect(width * height * bitDepth / 8);
        this.values = new short[bitDepth == 16 ? width * height : 0];
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ);
    }

    @Override
    public void write(float[] frame) throws IOException {
        if (frame.length != width * height) {
            throw new IllegalArgumentException("frame has " + frame.length + " pixels, expected " + width * height);
        }
        frameBuffer.clear();
        PixelCodec.encode(frame, bitDepth, frameBuffer, values);
        frameBuffer.flip();
        writeFully(frameBuffer, position);
        position += frameBuffer.capacity();
        frames++;
    }

    /** The frame is encoded before write returns. */
    @Override
    public boolean releasesFrames() {
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            channel.close();
        }
    }

    private void finish() throws IOException {
        long frameBytes = (long) width * height * bitDepth / 8;
        String description = String.format(Locale.ROOT, "ImageJ=1.54p\nimages=%d\nframes=%d\n%sloop=false\n",
                frames, frames, frameInterval > 0 ? String.format(Locale.ROOT, "finterval=%s\n", frameInterval) : "");
        byte[] desc = (description + "\0").getBytes(StandardCharsets.ISO_8859_1);
        long tailStart = align(position);
        // past 4 GB the other IFDs cannot be addressed: ImageJ then reads images=N frames back to back
        boolean chain = frames > 1 && tailStart + (long) frames * IFD_SIZE < CLASSIC_LIMIT;
        int count = Math.max(frames, 1);
        ByteBuffer first = ByteBuffer.allocate(IFD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        putIfd(first, DESCRIPTION_AT, desc.length, DATA_START, chain ? tailStart : 0, frameBytes);
        first.flip();
        writeFully(first, FIRST_IFD_AT);
        writeFully(ByteBuffer.wrap(desc), DESCRIPTION_AT);
        if (chain) {
            ByteBuffer rest = ByteBuffer.allocate(IFD_SIZE * (count - 1)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 1; i < count; i++) {
                long at = tailStart + (long) (i - 1) * IFD_SIZE;
                long next = i + 1 < count ? at + IFD_SIZE : 0;
                putIfd(rest, 0, 0, DATA_START + i * frameBytes, next, frameBytes);
            }
            rest.flip();
            writeFully(rest, tailStart);
        }
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) FIRST_IFD_AT);
        header.flip();
        writeFully(header, 0);
    }

    private void putIfd(ByteBuffer b, long descAt, int descLength, long stripOffset, long next, long frameBytes) {
        b.putShort((short) ENTRIES);
        entry(b, 254, 4, 1, 0);
        entry(b, 256, 4, 1, width);
        entry(b, 257, 4, 1, height);
        entry(b, 258, 3, 1, bitDepth);
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, 1);
        entry(b, 270, 2, descLength > 0 ? descLength : 1, descAt);
        entry(b, 273, 4, 1, stripOffset);
        entry(b, 277, 3, 1, 1);
        entry(b, 279, 4, 1, frameBytes);
        entry(b, 339, 3, 1, bitDepth == 32 ? 3 : 1);
        b.putInt((int) next);
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, long value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt((int) value);
        }
    }

    private static long align(long p) {
        return (p + 1) & ~1L;
    }

    private void writeFully(ByteBuffer buffer, long at) throws IOException {
        long p = at;
        while (buffer.hasRemaining()) {
            p += channel.write(buffer, p);
        }
    }
}
