package org.spikescope.fiji.launcher;

import ij.ImagePlus;
import net.imglib2.parallel.Parallelization;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginService;
import org.spikescope.fiji.CommandCatalog;
import org.spikescope.fiji.CommandRunner;
import org.spikescope.core.ErrorMessages;
import org.spikescope.fiji.ParameterValues;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar spikescope.jar --headless --run "<Command>" "key='value',n=3"}: runs a SpikeScope command
 * with Fiji's headless syntax, prints its outputs, and exits 0, 2 for bad input (one line naming it) or 1 for
 * an internal error.
 */
public final class HeadlessLauncher {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private HeadlessLauncher() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // no logging backend is bundled (Fiji brings its own): keep SLF4J's notice about that quiet
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = null;
        String options = "";
        boolean help = false;
        int threads = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--headless" -> {
                }
                case "--help", "-h" -> help = true;
                case "--threads" -> {
                    threads = i + 1 < args.length && args[i + 1].matches("[1-9][0-9]{0,3}")
                            ? Integer.parseInt(args[++i]) : -1;
                    if (threads < 0) {
                        err.println("Error: --threads needs a whole number of threads from 1, e.g. --threads 2");
                        return BAD_INPUT;
                    }
                }
                case "--run" -> {
                    if (i + 1 >= args.length) {
                        err.println("Error: --run needs a command name, e.g. --run \"Open Miniscope Recording\"");
                        return BAD_INPUT;
                    }
                    command = args[++i];
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        options = args[++i];
                    }
                }
                default -> {
                    if (help && command == null) {
                        command = args[i];
                    } else {
                        err.println("Error: unexpected argument '" + args[i] + "'; try --help");
                        return BAD_INPUT;
                    }
                }
            }
        }
        if (command == null && !help) {
            err.println("Error: nothing to do; try --help");
            return BAD_INPUT;
        }
        try (Context context = new Context(PluginService.class, CommandService.class, ModuleService.class)) {
            if (help) {
                out.print(command == null ? CommandHelp.text(context)
                        : CommandHelp.command(context, CommandCatalog.find(context, command)));
                return OK;
            }
            CommandInfo info = CommandCatalog.find(context, command);
            Map<String, String> given = RunArguments.parse(options);
            // the thread count reaches every stage through ImgLib2's Parallelization (see core.Workers)
            Map<String, Object> outputs = threads > 0
                    ? Parallelization.runWithNumThreads(threads, () -> CommandRunner.run(context, info, given))
                    : CommandRunner.run(context, info, given);
            for (Map.Entry<String, Object> e : outputs.entrySet()) {
                out.println(e.getKey() + " = " + printable(e.getValue()));
            }
            return OK;
        } catch (Throwable t) {
            err.println("Error: " + ErrorMessages.describe(t));
            if (!ErrorMessages.isUserError(t)) {
                t.printStackTrace(err);
                return FAILED;
            }
            return BAD_INPUT;
        }
    }

    private static String printable(Object value) {
        if (value instanceof ImagePlus imp) {
            return "image '" + imp.getTitle() + "' " + imp.getWidth() + "x" + imp.getHeight() + "x"
                    + imp.getStackSize() + " (" + imp.getBitDepth() + "-bit)";
        }
        return ParameterValues.format(value);
    }
}
