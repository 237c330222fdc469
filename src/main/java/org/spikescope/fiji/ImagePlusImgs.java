package org.spikescope.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import org.spikescope.core.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Zero-copy ImgLib2 views of an ImagePlus held in memory: a PlanarImg (x, y, plane) over the stack's own pixel
 * arrays, so a change on either side shows on the other. (imglib2-ij is not on Maven Central.)
 */
public final class ImagePlusImgs {

    private ImagePlusImgs() {
    }

    /** The other way, zero-copy: a float image of planes (x, y, t; as SpikeScope's corrected movies) as a stack. */
    public static ImagePlus toImagePlus(PlanarImg<FloatType, FloatArray> img, String title) {
        if (img.numDimensions() != 3) {
            throw new InputException(title + ": " + img.numDimensions() + " dimensions; expected x, y, t");
        }
        ImageStack stack = new ImageStack((int) img.dimension(0), (int) img.dimension(1));
        for (int t = 0; t < img.numSlices(); t++) {
            stack.addSlice(null, img.getPlane(t).getCurrentStorageArray());
        }
        return new ImagePlus(title, stack);
    }

    public static PlanarImg<?, ?> wrap(ImagePlus imp) {
        ImageStack stack = imp.getStack();
        if (stack.isVirtual()) {
            throw new InputException(imp.getTitle() + ": a virtual stack has no pixel arrays to wrap; read it "
                    + "frame by frame instead");
        }
        long[] dims = {imp.getWidth(), imp.getHeight(), stack.getSize()};
        switch (imp.getBitDepth()) {
            case 8 -> {
                List<ByteArray> planes = new ArrayList<>();
                for (int i = 1; i <= stack.getSize(); i++) {
                    planes.add(new ByteArray((byte[]) stack.getPixels(i)));
                }
                PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(planes, dims, new Fraction());
                img.setLinkedType(new UnsignedByteType(img));
                return img;
            }
            case 16 -> {
                List<ShortArray> planes = new ArrayList<>();
                for (int i = 1; i <= stack.getSize(); i++) {
                    planes.add(new ShortArray((short[]) stack.getPixels(i)));
                }
                PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(planes, dims, new Fraction());
                img.setLinkedType(new UnsignedShortType(img));
                return img;
            }
            case 32 -> {
                List<FloatArray> planes = new ArrayList<>();
                for (int i = 1; i <= stack.getSize(); i++) {
                    planes.add(new FloatArray((float[]) stack.getPixels(i)));
                }
                PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dims, new Fraction());
                img.setLinkedType(new FloatType(img));
                return img;
            }
            default -> throw new InputException(imp.getTitle() + ": " + imp.getBitDepth()
                    + "-bit colour images are not calcium movies; convert to 8, 16 or 32-bit grey first");
        }
    }
}
