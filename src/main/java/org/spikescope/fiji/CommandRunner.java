package org.spikescope.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.spikescope.core.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a command from text inputs, the one path shared by the headless launcher and the ImageJ 1 macro bridge:
 * every given key must be a parameter, every value must convert, and required inputs without a default must be
 * given. Runs in the calling thread and returns the outputs by name.
 */
public final class CommandRunner {

    private CommandRunner() {
    }

    public static Map<String, Object> run(Context context, CommandInfo info, Map<String, String> given) {
        ModuleService modules = context.service(ModuleService.class);
        Module module = modules.createModule(info);
        Map<String, ModuleItem<?>> inputs = inputsByLowerName(module);
        for (Map.Entry<String, String> e : given.entrySet()) {
            ModuleItem<?> item = inputs.get(e.getKey().toLowerCase(Locale.ROOT));
            if (item == null) {
                throw new InputException("\"" + info.getLabel() + "\" has no parameter '" + e.getKey()
                        + "'; its parameters: " + String.join(", ", names(module)));
            }
            Object value = ParameterValues.canonical(item, ParameterValues.convert(item, e.getValue()));
            module.setInput(item.getName(), value);
        }
        for (ModuleItem<?> item : module.getInfo().inputs()) {
            if (item.getType() == ImagePlus.class && module.getInput(item.getName()) == null) {
                // as Fiji fills an image parameter: the active image (none when headless)
                module.setInput(item.getName(), WindowManager.getCurrentImage());
            }
            if (isUserInput(item) && item.isRequired() && module.getInput(item.getName()) == null) {
                throw new InputException("\"" + info.getLabel() + "\" needs parameter '" + item.getName() + "' ("
                        + (item.getDescription() != null ? item.getDescription() : item.getLabel()) + ")");
            }
            module.resolveInput(item.getName());
        }
        module.run();
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (ModuleItem<?> item : module.getInfo().outputs()) {
            outputs.put(item.getName(), module.getOutput(item.getName()));
        }
        return outputs;
    }

    /** The inputs a user sets: not services, not the context. */
    public static List<ModuleItem<?>> userInputs(Module module) {
        List<ModuleItem<?>> items = new ArrayList<>();
        for (ModuleItem<?> item : module.getInfo().inputs()) {
            if (isUserInput(item)) {
                items.add(item);
            }
        }
        return items;
    }

    /** Not services, the context or images (an image comes from Fiji or a script, not from text). */
    static boolean isUserInput(ModuleItem<?> item) {
        Class<?> t = item.getType();
        return !org.scijava.service.Service.class.isAssignableFrom(t) && t != Context.class && t != ImagePlus.class;
    }

    private static Map<String, ModuleItem<?>> inputsByLowerName(Module module) {
        Map<String, ModuleItem<?>> map = new LinkedHashMap<>();
        for (ModuleItem<?> item : userInputs(module)) {
            map.put(item.getName().toLowerCase(Locale.ROOT), item);
        }
        return map;
    }

    private static List<String> names(Module module) {
        return userInputs(module).stream().map(ModuleItem::getName).toList();
    }
}
