package org.spikescope.fiji;

import ij.Executer;
import ij.IJ;
import ij.ImageJ;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

import javax.imageio.ImageIO;
import java.awt.AWTEvent;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seen as a person would (needs a display, e.g. Xvfb): starts ImageJ's window with the macro recorder open,
 * chooses Plugins › SpikeScope › Simulate Miniscope Recording as a menu click does, fills two fields of the
 * generated dialog, presses OK, and checks that the recording is written and the recorder holds the macro call
 * with SpikeScope's parameter names. Screenshots of the dialog and of the result go to the given folder.
 * Run: xvfb-run -s "-screen 0 1280x1024x24" java -cp "target/test-classes:target/classes:target/lib/*" \
 * org.spikescope.fiji.DialogAndRecorderCheck /tmp/gui-check
 */
public final class DialogAndRecorderCheck {

    private DialogAndRecorderCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/gui-check"));
        Path output = dir.resolve("recording");
        new ImageJ();
        MenuEntries.install();
        Recorder recorder = new Recorder();
        new Executer("Simulate Miniscope Recording", null); // what a menu click starts
        GenericDialog dialog = waitForDialog();
        ((TextField) dialog.getStringFields().get(0)).setText(output.toString());
        ((TextField) dialog.getNumericFields().get(0)).setText("120");
        Thread.sleep(500);
        screenshot(dir.resolve("dialog.png"));
        dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], AWTEvent.RESERVED_ID_MAX + 1, "OK"));
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(output.resolve("movie.tif")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        screenshot(dir.resolve("after.png"));
        String recorded = recorder.getText();
        System.out.println("Recorder:\n" + recorded);
        boolean written = Files.exists(output.resolve("groundtruth").resolve("spikes.csv"));
        boolean recordedCall = recorded.contains("run(\"Simulate Miniscope Recording\", \"output=" + output)
                && recorded.contains(" frames=120 ") && recorded.contains(" format=tiff ");
        System.out.println("recording written: " + written + "; recorder holds the call: " + recordedCall);
        boolean deconvolved = deconvolveShowsTablesAndPlot(output, dir);
        System.exit(written && recordedCall && deconvolved ? 0 : 1);
    }

    /** "Deconvolve Spikes" on the simulated calcium (plus noise) with the GUI up: tables and the cell plot. */
    private static boolean deconvolveShowsTablesAndPlot(Path recording, Path dir) throws Exception {
        org.spikescope.io.CsvTable calcium = org.spikescope.io.CsvTable.read(
                recording.resolve("groundtruth").resolve("calcium.csv"));
        java.util.Random noise = new java.util.Random(1);
        double[][] columns = calcium.columns().clone();
        for (int c = 1; c < columns.length; c++) {
            columns[c] = columns[c].clone();
            for (int t = 0; t < columns[c].length; t++) {
                columns[c][t] = 0.2 * columns[c][t] + 0.03 * noise.nextGaussian();
            }
        }
        Path traces = dir.resolve("traces.csv");
        new org.spikescope.io.CsvTable(calcium.header(), columns).write(traces);
        IJ.run("Deconvolve Spikes", "input=[" + traces + "] output=[" + dir.resolve("spikes.csv") + "] plotCell=cell_002");
        Thread.sleep(1500);
        screenshot(dir.resolve("deconvolution.png"));
        java.util.List<String> windows = java.util.Arrays.asList(ij.WindowManager.getNonImageTitles());
        boolean tables = windows.contains("Spikes") && windows.contains("Deconvolution Parameters");
        ij.ImagePlus plot = ij.WindowManager.getImage("cell_002");
        System.out.println("deconvolution tables shown: " + tables + "; plot shown: " + (plot != null));
        return tables && plot != null;
    }

    private static GenericDialog waitForDialog() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog gd && gd.isShowing()) {
                    return gd;
                }
            }
            Thread.sleep(100);
        }
        IJ.log("no dialog appeared");
        System.exit(2);
        return null;
    }

    private static void screenshot(Path file) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", file.toFile());
        for (Frame f : Frame.getFrames()) {
            f.toFront();
        }
    }
}
