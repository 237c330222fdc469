package org.spikescope.testing;

import io.jhdf.checksum.ChecksumUtils;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Crafts HDF5 headers that declare what their files do not hold: rewrites a dataset's dimensions in the object
 * header jHDF wrote (version 2, little-endian, 8-byte lengths) and its checksum, leaving the data as it was.
 */
public final class Hdf5Headers {

    private Hdf5Headers() {
    }

    public static void redeclare(Path file, long[] from, long[] to) throws Exception {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int at = find(buf, from);
        for (int i = 0; i < to.length; i++) {
            buf.putLong(at + 8 * i, to[i]);
        }
        int start = new String(b, 0, at, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("OHDR");
        int flags = b[start + 5] & 0xff;
        int header = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
        int sizeBytes = 1 << (flags & 3);
        long chunk = 0;
        for (int i = 0; i < sizeBytes; i++) {
            chunk |= (long) (b[start + header + i] & 0xff) << (8 * i);
        }
        int checksumAt = (int) (start + header + sizeBytes + chunk);
        byte[] covered = java.util.Arrays.copyOfRange(b, start, checksumAt);
        buf.putInt(checksumAt, ChecksumUtils.checksum(covered));
        Files.write(file, b);
    }

    private static int find(ByteBuffer buf, long[] dims) {
        for (int i = 0; i + 8 * dims.length <= buf.capacity(); i++) {
            boolean match = true;
            for (int d = 0; d < dims.length && match; d++) {
                match = buf.getLong(i + 8 * d) == dims[d];
            }
            if (match) {
                return i;
            }
        }
        throw new IllegalArgumentException("no dimensions " + java.util.Arrays.toString(dims) + " in the file");
    }
}
