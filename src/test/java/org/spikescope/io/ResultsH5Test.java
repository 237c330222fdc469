package org.spikescope.io;

import io.jhdf.HdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.testing.HeadlessRuns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * results.h5 files read back: a group holding only attributes beside groups with datasets (what a run that finds no
 * cells writes: /traces with its count of 0) used to make the whole file unreadable (jHDF 0.13; h5py failed too).
 */
class ResultsH5Test {

    @Test
    void aGroupOfAttributesOnlyBesideDatasetsReadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.h5");
        new ResultsH5().dataset("/movie/frame_times", new double[]{0, 0.05}).attribute("/traces", "cells", 0)
                .attribute("/z", "k", 2.5).write(file);
        try (HdfFile h5 = new HdfFile(file)) {
            assertEquals(Set.of("movie", "traces", "z"), h5.getChildren().keySet());
            assertEquals(0, ((Number) h5.getByPath("/traces").getAttribute("cells").getData()).intValue());
            assertEquals(2.5, (Double) h5.getByPath("/z").getAttribute("k").getData());
        }
        // and survives a copy (as stages add to an existing file)
        ResultsH5.copyOf(file).dataset("/more", new double[]{1}).write(file);
        try (HdfFile h5 = new HdfFile(file)) {
            assertEquals(0, ((Number) h5.getByPath("/traces").getAttribute("cells").getData()).intValue());
        }
    }

    @Test
    void detectionThatFindsNoCellsWritesAReadableResultsFile(@TempDir Path dir) throws IOException {
        HeadlessRuns.Run sim = HeadlessRuns.launch("--headless", "--run", "Simulate Miniscope Recording", "output='"
                + dir.resolve("rec") + "',frames=200,width=64,height=64,cells=0,vessels=0");
        assertEquals(0, sim.code(), sim.err());
        HeadlessRuns.Run run = HeadlessRuns.launch("--headless", "--run", "Detect Neurons", "input='"
                + dir.resolve("rec").resolve("movie.tif") + "',output='" + dir.resolve("cells") + "'");
        assertEquals(0, run.code(), run.err());
        try (HdfFile h5 = new HdfFile(dir.resolve("cells").resolve("results.h5"))) {
            assertEquals(0, ((Number) h5.getByPath("/traces").getAttribute("cells").getData()).intValue());
            h5.getByPath("/movie/frame_times");
        }
    }
}
