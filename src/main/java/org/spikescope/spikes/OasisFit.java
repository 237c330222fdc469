package org.spikescope.spikes;

/** A deconvolution of one trace: denoised calcium c and spikes s (s_t = c_t − Σ g_k c_{t−k}, s ≥ 0). */
public record OasisFit(double[] calcium, double[] spikes) {
}
