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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a grey-scale TIFF stack (8, 16 or 32-bit, uncompressed, classic or BigTIFF) frame by frame from disk,
 * so stacks larger than memory work. Also reads ImageJ's large-stack layout, where one IFD describes
 * {@code images=N} frames stored back to back.
 */
public final class TiffStackReader extends FileFrameSource {

    private static final Pattern IMAGES = Pattern.compile("(?m)^images=(\\d+)");
    private static final Pattern FINTERVAL = Pattern.compile("(?m)^finterval=([0-9.eE+-]+)");
    private static final Pattern FPS = Pattern.compile("(?m)^fps=([0-9.eE+-]+)");

    private final FileChannel channel;
    private final ByteOrder order;
    private final long[][] stripOffsets;
    private final long[][] stripCounts;
    /**
     * Per reading thread (motion correction reads on several), reused from frame to frame: a direct buffer for a
     * frame's bytes and its 16-bit values. Measured 0.39 -> 0.24 ms per 512×512 frame against fresh heap buffers.
     */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

    private record Scratch(ByteBuffer bytes, short[] values) {
    }

    private Scratch newScratch() {
        int pixels = width() * height();
        short[] values = new short[bitDepth() == 16 ? pixels : 0];
        return new Scratch(ByteBuffer.allocateDirect(pixels * bitDepth() / 8), values);
    }

    private TiffStackReader(Path file, FileChannel channel, ByteOrder order, int width, int height, int bitDepth,
                            long[][] stripOffsets, long[][] stripCounts, FrameTimes times) {
        super(file.toString(), width, height, bitDepth, times);
        this.channel = channel;
        this.order = order;
        this.stripOffsets = stripOffsets;
        this.stripCounts = stripCounts;
    }

    /** Opens {@code file}; {@code frameRate} (Hz) overrides the interval the file states, 0 = the file's. */
    public static TiffStackReader open(Path file, double frameRate) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return parse(file, channel, frameRate);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static TiffStackReader parse(Path file, FileChannel channel, double frameRate) throws IOException {
        long size = channel.size();
        ByteBuffer head = read(channel, 0, 16, ByteOrder.LITTLE_ENDIAN);
        if (head.remaining() < 8) {
            throw new InputException(file + ": " + size + " bytes, too short for a TIFF header (8 bytes)");
        }
        ByteOrder order;
        int b0 = head.get(0);
        int b1 = head.get(1);
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new InputException(file + ": not a TIFF file (no II/MM byte-order mark)");
        }
        head.order(order);
        int magic = head.getShort(2) & 0xffff;
        boolean big = magic == 43;
        if (magic != 42 && !big) {
            throw new InputException(file + ": not a TIFF file (version " + magic + ", expected 42 or 43)");
        }
        long ifd = big ? head.getLong(8) : head.getInt(4) & 0xffffffffL;

