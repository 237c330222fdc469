package org.spikescope.core;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DESIGN.md's layering, as far as imports show it: a stage package (movie, motion, detect, traces, spikes, rates,
 * decode, sim) runs inside a Spark task or a unit test unchanged, so it imports no ImageJ, AWT or SciJava type.
 * (Stages still reach ImageJ through io's ROI, outline and plot writers: issue 18 moves those out.)
 */
class LayeringTest {

    private static final List<String> STAGES = List.of("movie", "motion", "detect", "traces", "spikes", "rates",
            "decode", "sim");
    private static final List<String> FORBIDDEN = List.of("import ij.", "import java.awt.", "import org.scijava.",
            "import static ij.", "import static java.awt.", "import static org.scijava.");

    @Test
    void stagePackagesImportNoGuiOrSciJavaTypes() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String stage : STAGES) {
            Path dir = Path.of("src", "main", "java", "org", "spikescope", stage);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        String t = line.strip();
                        if (FORBIDDEN.stream().anyMatch(t::startsWith)) {
                            leaks.add(f + ": " + t);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
