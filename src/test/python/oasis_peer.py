"""Peer run of the published OASIS for SpikeDeconvolutionBenchmark: same traces, same score, same machine.

Usage: python3 oasis_peer.py OASIS_DIR GROUNDTRUTH_DIR [SIMULATED.f32 CELLS FRAMES RATE]
OASIS_DIR holds a built copy of github.com/j-friedrich/OASIS (kept outside this project).
Prints, per mode, the mean 200 ms-bin correlation per dataset and microseconds per sample, then one CSV line per
mode and dataset: oasis,<mode>,<dataset>,<mean>,<worst recording>. Recordings may be .csv or .csv.gz; the
environment variable OASIS_MODES (e.g. "AR2 L0") limits the modes run, SPIKESCOPE_DATASETS (comma-separated
prefixes) the datasets.
"""
import glob
import os
import sys
import time

import numpy as np

sys.path.insert(0, sys.argv[1])
from oasis.functions import deconvolve  # noqa: E402
from groundtruth_csv import load, wanted  # noqa: E402

MODES = {"AR1 L1": dict(g=(None,), penalty=1), "AR1 L0": dict(g=(None,), penalty=0),
         "AR2 L1": dict(g=(None, None), penalty=1), "AR2 L0": dict(g=(None, None), penalty=0)}


def score(t, inferred, truth):
    k = np.floor((t - t[0]) / 0.2).astype(int)
    a = np.bincount(k, np.nan_to_num(inferred))
    b = np.bincount(k, truth)
    if a.std() == 0 or b.std() == 0:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def run(y, mode):
    y = np.asarray(y, dtype=np.double)
    if np.isnan(y).any():  # OASIS needs numbers: bridge gaps linearly, as SpikeScope does
        idx = np.arange(len(y))
        ok = ~np.isnan(y)
        y = np.interp(idx, idx[ok], y[ok])
    return deconvolve(y, **MODES[mode])[1]


def main():
    gt = sys.argv[2]
    datasets = sorted(d for d in os.listdir(gt) if os.path.isdir(os.path.join(gt, d)) and wanted(d))
    data = {d: [load(f) for f in sorted(glob.glob(os.path.join(gt, d, "*.csv*"))) if "_spikes.csv" not in f]
            for d in datasets}
    modes = [m for m in MODES if m in os.environ.get("OASIS_MODES", ",".join(MODES))]
    for mode in modes:
        samples, seconds, scores = 0, 0.0, {}
        for d in datasets:
            vals = []
            for t, y, s in data[d]:
                start = time.perf_counter()
                inferred = run(y, mode)
                seconds += time.perf_counter() - start
                samples += len(y)
                vals.append(score(t, inferred, s))
            scores[d] = np.mean(vals)
            print("oasis,%s,%s,%.3f,%.3f" % (mode, d, np.mean(vals), np.min(vals)), flush=True)
        line = " ".join("%s %.3f" % (d[:4], v) for d, v in scores.items())
        print("OASIS %s ground truth: %s mean %.3f; %.3f us/sample" % (mode, line, np.mean(list(scores.values())),
                                                                      1e6 * seconds / samples))
    if len(sys.argv) > 3:
        cells, frames = int(sys.argv[4]), int(sys.argv[5])
        traces = np.fromfile(sys.argv[3], dtype=">f4").reshape(cells, frames).astype(np.double)
        for mode in modes:
            start = time.perf_counter()
            for c in range(cells):
                run(traces[c], mode)
            print("OASIS %s simulated %d x %d: %.3f us/sample" % (mode, cells, frames,
                                                                 1e6 * (time.perf_counter() - start) / traces.size))


if __name__ == "__main__":
    main()
