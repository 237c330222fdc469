package org.spikescope.fiji.bridge;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
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

    /**
     * ImageJ 1 loads plugins with its own class loader, which SciJava must search for its plugins and services:
     * the command runs with it as the thread's context class loader (Fiji's own loader sees them already).
     */
    @Override
    public void run(String commandClass) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MacroBridge.class.getClassLoader());
        try {
            runCommand(commandClass);
        } catch (RuntimeException | Error e) {
            if (isMacroAbort(e)) {
                throw e;
            }
            fail("SpikeScope", e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * Reports a failure in one line (a stack trace in the Log only for bugs) and stops the calling macro. With no
     * ImageJ window (batch runs: {@code -batch}, headless) the line goes to the Log, which batch runs print: a
     * dialog there would wait for a click that never comes.
     */
    private static void fail(String label, Throwable t) {
        if (!ErrorMessages.isUserError(t)) {
            IJ.log("SpikeScope: \"" + label + "\" failed\n" + stackTrace(t));
        }
        String message = ErrorMessages.describe(t);
        if (IJ.getInstance() == null || GraphicsEnvironment.isHeadless()) {
            IJ.log("Error: " + label + ": " + message);
        } else {
            IJ.error(label, message);
        }
        if (Interpreter.getInstance() != null) {
            Interpreter.abort(); // the macro stops after this statement
        }
        Macro.abort();
    }

    private static boolean isMacroAbort(Throwable t) {
        return t instanceof RuntimeException && Macro.MACRO_CANCELED.equals(t.getMessage());
    }

    private void runCommand(String commandClass) {
        Context context = context();
        CommandInfo info = CommandCatalog.find(context, commandClass);
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
        } catch (RuntimeException | Error t) {
            fail(label, t);
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
