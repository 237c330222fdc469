package org.spikescope.pipeline;

import org.spikescope.core.ProgressListener;
import org.spikescope.core.TraceSet;
import org.spikescope.spikes.CellResult;
import org.spikescope.spikes.DeconvolutionOutputs;
import org.spikescope.spikes.DeconvolutionSettings;
import org.spikescope.spikes.SpikeDeconvolver;
import org.spikescope.spikes.SpikeEvents;
import org.spikescope.spikes.SpikeMethod;
import org.spikescope.spikes.learned.InferenceOutputs;
import org.spikescope.spikes.learned.ShippedModels;
import org.spikescope.spikes.learned.SpikeInference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's spike stage by the chosen method ({@code spikes.method}): OASIS-class deconvolution or the shipped
 * learned model. Either way the bundle gets spikes.csv beside its siblings, and each cell's spikes per frame, spike
 * count, snr (NaN for the learned method, which has none) and warnings.
 *
 * @param counts   per cell, spikes per frame as written to /spikes
 * @param spikes   per cell, the number of spikes
 * @param snr      per cell, deconvolution's spike size over noise (NaN when learned)
 * @param layout   what /spikes holds, for its attribute
 * @param notes    lines for the log (the model used, cells that failed)
 */
record SpikeStage(double[][] counts, double[] spikes, double[] snr, String layout, List<String> notes) {

    static SpikeStage run(TraceSet dff, double rate, DeconvolutionSettings s, Path spikesCsv,
                          ProgressListener progress) throws IOException {
        int cells = dff.cells();
        double[][] counts = new double[cells][];
        double[] spikes = new double[cells];
        double[] snr = new double[cells];
        List<String> notes = new ArrayList<>();
        if (s.method() == SpikeMethod.LEARNED) {
            ShippedModels.Chosen chosen = ShippedModels.choose(rate, null);
            notes.add("spikes: learned model " + chosen.name() + (chosen.note().isEmpty() ? "" : " (" + chosen.note()
                    + ")"));
            SpikeInference.Cell[] r = SpikeInference.infer(dff, rate, chosen.model(), progress);
            for (int c = 0; c < cells; c++) {
                counts[c] = r[c].spikes();
                spikes[c] = r[c].spikeSum();
                snr[c] = Double.NaN;
                if (!r[c].ok()) {
                    notes.add("warning: " + r[c].name() + ": " + r[c].error());
                }
            }
            InferenceOutputs.writeFiles(spikesCsv, dff, r, rate, chosen.model(), chosen.name());
            return new SpikeStage(counts, spikes, snr, "cells x frames, expected spikes per frame (learned model "
                    + chosen.name() + ")", notes);
        }
        notes.add("spikes: OASIS-class deconvolution, model " + s.model().label() + ", penalty " + s.penalty().label());
        CellResult[] r = SpikeDeconvolver.deconvolve(dff, rate, s, progress);
        for (int c = 0; c < cells; c++) {
            counts[c] = r[c].spikes();
            spikes[c] = SpikeEvents.count(counts[c]);
            snr[c] = r[c].snr();
            if (!r[c].ok()) {
                notes.add("warning: " + r[c].name() + ": " + r[c].error());
            }
        }
        DeconvolutionOutputs.writeFiles(spikesCsv, dff, r, rate);
        return new SpikeStage(counts, spikes, snr, "cells x frames, deconvolved spike amplitudes (dF/F) per frame",
                notes);
    }

    double total() {
        double sum = 0;
        for (double v : spikes) {
            sum += v;
        }
        return sum;
    }
}
