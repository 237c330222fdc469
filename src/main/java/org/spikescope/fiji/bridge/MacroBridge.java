package org.spikescope.fiji.bridge;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginService;
import org.spikescope.fiji.CommandCatalog;
import org.spikescope.fiji.CommandRunner;
import org.spikescope.core.ErrorMessages;
import org.spikescope.fiji.ParameterValues;

import java.awt.GraphicsEnvironment;
import java.util.Map;

/**
 * The one ImageJ 1 entry point for every SpikeScope command ({@code plugins.config} names the command class as
 * the argument). From a macro, {@code run("Label", "key=value key2=[a b]")} passes options; from the menu, a
 * dialog generated from the command's inputs asks for them, and the macro recorder records the call.
 */
public class MacroBridge implements PlugIn {

    private static Context ownContext;

    @Override
    public void run(String commandClass) {
        Context context = context();
        CommandInfo info;
        try {
            info = CommandCatalog.find(context, commandClass);
        } catch (RuntimeException e) {
            IJ.error("SpikeScope", ErrorMessages.describe(e));
            return;
        }
        String label = info.getLabel();
        String options = Macro.getOptions();
        Map<String, String> values;
        if (options != null) {
            values = MacroOptions.parse(options);
        } else if (GraphicsEnvironment.isHeadless()) {
            IJ.error(label, "running headless needs options, e.g. run(\"" + label + "\", \"key=value\")");
            return;
        } else {
            values = CommandDialog.show(label, context.service(ModuleService.class).createModule(info));
            if (values == null) {
                return;
            }
            if (Recorder.record) {
                Recorder.disableCommandRecording();
                Recorder.recordString("run(\"" + label + "\", \"" + MacroOptions.format(values) + "\");\n");
            }
        }
        Map<String, Object> outputs;
        try {
            outputs = CommandRunner.run(context, info, values);
        } catch (Throwable t) {
            if (!ErrorMessages.isUserError(t)) {
                IJ.log("SpikeScope: \"" + label + "\" failed\n" + stackTrace(t));
            }
            IJ.error(label, ErrorMessages.describe(t));
            Macro.abort();
            return;
        }
        show(label, outputs);
    }

    private static void show(String label, Map<String, Object> outputs) {
        IJ.showProgress(1.0);
        IJ.showStatus(label + ": done");
        StringBuilder log = new StringBuilder();
        for (Map.Entry<String, Object> e : outputs.entrySet()) {
            if (e.getValue() instanceof ImagePlus imp) {
                if (GraphicsEnvironment.isHeadless()) {
                    WindowManager.setTempCurrentImage(imp);
                } else {
                    imp.show();
                }
            } else if (e.getValue() != null) {
                log.append("  ").append(e.getKey()).append(" = ").append(ParameterValues.format(e.getValue()))
                        .append('\n');
            }
        }
        if (log.length() > 0) {
            IJ.log(label + ":\n" + log.toString().stripTrailing());
        }
    }

    /** Fiji's context when ImageJ2 runs (imagej-legacy hands it out), otherwise one of our own. */
    static synchronized Context context() {
        try {
            Class.forName("net.imagej.legacy.IJ1Helper");
            Object context = IJ.runPlugIn("org.scijava.Context", "");
            if (context instanceof Context c) {
                return c;
            }
        } catch (ClassNotFoundException e) {
            // plain ImageJ 1: no shared context
        }
        if (ownContext == null) {
            ownContext = new Context(PluginService.class, CommandService.class, ModuleService.class);
        }
        return ownContext;
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
