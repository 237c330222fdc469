package org.spikescope.movie;

import ij.ImagePlus;
import ij.plugin.AVI_Reader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AviTest {

    private static float[][] write(Path file, int n, int w, int h) throws Exception {
        Random r = new Random(1);
        float[][] frames = new float[n][w * h];
        try (AviWriter writer = new AviWriter(file, w, h, 30)) {
            for (float[] f : frames) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = r.nextInt(256);
                }
                writer.write(f);
            }
        }
        return frames;
    }

    @Test
    void greyAviReadsBackExactlyHereAndInImageJ(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.avi");
        float[][] frames = write(file, 5, 37, 23);
        try (FrameSource s = AviReader.open(file)) {
            assertEquals(5, s.frameCount());
            assertEquals(30.0, s.times().frameRate(), 1e-9);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(frames[i], s.readFrame(i, null));
            }
        }
        ImagePlus imp = AVI_Reader.open(file.toString(), false);
        assertEquals(5, imp.getStackSize());
        for (int i = 0; i < 5; i++) {
            float[] pixels = (float[]) imp.getStack().getProcessor(i + 1).convertToFloat().getPixels();
            assertArrayEquals(frames[i], pixels, "ImageJ's AVI_Reader, frame " + i);
        }
    }

    @Test
    void otherCodecsAreRefusedNamingTheCodecAndTheConversion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mj.avi");
        write(file, 2, 16, 16);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("GREY", text.indexOf("strf"));
        System.arraycopy("MJPG".getBytes(), 0, bytes, at, 4);
        Files.write(file, bytes);
        InputException e = assertThrows(InputException.class, () -> AviReader.open(file));
        assertTrue(e.getMessage().contains("mj.avi") && e.getMessage().contains("'MJPG'")
                && e.getMessage().contains("ffmpeg"), e.getMessage());
    }

    @Test
    void aShortFrameChunkIsReportedAsDamaged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.avi");
        write(file, 3, 16, 16);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        // the last frame chunk claims 128 of its 256 bytes, as when a recording stops mid-frame
        int last = text.lastIndexOf("00db", text.indexOf("idx1"));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(last + 4);
            raf.write(new byte[]{(byte) 128, 0, 0, 0}); // a 16x16 frame needs 256
        }
        try (FrameSource s = AviReader.open(file)) {
            assertEquals(3, s.frameCount());
            assertEquals(java.util.List.of(2), s.damagedFrames());
        }
    }
}
