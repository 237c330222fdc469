package org.spikescope.movie;

import org.spikescope.core.FrameSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams 8-bit frames into an uncompressed AVI with fourcc GREY (top-down rows padded to 4 bytes, as DIBs and
 * ImageJ's AVI reader have them), the format the UCLA Miniscope software writes when compression is off.
 * An idx1 index is written on close.
 */
public final class AviWriter implements FrameSink {

    private static final int HEADER_BYTES = 12 + 8 + 4 + (8 + 56) + 8 + 4 + (8 + 56) + (8 + 40) + 12;

    private final FileChannel channel;
    private final int width;
    private final int height;
    private final double frameRate;
    private final int stride;
    private final ByteBuffer chunk;
    private ByteBuffer index = ByteBuffer.allocate(16 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private long position = HEADER_BYTES;
    private int frames;

    public AviWriter(Path file, int width, int height, double frameRate) throws IOException {
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.stride = (width + 3) / 4 * 4;
        int frameBytes = stride * height;
        this.chunk = ByteBuffer.allocate(8 + frameBytes + (frameBytes & 1)).order(ByteOrder.LITTLE_ENDIAN);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void write(float[] frame) throws IOException {
        if (frame.length != width * height) {
            throw new IllegalArgumentException("frame has " + frame.length + " pixels, expected " + width * height);
        }
        chunk.clear();
        putFourcc(chunk, "00db");
        chunk.putInt(stride * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                chunk.put((byte) PixelCodec.clampRound(frame[y * width + x], 255));
            }
            for (int x = width; x < stride; x++) {
                chunk.put((byte) 0);
            }
        }
        while (chunk.hasRemaining()) {
            chunk.put((byte) 0);
        }
        chunk.flip();
        if (index.remaining() < 16) {
            ByteBuffer bigger = ByteBuffer.allocate(index.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN);
            index.flip();
            bigger.put(index);
            index = bigger;
        }
        putFourcc(index, "00db");
        index.putInt(0x10).putInt((int) (position - (HEADER_BYTES - 4))).putInt(stride * height);
        writeFully(chunk, position);
        position += chunk.limit();
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
            index.flip();
            ByteBuffer idx = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            putFourcc(idx, "idx1");
            idx.putInt(index.remaining()).flip();
            long moviSize = position - (HEADER_BYTES - 4);
            writeFully(idx, position);
            writeFully(index, position + 8);
            long end = position + 8 + 16L * frames;
            writeFully(header(end, moviSize), 0);
        } finally {
            channel.close();
        }
    }

    private ByteBuffer header(long fileEnd, long moviSize) {
        int frameBytes = stride * height;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        putFourcc(b, "RIFF");
        b.putInt((int) (fileEnd - 8));
        putFourcc(b, "AVI ");
        putFourcc(b, "LIST");
        b.putInt(4 + (8 + 56) + 8 + 4 + (8 + 56) + (8 + 40));
        putFourcc(b, "hdrl");
        putFourcc(b, "avih");
        b.putInt(56);
        b.putInt((int) Math.round(1e6 / frameRate)).putInt((int) Math.ceil(frameBytes * frameRate)).putInt(0)
                .putInt(0x10).putInt(frames).putInt(0).putInt(1).putInt(frameBytes).putInt(width).putInt(height)
                .putInt(0).putInt(0).putInt(0).putInt(0);
        putFourcc(b, "LIST");
        b.putInt(4 + (8 + 56) + (8 + 40));
        putFourcc(b, "strl");
        putFourcc(b, "strh");
        b.putInt(56);
        putFourcc(b, "vids");
        putFourcc(b, "GREY");
        b.putInt(0).putShort((short) 0).putShort((short) 0).putInt(0);
        b.putInt(1000).putInt((int) Math.round(frameRate * 1000)).putInt(0).putInt(frames).putInt(frameBytes)
                .putInt(-1).putInt(0);
        b.putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
        putFourcc(b, "strf");
        b.putInt(40);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8);
        putFourcc(b, "GREY");
        b.putInt(frameBytes).putInt(0).putInt(0).putInt(0).putInt(0);
        putFourcc(b, "LIST");
        b.putInt((int) moviSize);
        putFourcc(b, "movi");
        return b.flip();
    }

    private static void putFourcc(ByteBuffer b, String code) {
        b.put(code.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void writeFully(ByteBuffer buffer, long at) throws IOException {
        long p = at;
        while (buffer.hasRemaining()) {
            p += channel.write(buffer, p);
        }
    }
}
