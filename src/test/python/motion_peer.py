"""Peer for MotionCorrectionBenchmark: the phase-correlation loop Minian-style pipelines use, scikit-image's
phase_cross_correlation with upsampling, on the same frames (uint16 little-endian at a byte offset in an uncompressed TIFF), one process.
Prints frames/s for shift estimation alone and for estimation plus applying the shift (scipy.ndimage.shift)."""
import sys
import time

import numpy as np
from scipy import ndimage
from skimage.registration import phase_cross_correlation

path, offset, frames, height, width, upsample = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
movie = np.memmap(path, dtype="<u2", mode="r", offset=offset, shape=(frames, height, width))
template = movie[:200].astype(np.float32).mean(axis=0)
start = time.perf_counter()
shifts = []
for t in range(frames):
    shift, _, _ = phase_cross_correlation(template, movie[t].astype(np.float32), upsample_factor=upsample)
    shifts.append(shift)
estimate = time.perf_counter() - start
start = time.perf_counter()
for t in range(frames):
    ndimage.shift(movie[t].astype(np.float32), shifts[t], order=1, mode="nearest")
apply = time.perf_counter() - start
print(f"peer estimate_fps={frames / estimate:.1f} estimate_and_apply_fps={frames / (estimate + apply):.1f}")
