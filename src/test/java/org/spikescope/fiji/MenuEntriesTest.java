package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.plugin.PluginService;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command shows once in Fiji's menus: one plugins.config line each (Plugins › SpikeScope), through the
 * macro bridge with the command's class, and no SciJava menuPath that imagej-legacy would add a second time.
 */
class MenuEntriesTest {

    private static final Pattern ENTRY = Pattern.compile(
            "^Plugins>SpikeScope, \"([^\"]+)\", org\\.spikescope\\.fiji\\.bridge\\.MacroBridge\\(\"([\\w.]+)\"\\)$");

    @Test
    void oneMenuEntryPerCommandAndNoMenuPath() throws Exception {
        String config;
        try (InputStream in = getClass().getResourceAsStream("/plugins.config")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> entries = new TreeSet<>();
        for (String line : config.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            Matcher m = ENTRY.matcher(line);
            assertTrue(m.matches(), "malformed plugins.config line: " + line);
            assertTrue(entries.add(m.group(1) + " -> " + m.group(2)), "duplicate entry " + line);
        }
        try (Context context = new Context(PluginService.class, CommandService.class)) {
            List<CommandInfo> commands = CommandCatalog.all(context);
            Set<String> expected = new TreeSet<>();
            for (CommandInfo c : commands) {
                expected.add(c.getLabel() + " -> " + c.getDelegateClassName());
                assertTrue(c.getMenuPath() == null || c.getMenuPath().isEmpty(),
                        c.getLabel() + " has a SciJava menu path");
            }
            assertEquals(expected, entries);
        }
    }
}
