package org.spikescope.fiji;

import ij.Menus;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registers every plugins.config entry with ImageJ 1, as Fiji does at start-up, so macros can run the commands. */
final class MenuEntries {

    private static final Pattern ENTRY = Pattern.compile("^([^,]+),\\s*\"([^\"]+)\",\\s*(.+)$");

    private MenuEntries() {
    }

    static void install() throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MenuEntries.class.getResourceAsStream("/plugins.config"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = ENTRY.matcher(line.trim());
                if (!line.startsWith("#") && m.matches()) {
                    Menus.getCommands().put(m.group(2), m.group(3).trim());
                }
            }
        }
    }
}
