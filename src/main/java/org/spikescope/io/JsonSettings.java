package org.spikescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spikescope.core.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Settings files that need not be complete: the fields a file gives are laid over the defaults, and a field the
 * defaults do not know is an error that names it (a typo must not be silently ignored).
 */
public final class JsonSettings {

    private JsonSettings() {
    }

    /**
     * @param parameter the command parameter that named the file, for messages
     * @param expected  what the file should hold, for messages
     */
    public static <T> T overlay(T defaults, Path file, Class<T> type, String parameter, String expected)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("parameter '" + parameter + "': " + file + ": no such file");
        }
        JsonNode given;
        try {
            given = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (given == null || !given.isObject()) {
            throw new InputException(file + ": expected a JSON object with " + expected);
        }
        ObjectNode merged = Json.MAPPER.valueToTree(defaults);
        overlay(merged, given, "", file);
        try {
            return Json.MAPPER.treeToValue(merged, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(file + ": " + e.getOriginalMessage());
        }
    }

    private static void overlay(ObjectNode target, JsonNode given, String path, Path file) {
        Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            JsonNode known = target.get(f.getKey());
            if (known == null) {
                throw new InputException(file + ": unknown setting '" + name + "'; known here: "
                        + String.join(", ", (Iterable<String>) target::fieldNames));
            }
            if (known.isObject()) {
                if (!f.getValue().isObject()) {
                    throw new InputException(file + ": '" + name + "' must be an object of settings");
                }
                overlay((ObjectNode) known, f.getValue(), name, file);
            } else if (known.isArray()) {
                if (!f.getValue().isArray() || f.getValue().size() != known.size()) {
                    throw new InputException(file + ": '" + name + "' must be a list of " + known.size()
                            + " values");
                }
                target.set(f.getKey(), f.getValue());
            } else {
                if (f.getValue().isContainerNode()) {
                    throw new InputException(file + ": '" + name + "' must be a single value");
                }
                target.set(f.getKey(), f.getValue());
            }
        }
    }
}
