import ij.Executer;
import ij.IJ;
import ij.ImageJ;
import ij.Menus;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

import java.awt.AWTEvent;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The menu, the generated dialog and the macro recorder of an installed SpikeScope, in a real ImageJ 1 with its
 * window up (under Xvfb). Compiled against ij.jar alone by .ci/imagej-check, so SpikeScope's classes come only
 * from the plugins folder, through ImageJ's plugin class loader, as for a user. Starts ImageJ with the recorder
 * open, checks the Plugins › SpikeScope menu holds every command, chooses "Simulate Miniscope Recording" as a menu
 * click does, fills two fields of the dialog, presses OK, and checks that the recording is written and that the
 * recorder holds the call with SpikeScope's parameter names.
 * Arguments: the ImageJ folder holding plugins/ (ImageJ's -ijpath), an output folder.
 */
public final class InstalledDialogCheck {

    public static void main(String[] args) throws Exception {
        System.setProperty("plugins.dir", args[0]);
        Path output = Path.of(args[1]).resolve("dialog-recording");
        new ImageJ();
        Recorder recorder = new Recorder();
        int commands = 0;
        for (Object command : Menus.getCommands().values()) {
            commands += command.toString().startsWith("org.spikescope.fiji.bridge.MacroBridge") ? 1 : 0;
        }
        System.out.println("SpikeScope commands in ImageJ's menus: " + commands);
        new Executer("Simulate Miniscope Recording", null); // what a menu click starts
        GenericDialog dialog = waitForDialog();
        ((TextField) dialog.getStringFields().get(0)).setText(output.toString());
        ((TextField) dialog.getNumericFields().get(0)).setText("120");
        dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], AWTEvent.RESERVED_ID_MAX + 1, "OK"));
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(output.resolve("groundtruth").resolve("spikes.csv"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        String recorded = recorder.getText();
        boolean written = Files.exists(output.resolve("movie.tif"));
        boolean recordedCall = recorded.contains("run(\"Simulate Miniscope Recording\", \"output=" + output + " ")
                && recorded.contains(" frames=120 ");
        System.out.println("Recorder: " + recorded.strip());
        System.out.println("menu entries " + (commands >= 20) + "; recording written " + written
                + "; recorder holds the call " + recordedCall);
        System.exit(commands >= 20 && written && recordedCall ? 0 : 1);
    }

    private static GenericDialog waitForDialog() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog gd && gd.isShowing()) {
                    return gd;
                }
            }
            Thread.sleep(100);
        }
        System.out.println("no dialog appeared");
        IJ.log("no dialog appeared");
        System.exit(2);
        return null;
    }
}
