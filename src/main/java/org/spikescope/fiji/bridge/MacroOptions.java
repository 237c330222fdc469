package org.spikescope.fiji.bridge;

import org.spikescope.core.InputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ImageJ 1 macro options, {@code key=value key2=[a value with spaces] flag}: parsed into a map (a bare key
 * means true) and written back the way the macro recorder writes them.
 */
public final class MacroOptions {

    private MacroOptions() {
    }

    public static Map<String, String> parse(String options) {
        Map<String, String> values = new LinkedHashMap<>();
        String s = options == null ? "" : options;
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String key = s.substring(start, i);
            if (i >= n || s.charAt(i) != '=') {
                values.put(key, "true");
                continue;
            }
            i++;
            String value;
            if (i < n && (s.charAt(i) == '[' || s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                char close = s.charAt(i) == '[' ? ']' : s.charAt(i);
                int end = s.indexOf(close, i + 1);
                if (end < 0) {
                    throw new InputException("macro option '" + key + "': the value has no closing " + close);
                }
                value = s.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                value = s.substring(i, end);
                i = end;
            }
            values.put(key, value);
        }
        return values;
    }

    /** Options as the recorder writes them: values with spaces (or empty) in square brackets. */
    public static String format(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            String v = e.getValue();
            boolean bracket = v.isEmpty() || v.chars().anyMatch(Character::isWhitespace) || v.contains("=");
            b.append(e.getKey()).append('=').append(bracket ? "[" + v + "]" : v);
        }
        return b.toString();
    }
}
