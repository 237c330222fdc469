package org.spikescope.fiji.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spikescope.core.InputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses Fiji's headless argument syntax {@code key='value',n=3,flag=true}: values in single or double quotes, or in
 * square brackets as ImageJ macros write them ({@code input=[a b] output=[c]}), may hold commas and spaces; pairs are
 * separated by commas or spaces.
 */
public final class RunArguments {

    private static final Pattern NEXT_PAIR = Pattern.compile("\\s+[A-Za-z_][A-Za-z0-9_]*=");

    private RunArguments() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new InputException("argument '" + text.substring(i) + "' has no '=': expected key=value");
            }
            String key = text.substring(i, eq).trim();
            if (key.isEmpty() || key.contains(",")) {
                throw new InputException("argument '" + text.substring(i, eq) + "' is not a parameter name");
            }
            i = eq + 1;
            String value;
            if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"' || text.charAt(i) == '[')) {
                char quote = text.charAt(i) == '[' ? ']' : text.charAt(i);
                int close = text.indexOf(quote, i + 1);
                if (close < 0) {
                    throw new InputException("parameter '" + key + "': the value has no closing " + quote);
                }
                value = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                Matcher next = NEXT_PAIR.matcher(text).region(i, end);
                if (next.find()) {
                    end = next.start(); // "n=3 output=[c]": a space, then the next key
                }
                value = text.substring(i, end).trim();
                i = end;
            }
            if (values.put(key, value) != null) {
                throw new InputException("parameter '" + key + "' is given twice");
            }
        }
        return values;
    }
}
