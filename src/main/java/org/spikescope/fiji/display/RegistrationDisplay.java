package org.spikescope.fiji.display;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import org.spikescope.register.RegistrationOutputs;
import org.spikescope.register.RegistrationResult;

import java.awt.GraphicsEnvironment;

/**
 * Fiji's view of a registration: the registered cells table (headless, the Results table for macros), the
 * sessions' alignment table, and the aligned sessions overlaid, one colour each, registered cells outlined.
 */
public final class RegistrationDisplay {

    public static final String CELLS_TABLE = "Registered Cells";
    public static final String ALIGNMENT_TABLE = "Session Alignment";

    private RegistrationDisplay() {
    }

    public static void show(RegistrationResult r) {
        if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
            Tables.show(CELLS_TABLE, RegistrationOutputs.cellMap(r));
            return;
        }
        Tables.show(ALIGNMENT_TABLE, RegistrationOutputs.alignment(r));
        Tables.show(CELLS_TABLE, RegistrationOutputs.cellMap(r));
        new ImagePlus("Registered sessions", new ColorProcessor(r.referenceWidth(), r.referenceHeight(),
                RegistrationOutputs.overlay(r))).show();
    }
}
