"""Peer run of CASCADE (the PyTorch port, its pretrained Global_EXC_30Hz_smoothing25ms model) for
SpikeInferenceBenchmark: the same ground-truth recordings, the same score, the same machine.

Usage: python3 cascade_peer.py CASCADE_DIR GROUNDTRUTH_ROOT [GROUNDTRUTH_ROOT ...]
CASCADE_DIR holds CascadeTorch (cascade2p/ and Pretrained_models/), kept outside this project.
Each recording's dF/F is moved to 30 Hz by linear interpolation, CASCADE's expected spikes per 30 Hz frame are
summed back into the recording's frames by overlap, then scored as SpikeScope scores: Pearson correlation of spike
counts in 200 ms bins. Prints, per dataset, the mean and worst recording, the calibration (inferred / true spikes,
median over recordings), microseconds per 30 Hz frame of CASCADE's prediction (one thread), and whether the
model was trained on the dataset. SPIKESCOPE_DATASETS (comma-separated prefixes) limits the datasets.
"""
import glob
import os
import sys
import time

import numpy as np

sys.path.insert(0, sys.argv[1])
import torch  # noqa: E402
from cascade2p import cascade  # noqa: E402
from groundtruth_csv import load, wanted  # noqa: E402

torch.set_num_threads(1)
MODEL = "Global_EXC_30Hz_smoothing25ms"
FOLDER = os.path.join(sys.argv[1], "Pretrained_models")
with open(os.path.join(FOLDER, MODEL, "config.yaml")) as f:
    TRAINED = {line.strip()[2:].strip() for line in f if line.strip().startswith("- DS")}


def score(rate, inferred, truth):
    k = np.floor(np.arange(len(truth)) / rate / 0.2).astype(int)
    a = np.bincount(k, weights=np.nan_to_num(inferred))
    b = np.bincount(k, weights=truth)
    return np.corrcoef(a, b)[0, 1]


def back_to_frames(pred, rate, n):
    """Counts of 30 Hz frames shared among the recording's frames by overlap."""
    out = np.zeros(n)
    for i, v in enumerate(np.nan_to_num(pred)):
        lo, hi = i / 30.0 * rate, (i + 1) / 30.0 * rate
        j = int(lo)
        while j < n and j < hi:
            out[j] += v * (min(hi, j + 1) - max(lo, j)) / (hi - lo)
            j += 1
    return out


for root in sys.argv[2:]:
    for ds in sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)) and wanted(d)):
        files = sorted(f for f in glob.glob(os.path.join(root, ds, "*.csv*")) if "_spikes.csv" not in f)
        scores, cal, frames, seconds = [], [], 0, 0.0
        for f in files:
            t, y, s = load(f)
            rate = 1 / np.median(np.diff(t))
            n30 = int(np.floor(len(y) / rate * 30))
            tt = np.arange(n30) / 30.0
            ok = ~np.isnan(y)
            y30 = np.interp(tt, np.arange(len(y))[ok] / rate, y[ok])
            start = time.perf_counter()
            pred = cascade.predict(MODEL, y30[None, :], model_folder=FOLDER, padding=0, verbosity=0)[0]
            seconds += time.perf_counter() - start
            frames += n30
            est = back_to_frames(pred, rate, len(y))
            scores.append(score(rate, est, s))
            cal.append(np.nansum(est) / s.sum() if s.sum() > 0 else np.nan)
        print(f"cascade,{ds},{np.nanmean(scores):.3f},{np.nanmin(scores):.3f},{np.nanmedian(cal):.2f},"
              f"{seconds * 1e6 / frames:.1f},{'trained' if ds in TRAINED else 'unseen'}", flush=True)
