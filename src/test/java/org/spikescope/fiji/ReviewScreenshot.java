package org.spikescope.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.frame.RoiManager;
import org.spikescope.fiji.display.ReviewWindow;

import javax.imageio.ImageIO;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * "Review Cells" as a person uses it (needs a display, e.g. Xvfb): the pipeline on the bundled recording, then the
 * review window on its bundle (movie, buttons and cells table at the left, ROI Manager and the cell's plot beside);
 * cell 3 selected in the ROI Manager and rejected with the button, cell 5's ROI deleted from the ROI Manager,
 * Apply; a screenshot is saved. Exits 1 unless the bundle then holds both decisions and
 * neither cell's trace, and the selected cell's footprint is shown.
 * Run: xvfb-run -s "-screen 0 1600x1000x24" java -cp "target/test-classes:target/classes:target/lib/*" \
 * org.spikescope.fiji.ReviewScreenshot /tmp/review-screenshot.png
 */
public final class ReviewScreenshot {

    private ReviewScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args.length > 0 ? args[0] : "/tmp/review-screenshot.png").toAbsolutePath();
        Path bundle = PipelineScreenshot.pipelineInImageJ("spikescope-review");
        for (int id : WindowManager.getIDList()) {
            WindowManager.getImage(id).close();
        }
        for (Frame f : Frame.getFrames()) {
            if (f.isShowing() && !(f instanceof ImageJ) && !"ROI Manager".equals(f.getTitle())
                    && !"Cells".equals(f.getTitle())) {
                f.dispose(); // the pipeline's other tables and log: the review stands alone
            }
        }
        IJ.run("Review Cells", "bundle=[" + bundle + "]");
        Thread.sleep(1500);
        ReviewWindow review = null;
        for (Frame f : Frame.getFrames()) {
            if (f instanceof ReviewWindow w && f.isShowing()) {
                review = w;
            }
        }
        ImagePlus image = null;
        for (int id : WindowManager.getIDList()) {
            if (WindowManager.getImage(id).getTitle().startsWith(ReviewWindow.TITLE)) {
                image = WindowManager.getImage(id);
            }
        }
        if (review == null || image == null) {
            System.out.println("no review window or image");
            System.exit(1);
        }
        IJ.run(image, "Set... ", "zoom=300");
        RoiManager manager = RoiManager.getInstance();
        manager.select(image, 2);
        review.press("Reject");
        manager.select(image, 4);
        manager.runCommand("Delete");
        review.press("Apply");
        manager.select(image, 5);
        Thread.sleep(1500);
        arrange(image, review);
        Thread.sleep(1000);
        ImageIO.write(new Robot().createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize())),
                "png", png.toFile());
        String decisions = Files.readString(bundle.resolve("curation.csv"));
        String traces = Files.readAllLines(bundle.resolve("traces.csv")).get(0);
        boolean footprint = java.util.Arrays.stream(WindowManager.getImageTitles()).anyMatch(t -> t.startsWith(
                "footprint: cell_"));
        boolean done = decisions.contains("cell_003,rejected,,user") && decisions.contains("cell_005,rejected,,user")
                && !traces.contains("cell_003") && !traces.contains("cell_005") && footprint;
        System.out.println("decisions:\n" + decisions + "traces: " + traces + "\nscreenshot " + png);
        System.exit(done ? 0 : 1);
    }

    /** The movie zoomed in at the left, the buttons under it, the ROI Manager and the cell's plot to its right. */
    private static void arrange(ImagePlus image, ReviewWindow review) {
        java.awt.Window movie = image.getWindow();
        movie.setLocation(0, 90);
        review.setLocation(0, 95 + movie.getHeight());
        review.toFront();
        int x = movie.getWidth() + 5;
        Frame manager = RoiManager.getInstance();
        manager.setBounds(x, 90, 260, 460);
        x += 265;
        int y = 90;
        for (int id : WindowManager.getIDList()) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp != image && imp.getWindow() != null && !imp.getTitle().startsWith("summary")) {
                imp.getWindow().setLocation(x, y); // the cell's plot, then its footprint under it
                y += imp.getWindow().getHeight() + 5;
            }
        }
        for (int id : WindowManager.getIDList()) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp.getTitle().startsWith("summary") && imp.getWindow() != null) {
                IJ.run(imp, "Set... ", "zoom=50");
                imp.getWindow().setLocation(x + 150, y - 140); // beside the footprint
            }
        }
        for (Frame f : Frame.getFrames()) {
            if (f.isShowing() && "Cells".equals(f.getTitle())) {
                f.setBounds(review.getX(), review.getY() + review.getHeight() + 5, 560, 300);
            }
        }
        review.toFront();
    }
}
