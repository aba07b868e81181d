#!/usr/bin/env python3
"""Compare probabilities saved as .npy [N, S, S] with a probability file of `plastic-unet
predict --probabilities` (dataset /probabilities [N, S, S]).

Usage: compare_probabilities.py ACTUAL.npy PREDICTED.h5 TOLERANCE

Prints "ok" and exits 0 when the shapes agree and every element differs by at most
TOLERANCE; otherwise prints the largest difference and exits 1.
"""

import sys

import h5py
import numpy as np


def main() -> int:
    actual_path, predicted_path, tolerance = sys.argv[1], sys.argv[2], float(sys.argv[3])
    actual = np.load(actual_path)
    with h5py.File(predicted_path, "r") as f:
        predicted = f["probabilities"][()]
    if actual.shape != predicted.shape:
        print(f"shape {actual.shape}, predict wrote {predicted.shape}")
        return 1
    worst = float(np.abs(actual.astype(np.float64) - predicted.astype(np.float64)).max())
    if not worst <= tolerance:
        print(f"largest difference {worst} > {tolerance}")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
