package org.spikescope.movie;

import org.spikescope.core.FrameTimes;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads uncompressed 8-bit AVIs (fourcc GREY, Y800, Y8 or BI_RGB with 8 bits) by walking the RIFF chunks,
 * OpenDML (AVIX) extensions included. Rows are padded to 4 bytes as in every DIB (and as ImageJ reads them);
 * a chunk of exactly width*height bytes holds unpadded rows. A larger chunk holds the image in its first
 * bytes: the wireless miniscope writes I420 chunks tagged Y800. A shorter chunk is a damaged frame.
 */
public final class AviReader extends FileFrameSource {

    private static final int BI_RGB = 0;
    private static final List<String> GREY_FOURCCS = List.of("GREY", "Y800", "Y8  ");

    private final FileChannel channel;
    private final int width;
    private final int height;
    private final boolean bottomUp;
    /** Row length on disk: padded to 4 bytes. */
    private final int stride;
    private final long[] chunkOffsets;
    private final int[] chunkSizes;
    private final double frameRate;
    private final List<Integer> damaged;

    private AviReader(Path file, FileChannel channel, int width, int height, boolean bottomUp, int stride,
                      long[] chunkOffsets, int[] chunkSizes, double frameRate) {
        super(file.toString(), width, height, 8, FrameTimes.regular(chunkOffsets.length, frameRate));
        this.channel = channel;
        this.width = width;
        this.height = height;
        this.bottomUp = bottomUp;
        this.stride = stride;
        this.chunkOffsets = chunkOffsets;
        this.chunkSizes = chunkSizes;
        this.frameRate = frameRate;
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < chunkSizes.length; i++) {
            if (chunkSizes[i] < (long) width * height) {
                bad.add(i);
            }
        }
        this.damaged = List.copyOf(bad);
    }

    public static AviReader open(Path file) throws IOException {
        return open(file, 0);
    }

    /** @param frameRate Hz, overriding the header's (0 = the header's) */
    public static AviReader open(Path file, double frameRate) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new Parser(file, channel).parse(frameRate);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Bytes a frame takes on disk: padded rows when the chunk holds them, else tight rows. */
    private int strideOf(int index) {
        return chunkSizes[index] >= stride * height ? stride : width;
    }

    /** Frame rate stated in the AVI header, in Hz. */
    public double frameRate() {
        return frameRate;
    }

    @Override
    public List<Integer> damagedFrames() {
        return damaged;
    }

    @Override
    public float[] readFrame(int index, float[] target) throws IOException {
        float[] out = target(index, target);
        if (chunkSizes[index] < width * height) {
            Arrays.fill(out, 0f);
            return out;
        }
        int rowBytes = strideOf(index);
        byte[] raw = readFrameBytes(channel, chunkOffsets[index], rowBytes * height, ByteOrder.LITTLE_ENDIAN, index)
                .array();
        for (int y = 0; y < height; y++) {
            int src = (bottomUp ? height - 1 - y : y) * rowBytes;
            int dst = y * width;
            for (int x = 0; x < width; x++) {
                out[dst + x] = raw[src + x] & 0xff;
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Walks the RIFF tree once, collecting the header fields and every video chunk. */
    private static final class Parser {
        private final Path file;
        private final FileChannel channel;
        private final long size;
        private int width;
        private int height;
        private int bitCount;
        private String compression;
        private int compressionCode;
        private double frameRate;
        /** The user's frame rate (Hz), which the header's does not replace; 0 = none. */
        private double override;
        private int videoStream = -1;
        private int streamCount;
        private final List<long[]> chunks = new ArrayList<>();

        Parser(Path file, FileChannel channel) throws IOException {
            this.file = file;
            this.channel = channel;
            this.size = channel.size();
        }

        AviReader parse(double frameRateOverride) throws IOException {
            override = frameRateOverride;
            if (override > 0) {
                frameRate = override;
            }
            long pos = 0;
            boolean first = true;
            while (pos + 12 <= size) {
                ByteBuffer h = read(pos, 12);
                String id = fourcc(h, 0);
                long length = h.getInt(4) & 0xffffffffL;
                String form = fourcc(h, 8);
                if (!id.equals("RIFF") || !(form.equals(first ? "AVI " : "AVIX"))) {
                    if (first) {
                        throw new InputException(file + ": not an AVI file (starts with '" + id + "' '" + form
                                + "', expected 'RIFF' 'AVI ')");
                    }
                    break;
                }
                walk(pos + 12, Math.min(size, pos + 8 + length), 0);
                first = false;
                pos += 8 + length + (length & 1);
            }
            if (videoStream < 0) {
                throw new InputException(file + ": no video stream header (strh 'vids') found");
            }
            boolean grey = GREY_FOURCCS.contains(compression);
            boolean rgb8 = compressionCode == BI_RGB && bitCount == 8;
            if (!grey && !rgb8) {
                String codec = compressionCode == BI_RGB ? bitCount + "-bit uncompressed RGB" : "'" + compression + "'";
                throw new InputException(file + ": video codec " + codec + " is not supported; SpikeScope reads "
                        + "uncompressed 8-bit grey AVIs (GREY/Y800). Convert with: ffmpeg -i in.avi -c:v rawvideo "
                        + "-pix_fmt gray out.avi");
            }
            // Microsoft: YUV fourcc bitmaps are top-down whatever the sign of biHeight
            boolean bottomUp = rgb8 && height > 0;
            int rows = Math.abs(height);
            if (width < 1 || rows < 1 || height == Integer.MIN_VALUE) {
                throw new InputException(file + ", strf: biWidth x biHeight is " + width + "x" + height
                        + "; expected positive sizes");
            }
            if ((long) width * rows > TiffStackReader.MAX_PIXELS) {
                throw new InputException(file + ", strf: " + width + "x" + rows + " pixels per frame; SpikeScope "
                        + "handles frames of up to " + TiffStackReader.MAX_PIXELS + " pixels");
            }
            if (chunks.isEmpty()) {
                throw new InputException(file + ", movi: no video frames (the file holds only its header, or was "
                        + "cut short)");
            }
            int stride = (width + 3) / 4 * 4;
            long[] offsets = new long[chunks.size()];
            int[] sizes = new int[chunks.size()];
            for (int i = 0; i < chunks.size(); i++) {
                offsets[i] = chunks.get(i)[0];
                sizes[i] = (int) Math.min(Integer.MAX_VALUE, chunks.get(i)[1]);
            }
            return new AviReader(file, channel, width, rows, bottomUp, stride, offsets, sizes,
                    frameRate > 0 ? frameRate : MovieOpener.DEFAULT_FRAME_RATE);
        }

        private void walk(long start, long end, int depth) throws IOException {
            if (depth > 8) {
                throw new InputException(file + ": LIST chunks nested deeper than 8; the file is damaged");
            }
            long pos = start;
            while (pos + 8 <= end) {
                ByteBuffer h = read(pos, 12);
                String id = fourcc(h, 0);
                long length = h.getInt(4) & 0xffffffffL;
                long dataStart = pos + 8;
                if (dataStart + length > size) {
                    length = size - dataStart; // truncated file: keep what is there
                }
                if (id.equals("LIST")) {
                    String type = fourcc(h, 8);
                    if (type.equals("hdrl") || type.equals("strl") || type.equals("movi") || type.equals("rec ")) {
                        walk(dataStart + 4, dataStart + length, depth + 1);
                    }
                } else if (id.equals("avih")) {
                    ByteBuffer b = read(dataStart, 40);
                    int microsPerFrame = b.getInt(0);
                    if (microsPerFrame > 0 && frameRate == 0 && override == 0) {
                        frameRate = 1e6 / microsPerFrame;
                    }
                } else if (id.equals("strh")) {
                    ByteBuffer b = read(dataStart, 32);
                    if (fourcc(b, 0).equals("vids") && videoStream < 0) {
                        videoStream = streamCount;
                        int scale = b.getInt(20);
                        int rate = b.getInt(24);
                        if (scale > 0 && rate > 0 && override == 0) {
                            frameRate = (double) rate / scale;
                        }
                    }
                    streamCount++;
                } else if (id.equals("strf") && videoStream == streamCount - 1 && width == 0) {
                    ByteBuffer b = read(dataStart, 40);
                    width = b.getInt(4);
                    height = b.getInt(8);
                    bitCount = b.getShort(14) & 0xffff;
                    compressionCode = b.getInt(16);
                    compression = fourcc(b, 16);
                } else if (isVideoChunk(id)) {
                    chunks.add(new long[]{dataStart, length});
                }
                pos = dataStart + length + (length & 1);
            }
        }

        private boolean isVideoChunk(String id) {
            if (videoStream < 0 || id.length() != 4 || !(id.endsWith("db") || id.endsWith("dc"))) {
                return false;
            }
            try {
                return Integer.parseInt(id.substring(0, 2)) == videoStream;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private ByteBuffer read(long position, int length) throws IOException {
            return FileFrameSource.read(channel, position, length, ByteOrder.LITTLE_ENDIAN).clear();
        }

        private static String fourcc(ByteBuffer b, int at) {
            byte[] c = new byte[4];
            for (int i = 0; i < 4; i++) {
                c[i] = b.get(at + i);
            }
            return new String(c, StandardCharsets.ISO_8859_1);
        }
    }
}
