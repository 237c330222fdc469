package org.spikescope.fiji;

import org.scijava.module.ModuleItem;
import org.spikescope.core.InputException;

import java.io.File;
import java.util.List;
import java.util.Locale;

/** Turns the text a user typed (macro options, headless arguments, dialogs) into a command's typed input. */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** Converts {@code raw} for {@code item}, checking type, range and choices; the message names the parameter. */
    public static Object convert(ModuleItem<?> item, String raw) {
        Class<?> type = item.getType();
        String name = item.getName();
        String text = raw.trim();
        Object value;
        try {
            if (type == int.class || type == Integer.class) {
                double d = Double.parseDouble(text);
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                value = (int) d;
            } else if (type == long.class || type == Long.class) {
                double d = Double.parseDouble(text);
                if (d != Math.rint(d)) {
                    throw new NumberFormatException();
                }
                value = Long.parseLong(text.contains(".") || text.contains("e") || text.contains("E")
                        ? Long.toString((long) d) : text);
            } else if (type == double.class || type == Double.class) {
                value = Double.parseDouble(text);
            } else if (type == float.class || type == Float.class) {
                value = Float.parseFloat(text);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new NumberFormatException();
                }
                value = Boolean.parseBoolean(text);
            } else if (type == File.class) {
                value = text.isEmpty() ? null : new File(text);
            } else if (type == String.class) {
                value = raw;
            } else {
                throw new InputException("parameter '" + name + "' has type " + type.getSimpleName()
                        + ", which cannot be given as text");
            }
        } catch (NumberFormatException e) {
            throw new InputException("parameter '" + name + "': '" + raw + "' is not " + describe(type));
        }
        checkChoices(item, value);
        checkRange(item, value);
        return value;
    }

    private static void checkChoices(ModuleItem<?> item, Object value) {
        List<?> choices = item.getChoices();
        if (choices == null || choices.isEmpty() || !(value instanceof String s)) {
            return;
        }
        for (Object c : choices) {
            if (c.toString().equalsIgnoreCase(s.trim())) {
                return;
            }
        }
        throw new InputException("parameter '" + item.getName() + "': '" + value + "' is not one of " + choices);
    }

    /** The choice as the command spells it (users may type another case). */
    public static Object canonical(ModuleItem<?> item, Object value) {
        List<?> choices = item.getChoices();
        if (value instanceof String s && choices != null) {
            for (Object c : choices) {
                if (c.toString().equalsIgnoreCase(s.trim())) {
                    return c.toString();
                }
            }
        }
        return value;
    }

    private static void checkRange(ModuleItem<?> item, Object value) {
        if (!(value instanceof Number n)) {
            return;
        }
        double v = n.doubleValue();
        Object min = item.getMinimumValue();
        Object max = item.getMaximumValue();
        if (!Double.isFinite(v)) {
            throw new InputException("parameter '" + item.getName() + "': " + value + " is not a finite number");
        }
        if (min instanceof Number lo && v < lo.doubleValue()) {
            throw new InputException("parameter '" + item.getName() + "': " + format(value) + " is below the minimum "
                    + format(lo));
        }
        if (max instanceof Number hi && v > hi.doubleValue()) {
            throw new InputException("parameter '" + item.getName() + "': " + format(value) + " is above the maximum "
                    + format(hi));
        }
    }

    static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** A value as a user would type it back. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof File f) {
            return f.getPath();
        }
        return value.toString();
    }

    /** Numbers typed as one text parameter ('1500,4500', '0.001, 0.01'); the message names the parameter. */
    public static double[] numbers(String parameter, String text, int count, String example) {
        String[] parts = text == null ? new String[0] : text.replace("'", "").trim().split("[,;\\s]+");
        try {
            double[] out = java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).mapToDouble(Double::parseDouble)
                    .toArray();
            if (count < 0 ? out.length > 0 : out.length == count) {
                return out;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new org.spikescope.core.InputException("parameter '" + parameter + "': expected "
                + (count < 0 ? "numbers" : count + " numbers") + " separated by commas (e.g. '" + example + "'), got '"
                + text + "'");
    }
}
