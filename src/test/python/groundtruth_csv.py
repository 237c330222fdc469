"""Ground-truth recordings as the peers read them: time_s, dff (NaN allowed) and spike_count per frame, from .csv
or .csv.gz; and the datasets named by prefix in SPIKESCOPE_DATASETS (comma-separated; all when unset)."""
import csv
import gzip
import os

import numpy as np


def load(path):
    with (gzip.open(path, "rt") if path.endswith(".gz") else open(path)) as f:
        rows = list(csv.DictReader(f))
    t = np.array([float(r["time_s"]) for r in rows])
    y = np.array([float(r["dff"]) if r["dff"] not in ("", "NaN", "nan") else np.nan for r in rows])
    s = np.array([float(r["spike_count"]) for r in rows])
    return t, y, s


def wanted(dataset):
    prefixes = [p for p in os.environ.get("SPIKESCOPE_DATASETS", "").split(",") if p]
    return not prefixes or any(dataset.startswith(p) for p in prefixes)
