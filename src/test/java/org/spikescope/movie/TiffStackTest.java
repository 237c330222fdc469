package org.spikescope.movie;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ShortProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TiffStackTest {

    private static float[][] randomFrames(int n, int w, int h, int max, long seed) {
        Random r = new Random(seed);
        float[][] frames = new float[n][w * h];
        for (float[] f : frames) {
            for (int i = 0; i < f.length; i++) {
                f[i] = r.nextInt(max + 1);
            }
        }
        return frames;
    }

    @Test
    void streamedStacksReadBackExactlyHereAndInImageJ(@TempDir Path dir) throws Exception {
        for (int bits : new int[]{8, 16}) {
            float[][] frames = randomFrames(7, 33, 21, bits == 8 ? 255 : 65535, bits);
            Path file = dir.resolve("s" + bits + ".tif");
            try (TiffStackWriter w = new TiffStackWriter(file, 33, 21, bits, 25.0)) {
                for (float[] f : frames) {
                    w.write(f);
                }
            }
            try (FrameSource s = TiffStackReader.open(file, 0)) {
                assertEquals(7, s.frameCount());
                assertEquals(bits, s.bitDepth());
                assertEquals(25.0, s.times().frameRate(), 1e-6, "frame rate from ImageJ's finterval");
                for (int i = 0; i < 7; i++) {
                    assertArrayEquals(frames[i], s.readFrame(i, null));
                }
            }
            ImagePlus imp = new Opener().openImage(file.toString());
            assertEquals(7, imp.getStackSize());
            assertEquals(bits, imp.getBitDepth());
            assertEquals(0.04, imp.getCalibration().frameInterval, 1e-9);
            for (int i = 0; i < 7; i++) {
                float[] pixels = (float[]) imp.getStack().getProcessor(i + 1).convertToFloat().getPixels();
                assertArrayEquals(frames[i], pixels, "ImageJ frame " + i);
            }
        }
    }

    @Test
    void readsBigEndianStacksSavedByImageJ(@TempDir Path dir) throws Exception {
        float[][] frames = randomFrames(4, 20, 10, 4000, 3);
        ImageStack stack = new ImageStack(20, 10);
        for (float[] f : frames) {
            short[] s = new short[f.length];
            for (int i = 0; i < f.length; i++) {
                s[i] = (short) f[i];
            }
            stack.addSlice(new ShortProcessor(20, 10, s, null));
        }
        Path file = dir.resolve("ij.tif");
        new FileSaver(new ImagePlus("ij", stack)).saveAsTiffStack(file.toString());
        try (FrameSource s = TiffStackReader.open(file, 10)) {
            assertEquals(4, s.frameCount());
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(frames[i], s.readFrame(i, null));
            }
        }
    }

    @Test
    void compressedTiffIsRefusedNamingTheCompression(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.tif");
        try (TiffStackWriter w = new TiffStackWriter(file, 16, 16, 16, 0)) {
            w.write(new float[256]);
        }
        // patch the Compression entry (tag 259, the 5th entry of the first IFD at offset 8) to LZW (5)
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8 + 2 + 4 * 12 + 8);
            raf.write(5);
        }
        InputException e = assertThrows(InputException.class, () -> TiffStackReader.open(file, 0));
        assertTrue(e.getMessage().contains("c.tif") && e.getMessage().contains("compression 5"), e.getMessage());
    }
}
