package org.spikescope.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;

import javax.imageio.ImageIO;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Seen as a person would (needs a display, e.g. Xvfb): starts ImageJ's window, runs "Run SpikeScope Pipeline" on the
 * bundled recording as a macro does, lays out what it shows (the corrected movie with the outlines coloured by spike
 * rate, the summary image, the tables and the raster plot), selects cell 3 in the ROI Manager (its trace,
 * calcium and spikes plot appears) and saves a screenshot. Exits 1 if a window is missing.
 * Run: xvfb-run -s "-screen 0 2500x1000x24" java -cp "target/test-classes:target/classes:target/lib/*" \
 * org.spikescope.fiji.PipelineScreenshot /tmp/pipeline-screenshot.png
 */
public final class PipelineScreenshot {

    private PipelineScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args.length > 0 ? args[0] : "/tmp/pipeline-screenshot.png").toAbsolutePath();
        pipelineInImageJ("spikescope-screenshot");
        Thread.sleep(2000);
        arrange();
        Thread.sleep(1000);
        // a click on cell 3 in the ROI Manager, with the movie in front, shows that cell's plot
        ImagePlus movie = WindowManager.getImage("motion corrected, cells coloured by spike rate");
        WindowManager.setTempCurrentImage(movie);
        ij.plugin.frame.RoiManager.getInstance().select(movie, 2);
        Thread.sleep(1500);
        ImagePlus cellPlot = WindowManager.getImage("cell_003");
        if (cellPlot != null && cellPlot.getWindow() != null) {
            int right = 0;
            for (int id : WindowManager.getIDList()) {
                Window w = WindowManager.getImage(id).getWindow();
                if (w != null && WindowManager.getImage(id) != cellPlot) {
                    right = Math.max(right, w.getX() + w.getWidth());
                }
            }
            cellPlot.getWindow().setLocation(right + 5, 90);
        }
        Thread.sleep(1000);
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", png.toFile());
        List<String> tables = Arrays.asList(WindowManager.getNonImageTitles());
        boolean complete = tables.containsAll(List.of("Cells", "Spikes", "Cell Traces"))
                && WindowManager.getImageCount() >= 3 && WindowManager.getImage("cell_003") != null;
        System.out.println("windows: " + tables + ", images: " + Arrays.toString(WindowManager.getImageTitles())
                + "; screenshot " + png);
        System.exit(complete ? 0 : 1);
    }

    /** Starts ImageJ's window with SpikeScope's menus and runs the pipeline on the bundled recording, as a macro. */
    static Path pipelineInImageJ(String folderPrefix) throws Exception {
        Path bundle = Files.createTempDirectory(folderPrefix).resolve("bundle");
        new ImageJ();
        MenuEntries.install();
        IJ.run("Run SpikeScope Pipeline", "input=[" + Path.of("test-images", "sim-small").toAbsolutePath()
                + "] output=[" + bundle + "]");
        return bundle;
    }

    /** Images along the top (the movie zoomed in), tables and plots below, so that nothing hides anything. */
    private static void arrange() {
        Window log = WindowManager.getWindow("Log");
        if (log != null) {
            log.setVisible(false);
        }
        int x = 0;
        for (int id : WindowManager.getIDList()) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp.getStackSize() > 1) {
                imp.setSlice(imp.getStackSize() / 2);
                IJ.run(imp, "Set... ", "zoom=300");
            }
            Window w = imp.getWindow();
            if (w != null) {
                w.setLocation(x, 90);
                x += w.getWidth() + 5;
            }
        }
        int y = 620;
        int tx = 0;
        for (Frame f : Frame.getFrames()) {
            if (f.isShowing() && f.getTitle() != null && List.of("Cells", "Spikes", "Cell Traces", "ROI Manager")
                    .contains(f.getTitle())) {
                f.setBounds(tx, y, 390, 360);
                tx += 395;
                f.toFront();
            }
        }
    }
}
