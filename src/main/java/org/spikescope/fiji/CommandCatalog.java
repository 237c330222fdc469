package org.spikescope.fiji;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.spikescope.core.InputException;

import java.util.Comparator;
import java.util.List;

/** The SpikeScope commands known to a SciJava context, found by label or class name. */
public final class CommandCatalog {

    /** Commands of this package (tests keep theirs in org.spikescope.testplugins, out of the catalogue). */
    private static final String PACKAGE = "org.spikescope.fiji.commands.";

    private CommandCatalog() {
    }

    public static List<CommandInfo> all(Context context) {
        return context.service(CommandService.class).getCommands().stream()
                .filter(c -> c.getDelegateClassName().startsWith(PACKAGE))
                .sorted(Comparator.comparing(CommandInfo::getLabel))
                .toList();
    }

    /** The command whose label (any case) or class name is {@code name}. */
    public static CommandInfo find(Context context, String name) {
        List<CommandInfo> commands = all(context);
        for (CommandInfo c : commands) {
            if (name.equalsIgnoreCase(c.getLabel()) || name.equals(c.getDelegateClassName())
                    || name.equals(c.getDelegateClassName().substring(c.getDelegateClassName().lastIndexOf('.') + 1))) {
                return c;
            }
        }
        throw new InputException("no SpikeScope command named '" + name + "'; commands: "
                + String.join(", ", commands.stream().map(c -> "\"" + c.getLabel() + "\"").toList()));
    }
}
