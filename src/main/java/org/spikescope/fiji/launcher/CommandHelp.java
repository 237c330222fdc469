package org.spikescope.fiji.launcher;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.spikescope.fiji.CommandCatalog;
import org.spikescope.fiji.CommandRunner;
import org.spikescope.fiji.ParameterValues;

import java.util.List;

/** The --help text: every SpikeScope command with its parameters, types, defaults, ranges and choices. */
final class CommandHelp {

    private CommandHelp() {
    }

    static String text(Context context) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: java -jar spikescope.jar --headless --run \"<Command>\" \"key='value',n=3\"\n");
        b.append("       java -jar spikescope.jar --help [\"<Command>\"]\n\nCommands:\n");
        for (CommandInfo info : CommandCatalog.all(context)) {
            b.append(command(context, info));
        }
        return b.toString();
    }

    static String command(Context context, CommandInfo info) {
        StringBuilder b = new StringBuilder();
        b.append("\n\"").append(info.getLabel()).append("\"\n");
        Module module = context.service(ModuleService.class).createModule(info);
        for (ModuleItem<?> item : CommandRunner.userInputs(module)) {
            Object def = module.getInput(item.getName());
            b.append(String.format("  %-18s %-8s", item.getName(), item.getType().getSimpleName()));
            if (def != null && !ParameterValues.format(def).isEmpty()) {
                b.append(" default ").append(ParameterValues.format(def));
            } else if (item.isRequired()) {
                b.append(" required");
            } else {
                b.append(" optional");
            }
            List<?> choices = item.getChoices();
            if (choices != null && !choices.isEmpty()) {
                b.append(" one of ").append(choices);
            }
            if (item.getMinimumValue() != null || item.getMaximumValue() != null) {
                b.append(" range [").append(ParameterValues.format(item.getMinimumValue())).append(", ")
                        .append(ParameterValues.format(item.getMaximumValue())).append("]");
            }
            String label = item.getDescription() != null ? item.getDescription() : item.getLabel();
            if (label != null && !label.isEmpty()) {
                b.append("  — ").append(label);
            }
            b.append('\n');
        }
        for (ModuleItem<?> item : info.outputs()) {
            b.append(String.format("  => %-15s %s%n", item.getName(), item.getType().getSimpleName()));
        }
        return b.toString();
    }
}
