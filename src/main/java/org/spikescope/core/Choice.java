package org.spikescope.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An enum constant of a setting with the label users type and read ("piecewise", "AR1"): settings hold enums, so
 * a misspelt choice fails where it is parsed, naming the field and what it may be, and JSON keeps the labels
 * (each enum marks {@link #label()} as its {@code @JsonValue}; {@code Json.MAPPER} matches it case-insensitively).
 */
public interface Choice {

    String label();

    /**
     * The constant whose label or name matches {@code value}, ignoring case and surrounding spaces.
     *
     * @throws InputException naming {@code field} and the labels allowed
     */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String value, String field) {
        String v = value == null ? "" : value.trim();
        for (E e : type.getEnumConstants()) {
            if (e.label().equalsIgnoreCase(v) || e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new InputException("parameter '" + field + "': '" + v + "' is not one of " + labels(type));
    }

    /** Comma-separated choices, as macros give a list ("logistic, lstm"). */
    static <E extends Enum<E> & Choice> List<E> parseList(Class<E> type, String values, String field) {
        return Arrays.stream((values == null ? "" : values).split(",")).filter(v -> !v.isBlank())
                .map(v -> parse(type, v, field)).toList();
    }

    static <E extends Enum<E> & Choice> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::label).toList();
    }

    /** The usual label: the constant's name in lower case. */
    static String lowerCase(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
