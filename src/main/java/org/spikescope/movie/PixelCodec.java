package org.spikescope.movie;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Converts stored pixel bytes to floats (8- and 16-bit unsigned, 32-bit float). */
final class PixelCodec {

    private PixelCodec() {
    }

    static float[] decode(ByteBuffer bytes, int bitDepth, ByteOrder order, float[] target, int offset, int count) {
        bytes.order(order);
        switch (bitDepth) {
            case 8 -> {
                for (int i = 0; i < count; i++) {
                    target[offset + i] = bytes.get() & 0xff;
                }
            }
            case 16 -> {
                for (int i = 0; i < count; i++) {
                    target[offset + i] = bytes.getShort() & 0xffff;
                }
            }
            case 32 -> {
                for (int i = 0; i < count; i++) {
                    target[offset + i] = bytes.getFloat();
                }
            }
            default -> throw new IllegalArgumentException("unsupported bit depth " + bitDepth);
        }
        return target;
    }

    static void encode(float[] pixels, int bitDepth, ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        switch (bitDepth) {
            case 8 -> {
                for (float v : pixels) {
                    out.put((byte) clampRound(v, 255));
                }
            }
            case 16 -> {
                for (float v : pixels) {
                    out.putShort((short) clampRound(v, 65535));
                }
            }
            case 32 -> {
                for (float v : pixels) {
                    out.putFloat(v);
                }
            }
            default -> throw new IllegalArgumentException("unsupported bit depth " + bitDepth);
        }
    }

    static int clampRound(float v, int max) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= max ? max : Math.round(v);
    }
}
