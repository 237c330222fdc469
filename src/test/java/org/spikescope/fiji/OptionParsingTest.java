package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.spikescope.fiji.bridge.MacroOptions;
import org.spikescope.fiji.launcher.RunArguments;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OptionParsingTest {

    @Test
    void fijiRunSyntaxWithQuotesCommasAndSpaces() {
        Map<String, String> v = RunArguments.parse("input='/data/my movie, day 1.tif',n=3, flag=true,s=\"a'b\"");
        assertEquals(Map.of("input", "/data/my movie, day 1.tif", "n", "3", "flag", "true", "s", "a'b"), v);
    }

    @Test
    void fijiRunSyntaxWithBracketsAsMacrosWriteThem() {
        // read as one value "[a b] output=[c]" before
        assertEquals(Map.of("input", "/data/a b", "output", "/data/c"),
                RunArguments.parse("input=[/data/a b] output=[/data/c]"));
        assertEquals(Map.of("n", "3", "output", "/data/c, d", "flag", "true"),
                RunArguments.parse("n=3 output=[/data/c, d],flag=true"));
    }

    @Test
    void macroOptionsRoundTripThroughTheRecorderFormat() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("input", "/data/my movie.tif");
        values.put("frameRate", "20");
        values.put("dataset", "");
        values.put("detectCorrupted", "false");
        String recorded = MacroOptions.format(values);
        assertEquals("input=[/data/my movie.tif] frameRate=20 dataset=[] detectCorrupted=false", recorded);
        assertEquals(values, MacroOptions.parse(recorded));
    }

    @Test
    void bareMacroKeyMeansTrue() {
        assertEquals(Map.of("detectcorrupted", "true", "threshold", "5"),
                MacroOptions.parse("detectcorrupted threshold=5"));
    }
}
