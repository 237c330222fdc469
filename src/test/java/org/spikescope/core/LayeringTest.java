package org.spikescope.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DESIGN.md's layering, as far as the source text shows it. A stage package (movie, motion, detect, traces, spikes,
 * rates, decode, sim, register) and the shared packages beneath them (core, io, math, image, cells) run inside a
 * Spark task or a unit test unchanged: they name no ImageJ, AWT, Swing or SciJava type and nothing of the Fiji side
 * (fiji, export, pipeline, the SpikeScope facade). ImageJ's file formats reach the stages only through
 * {@link ImageJFormats}. The shared packages name no stage, and a stage names another stage only through that
 * stage's public API, listed here: anything else is an internal that would tie two stages together.
 */
class LayeringTest {

    private static final List<String> STAGES = List.of("movie", "motion", "detect", "traces", "spikes", "rates",
            "decode", "sim", "register");
    private static final List<String> SHARED = List.of("core", "io", "math", "image", "cells");
    /** What each stage offers the others (types relative to the stage's package). */
    private static final Map<String, Set<String>> API = Map.of(
            "movie", Set.of("CorruptedFrameDetector", "Hdf5MovieWriter", "TiffStackWriter", "MiniscopeV4Writer",
                    "MovieOpener"),
            "traces", Set.of("TraceSettings", "TraceOutputs", "TraceExtractionRun"),
            "rates", Set.of("BinnedTrials", "RateMetrics", "SpikeFiles", "TrialSplit", "ZScore", "rnn.PoissonRnn",
                    "rnn.RnnNetwork"));
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?(ij\\.|java\\.awt\\.|javax\\.swing\\.|org\\.scijava\\.|net\\.imagej\\.)"
                    + "|org\\.spikescope\\.(export|fiji|pipeline)\\.|org\\.spikescope\\.SpikeScope\\b",
            Pattern.MULTILINE);
    private static final Pattern SPIKESCOPE_TYPE = Pattern.compile(
            "org\\.spikescope\\.([a-z]+)\\.((?:[a-z]+\\.)*[A-Z]\\w*)");

    @Test
    void stagesAndSharedPackagesNameNoGuiSciJavaOrFijiSideType() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (String pkg : union(STAGES, SHARED)) {
            for (Path f : sources(pkg)) {
                Matcher m = FORBIDDEN.matcher(Files.readString(f));
                while (m.find()) {
                    leaks.add(f + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void stagesMeetOnlyThroughEachOthersApiAndSharedPackagesNameNoStage() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (String pkg : union(STAGES, SHARED)) {
            for (Path f : sources(pkg)) {
                Matcher m = SPIKESCOPE_TYPE.matcher(Files.readString(f));
                while (m.find()) {
                    String other = m.group(1);
                    if (other.equals(pkg) || !STAGES.contains(other)) {
                        continue;
                    }
                    boolean api = STAGES.contains(pkg) && API.getOrDefault(other, Set.of()).contains(m.group(2));
                    if (!api) {
                        leaks.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Path> sources(String pkg) throws IOException {
        Path dir = Path.of("src", "main", "java", "org", "spikescope", pkg);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
