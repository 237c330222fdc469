package org.spikescope.motion;

import org.junit.jupiter.api.Test;
import org.spikescope.core.FrameSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlockWriterTest {

    /** Blocks arrive in order and whole; a sink's failure reaches the caller with its message. */
    @Test
    void writesBlocksInOrderAndReportsFailures() throws Exception {
        List<Float> written = new ArrayList<>();
        FrameSink sink = new FrameSink() {
            @Override
            public void write(float[] frame) throws IOException {
                if (frame[0] < 0) {
                    throw new IOException("disk full");
                }
                written.add(frame[0]);
            }

            @Override
            public void close() {
            }
        };
        try (BlockWriter writer = new BlockWriter(sink)) {
            writer.write(new float[][] {{1}, {2}, {99}}, 2);
            writer.write(new float[][] {{3}, {4}}, 2);
            writer.finish();
            assertEquals(List.of(1f, 2f, 3f, 4f), written);
            writer.write(new float[][] {{5}, {-1}}, 2);
            IOException e = assertThrows(IOException.class, writer::finish);
            assertEquals("disk full", e.getMessage());
        }
    }
}