        List<Ifd> ifds = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (ifd != 0) {
            if (!seen.add(ifd)) {
                throw new InputException(file + ", IFD " + ifds.size() + ": points back to the IFD at byte " + ifd
                        + " (a loop); the file is damaged");
            }
            Ifd parsed = Ifd.parse(channel, ifd, order, big, file, ifds.size(), size);
            ifds.add(parsed);
            ifd = parsed.next;
        }
        if (ifds.isEmpty()) {
            throw new InputException(file + ": the TIFF holds no image");
        }
        Ifd first = ifds.get(0);
        first.check(file, 0, size);
        List<Ifd> frames = new ArrayList<>();
        for (int i = 0; i < ifds.size(); i++) {
            Ifd d = ifds.get(i);
            if (d.subfileType == 1) {
                continue; // thumbnail / reduced-resolution image
            }
            d.check(file, i, size);
            if (d.width != first.width || d.height != first.height || d.bits != first.bits) {
                throw new InputException(file + ", image " + i + ": " + d.width + "x" + d.height + "x" + d.bits
                        + " bit differs from the first image (" + first.width + "x" + first.height + "x"
                        + first.bits + " bit); expected a stack of equal frames");
            }
            frames.add(d);
        }
        String description = first.description == null ? "" : first.description;
        int n = frames.size();
        long[][] offsets = new long[n][];
        long[][] counts = new long[n][];
        for (int i = 0; i < n; i++) {
            offsets[i] = frames.get(i).stripOffsets;
            counts[i] = frames.get(i).stripCounts;
        }
        Matcher images = IMAGES.matcher(description);
        if (description.startsWith("ImageJ") && images.find()) {
            long declared = images.group(1).length() > 18 ? Long.MAX_VALUE : Long.parseLong(images.group(1));
            if (declared > n && first.stripOffsets.length == 1) {
                // ImageJ writes stacks over 4 GB with one IFD: frames follow each other on disk
                long frameBytes = (long) first.width * first.height * (first.bits / 8);
                long available = (size - first.stripOffsets[0]) / frameBytes;
                int total = (int) Math.min(Math.min(declared, available), Integer.MAX_VALUE - 8);
                offsets = new long[total][];
                counts = new long[total][];
                for (int i = 0; i < total; i++) {
                    offsets[i] = new long[]{first.stripOffsets[0] + i * frameBytes};
                    counts[i] = new long[]{frameBytes};
                }
            }
        }
        double interval = 0;
        Matcher fi = FINTERVAL.matcher(description);
        Matcher fps = FPS.matcher(description);
        if (frameRate > 0) {
            interval = 1.0 / frameRate; // the user's frame rate overrides the file's
        } else if (fi.find()) {
            interval = number(fi.group(1));
        } else if (fps.find() && number(fps.group(1)) > 0) {
            interval = 1.0 / number(fps.group(1));
        }
        FrameTimes times = FrameTimes.regular(offsets.length, interval > 0 ? 1.0 / interval : MovieOpener.DEFAULT_FRAME_RATE);
        return new TiffStackReader(file, channel, order, first.width, first.height, first.bits, offsets, counts,
                times);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public float[] readFrame(int index, float[] target) throws IOException {
        float[] out = target(index, target);
        int pixels = out.length;
        int bytesPerPixel = bitDepth() / 8;
        int done = 0;
        for (int s = 0; s < stripOffsets[index].length && done < pixels; s++) {
            int count = (int) Math.min(stripCounts[index][s] / bytesPerPixel, pixels - done);
            Scratch reuse = scratch.get();
            ByteBuffer bytes = readFrameBytes(channel, stripOffsets[index][s], count * bytesPerPixel, order, index,
                    reuse.bytes);
            PixelCodec.decode(bytes, bitDepth(), order, out, done, count, reuse.values);
            done += count;
        }
        if (done < pixels) {
            throw new InputException(description() + ", frame " + index + ": strips hold " + done + " of " + pixels
                    + " pixels");
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Frames are held as float arrays: at most this many pixels (a 46,000 x 46,000 frame). */
    static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    /** Where in the file a field is, for messages, and the file's size that every field must fit in. */
    private record Where(Path file, int index, long fileSize) {
        InputException error(String field, String problem) {
            return new InputException(file + ", IFD " + index + ", " + field + ": " + problem);
        }

        void checkRange(String field, long offset, long length) {
            if (offset < 0 || offset > fileSize - length) {
                throw error(field, "its " + length + " bytes at byte " + offset + " lie beyond the end of the "
                        + fileSize + "-byte file");
            }
        }
    }

    /** One image file directory: the fields SpikeScope needs. */
    private static final class Ifd {
        long next;
        int width;
        int height;
        int bits = 1;
        int samples = 1;
        int compression = 1;
        int sampleFormat = 1;
        int subfileType;
        boolean tiled;
        long[] stripOffsets;
        long[] stripCounts;
        String description;

        static Ifd parse(FileChannel ch, long position, ByteOrder order, boolean big, Path file, int index,
                         long fileSize) throws IOException {
            if (position < 0 || position >= fileSize) {
                throw new InputException(file + ", IFD " + index + ": at byte " + position + ", past the end of the "
                        + fileSize + "-byte file");
            }
            ByteBuffer countBuf = FileFrameSource.read(ch, position, big ? 8 : 2, order);
            if (countBuf.remaining() < (big ? 8 : 2)) {
                throw new InputException(file + ", IFD " + index + ": points past the end of the file");
            }
            long entries = big ? countBuf.getLong(0) : countBuf.getShort(0) & 0xffff;
            int entrySize = big ? 20 : 12;
            int tailSize = big ? 8 : 4;
            if (entries < 0 || entries * entrySize + tailSize > fileSize - position) {
                throw new InputException(file + ", IFD " + index + ": declares " + entries + " entries, more than "
                        + "the file holds");
            }
            Where where = new Where(file, index, fileSize);
            ByteBuffer buf = FileFrameSource.read(ch, position + (big ? 8 : 2), (int) (entries * entrySize + tailSize),
                    order);
            Ifd d = new Ifd();
            for (int e = 0; e < entries; e++) {
                int at = e * entrySize;
                int tag = buf.getShort(at) & 0xffff;
                int type = buf.getShort(at + 2) & 0xffff;
                long count = big ? buf.getLong(at + 4) : buf.getInt(at + 4) & 0xffffffffL;
                int valueAt = at + (big ? 12 : 8);
                switch (tag) {
                    case 254 -> d.subfileType = (int) values(ch, buf, valueAt, type, count, order, big, where, tag)[0];
                    case 256 -> d.width = (int) values(ch, buf, valueAt, type, count, order, big, where, tag)[0];
                    case 257 -> d.height = (int) values(ch, buf, valueAt, type, count, order, big, where, tag)[0];
                    case 258 -> d.bits = (int) values(ch, buf, valueAt, type, count, order, big, where, tag)[0];
                    case 259 -> d.compression = (int) values(ch, buf, valueAt, type, count, order, big, where, tag)[0];
                    case 270 -> d.description = ascii(ch, buf, valueAt, count, order, big, where);
                    case 273 -> d.stripOffsets = values(ch, buf, valueAt, type, count, order, big, where, tag);
                    case 277 -> d.samples = (int) values(ch, buf, valueAt, type, count, order, big, where, tag)[0];
                    case 279 -> d.stripCounts = values(ch, buf, valueAt, type, count, order, big, where, tag);
                    case 322, 323, 324, 325 -> d.tiled = true;
                    case 339 -> d.sampleFormat = (int) values(ch, buf, valueAt, type, count, order, big, where, tag)[0];
                    default -> {
                    }
                }
            }
            int tail = (int) (entries * entrySize);
            d.next = big ? buf.getLong(tail) : buf.getInt(tail) & 0xffffffffL;
            return d;
        }

        void check(Path file, int index, long fileSize) {
            String where = file + ", image " + index + ": ";
            if (compression != 1) {
                throw new InputException(where + "compression " + compression + " is not supported; SpikeScope reads"
                        + " uncompressed TIFFs (in Fiji: File > Save As > Tiff writes one)");
            }
            if (tiled) {
                throw new InputException(where + "tiled TIFFs are not supported; save the stack as strips "
                        + "(Fiji: File > Save As > Tiff)");
            }
            if (samples != 1) {
                throw new InputException(where + samples + " samples per pixel; expected one (grey-scale)");
            }
            boolean floatData = sampleFormat == 3;
            if (!(bits == 8 || bits == 16 || (bits == 32 && floatData))) {
                throw new InputException(where + bits + "-bit " + (floatData ? "float" : "integer")
                        + " pixels; expected 8-bit, 16-bit or 32-bit float");
            }
            if (stripOffsets == null || stripCounts == null || stripOffsets.length != stripCounts.length) {
                throw new InputException(where + "missing or inconsistent StripOffsets/StripByteCounts fields");
            }
            if (width < 1 || height < 1) {
                throw new InputException(where + "ImageWidth x ImageLength is " + width + "x" + height
                        + "; expected positive sizes");
            }
            long frameBytes = (long) width * height * (bits / 8);
            if ((long) width * height > MAX_PIXELS) {
                throw new InputException(where + width + "x" + height + " pixels per frame; SpikeScope handles "
                        + "frames of up to " + MAX_PIXELS + " pixels");
            }
            long stored = 0;
            for (int s = 0; s < stripOffsets.length; s++) {
                if (stripOffsets[s] < 0 || stripCounts[s] < 0 || stripOffsets[s] + stripCounts[s] > fileSize) {
                    throw new InputException(where + "strip " + s + " (bytes " + stripOffsets[s] + " + "
                            + stripCounts[s] + ") lies beyond the end of the " + fileSize + "-byte file");
                }
                stored += stripCounts[s];
            }
            if (stored < frameBytes) {
                throw new InputException(where + "its strips hold " + stored + " bytes; a " + width + "x" + height
                        + " " + bits + "-bit frame needs " + frameBytes + " (the file is truncated or damaged)");
            }
        }

        private static long[] values(FileChannel ch, ByteBuffer buf, int valueAt, int type, long count,
                                     ByteOrder order, boolean big, Where where, int tag) throws IOException {
            int size = switch (type) {
                case 1, 2, 6, 7 -> 1;
                case 3, 8 -> 2;
                case 4, 9, 11 -> 4;
                case 16, 17, 18 -> 8;
                default -> 4;
            };
            if (count < 1 || count > Math.min(where.fileSize / size, Integer.MAX_VALUE - 8)) {
                throw where.error("tag " + tag, "declares " + count + " values; expected 1 to what the file holds");
            }
            long bytes = size * count;
            ByteBuffer data;
            if (bytes <= (big ? 8 : 4)) {
                data = buf.duplicate().order(order);
                data.position(valueAt);
            } else {
                long offset = big ? buf.getLong(valueAt) : buf.getInt(valueAt) & 0xffffffffL;
                where.checkRange("tag " + tag, offset, bytes);
                data = FileFrameSource.read(ch, offset, (int) bytes, order);
            }
            long[] out = new long[(int) count];
            for (int i = 0; i < count; i++) {
                out[i] = switch (size) {
                    case 1 -> data.get() & 0xff;
                    case 2 -> data.getShort() & 0xffff;
                    case 8 -> data.getLong();
                    default -> data.getInt() & 0xffffffffL;
                };
            }
            return out;
        }

        private static String ascii(FileChannel ch, ByteBuffer buf, int valueAt, long count, ByteOrder order,
                                    boolean big, Where where) throws IOException {
            if (count < 0 || count > where.fileSize) {
                throw where.error("ImageDescription", "declares " + count + " characters, more than the file holds");
            }
            byte[] bytes = new byte[(int) count];
            if (count <= (big ? 8 : 4)) {
                for (int i = 0; i < count; i++) {
                    bytes[i] = buf.get(valueAt + i);
                }
            } else {
                long offset = big ? buf.getLong(valueAt) : buf.getInt(valueAt) & 0xffffffffL;
                where.checkRange("ImageDescription", offset, count);
                FileFrameSource.read(ch, offset, (int) count, order).get(bytes);
            }
            String s = new String(bytes, StandardCharsets.ISO_8859_1);
            int nul = s.indexOf('\0');
            return nul >= 0 ? s.substring(0, nul) : s;
        }
    }
}
