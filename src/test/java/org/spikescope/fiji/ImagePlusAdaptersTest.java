package org.spikescope.fiji;

import org.spikescope.io.OutputTarget;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.FrameSource;
import org.spikescope.core.InputException;
import org.spikescope.core.ProgressListener;
import org.spikescope.fiji.display.FrameSourceStack;
import org.spikescope.io.TraceTables;
import org.spikescope.movie.MovieOpener;
import org.spikescope.pipeline.Pipeline;
import org.spikescope.pipeline.PipelineResult;
import org.spikescope.pipeline.PipelineSettings;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagePlusAdaptersTest {

    private static ImagePlus movie() {
        ImageStack stack = new ImageStack(5, 4);
        for (int t = 0; t < 3; t++) {
            short[] p = new short[20];
            for (int i = 0; i < 20; i++) {
                p[i] = (short) (1000 * t + i);
            }
            stack.addSlice(new ShortProcessor(5, 4, p, null));
        }
        ImagePlus imp = new ImagePlus("movie", stack);
        imp.getCalibration().frameInterval = 0.05;
        return imp;
    }

    @Test
    void frameSourceReadsSlicesWithCalibratedTimes() throws Exception {
        FrameSource s = ImagePlusFrameSource.of(movie());
        assertEquals(3, s.frameCount());
        assertEquals(16, s.bitDepth());
        assertEquals(20.0, s.times().frameRate(), 1e-9);
        assertEquals(2019f, s.readFrame(2, null)[19]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void planarImgSharesThePixelArrays() {
        ImagePlus imp = movie();
        PlanarImg img = ImagePlusImgs.wrap(imp);
        assertEquals(3, img.dimension(2));
        RandomAccess<? extends RealType<?>> ra = img.randomAccess();
        ra.setPosition(new long[]{4, 3, 1});
        assertEquals(1019, ra.get().getRealDouble());
        ((RealType) ra.get()).setReal(7);
        assertEquals(7, ((short[]) imp.getStack().getPixels(2))[19], "written through to the ImagePlus");
    }

    @Test
    void colourImagesAreRefusedWithTheImageName() {
        ImagePlus rgb = new ImagePlus("colour", new ij.process.ColorProcessor(4, 4));
        InputException e = assertThrows(InputException.class, () -> ImagePlusFrameSource.of(rgb));
        assertTrue(e.getMessage().startsWith("colour: an RGB image"), e.getMessage());
    }

    @Test
    void thePipelineRunsOnAnImageAlreadyOpen(@TempDir Path dir) throws Exception {
        try (FrameSource recording = MovieOpener.open(Path.of("test-images", "sim-small"), "", 0)) {
            ImagePlus open = FrameSourceStack.imagePlus("sim-small", recording);
            try (FrameSource movie = ImagePlusFrameSource.of(open)) {
                PipelineResult r = Pipeline.run(movie, PipelineSettings.defaults(), OutputTarget.of(dir.resolve("bundle")),
                        ProgressListener.NONE);
                // the same movie as from its folder: about the 21 cells the file route finds
                assertTrue(r.cells() >= 18, r.cells() + " cells");
                assertEquals(298, TraceTables.read(dir.resolve("bundle").resolve("spikes.csv")).frames());
            }
        }
    }
}
