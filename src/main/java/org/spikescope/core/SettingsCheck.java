package org.spikescope.core;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a settings record, so that one message names every bad field and its rule. */
public final class SettingsCheck {

    private final String what;
    private final List<String> problems = new ArrayList<>();

    public SettingsCheck(String what) {
        this.what = what;
    }

    public SettingsCheck positive(String name, double value) {
        return require(value > 0, name + " must be positive (got " + show(value) + ")");
    }

    public SettingsCheck nonNegative(String name, double value) {
        return require(value >= 0, name + " must be 0 or more (got " + show(value) + ")");
    }

    public SettingsCheck between(String name, double value, double low, double high) {
        return require(value >= low && value <= high,
                name + " must be between " + show(low) + " and " + show(high) + " (got " + show(value) + ")");
    }

    public SettingsCheck oneOf(String name, String value, List<String> allowed) {
        return require(allowed.contains(value), name + " must be one of " + allowed + " (got '" + value + "')");
    }

    /** Adds {@code message} unless {@code ok}; NaN comparisons are false, so NaN fails every rule. */
    public SettingsCheck require(boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
        return this;
    }

    /** Whole numbers without a trailing ".0", as the user typed them. */
    private static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Throws an {@link InputException} listing every problem found, if any. */
    public void done() {
        if (!problems.isEmpty()) {
            throw new InputException(what + ": " + String.join("; ", problems));
        }
    }
}
