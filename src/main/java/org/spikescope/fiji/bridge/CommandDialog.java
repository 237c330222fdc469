package org.spikescope.fiji.bridge;

import ij.gui.GenericDialog;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.spikescope.fiji.CommandRunner;
import org.spikescope.fiji.ParameterValues;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A GenericDialog generated from a command's inputs; returns the values as macro-option text. */
final class CommandDialog {

    private CommandDialog() {
    }

    /** Shows the dialog; null when cancelled. */
    static Map<String, String> show(String title, Module defaults) {
        GenericDialog gd = new GenericDialog(title);
        List<ModuleItem<?>> items = CommandRunner.userInputs(defaults);
        for (ModuleItem<?> item : items) {
            String label = item.getLabel() != null && !item.getLabel().isEmpty() ? item.getLabel() : item.getName();
            Object value = defaults.getInput(item.getName());
            Class<?> type = item.getType();
            List<?> choices = item.getChoices();
            if (choices != null && !choices.isEmpty()) {
                gd.addChoice(label, choices.stream().map(Object::toString).toArray(String[]::new),
                        value == null ? choices.get(0).toString() : value.toString());
            } else if (type == boolean.class || type == Boolean.class) {
                gd.addCheckbox(label, Boolean.TRUE.equals(value));
            } else if (Number.class.isAssignableFrom(box(type))) {
                double v = value == null ? 0 : ((Number) value).doubleValue();
                boolean whole = type == int.class || type == long.class || type == Integer.class
                        || type == Long.class;
                gd.addNumericField(label, v, whole ? 0 : 3);
            } else if (type == File.class && "directory".equals(item.getWidgetStyle())) {
                gd.addDirectoryField(label, ParameterValues.format(value));
            } else if (type == File.class) {
                gd.addFileField(label, ParameterValues.format(value));
            } else {
                gd.addStringField(label, ParameterValues.format(value), 30);
            }
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ModuleItem<?> item : items) {
            Class<?> type = item.getType();
            List<?> choices = item.getChoices();
            String text;
            if (choices != null && !choices.isEmpty()) {
                text = gd.getNextChoice();
            } else if (type == boolean.class || type == Boolean.class) {
                text = Boolean.toString(gd.getNextBoolean());
            } else if (Number.class.isAssignableFrom(box(type))) {
                text = ParameterValues.format(gd.getNextNumber());
            } else {
                text = gd.getNextString();
            }
            values.put(item.getName(), text);
        }
        return values;
    }

    private static Class<?> box(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        return type;
    }
}
