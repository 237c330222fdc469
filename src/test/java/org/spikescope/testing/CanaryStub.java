package org.spikescope.testing;

import java.io.Serializable;

/** Harmless; serialised, then renamed to {@link CanaryBomb} in the bytes, to craft a hostile model file. */
public class CanaryStub implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The serialised bytes of a {@link CanaryBomb}, made without loading that class. */
    public static byte[] serialisedBomb() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new CanaryStub());
        }
        byte[] b = bytes.toByteArray();
        byte[] from = CanaryStub.class.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] to = "org.spikescope.testing.CanaryBomb".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, b, i, to.length);
            }
        }
        return b;
    }
}
