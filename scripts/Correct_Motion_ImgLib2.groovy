#@ ImagePlus imp
#@ double (label = "Maximum shift (px)", value = 10) maxShift
#@output Object corrected
#@output Object shifts
// Motion correction of the open image as an ImgLib2 image (wrapped, not copied); the corrected movie, held in
// memory, is shown beside the original.
import org.spikescope.SpikeScope
import org.spikescope.fiji.ImagePlusImgs
import org.spikescope.motion.MotionSettings

def motion = SpikeScope.correctMotion(ImagePlusImgs.wrap(imp), MotionSettings.defaults().withMaxShift(maxShift))
corrected = motion.corrected()                // PlanarImg<FloatType>: x, y, t
shifts = motion.shifts()                      // x(), y(): pixels per frame
ImagePlusImgs.toImagePlus(corrected, imp.getTitle() + " corrected").show()
ij.IJ.run("Tile")
