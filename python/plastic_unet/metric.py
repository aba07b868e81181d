"""The TGS score (docs/MODEL.md §5): the mean over images of the fraction of the IoU
thresholds 0.50, 0.55, ..., 0.95 that an image's IoU is strictly above, in integer
arithmetic; 1 when truth and prediction are both empty, 0 when exactly one is."""

from fractions import Fraction

import numpy as np

from .errors import PlasticUNetError


def image_scores(pred_masks, true_masks):
    """The number of thresholds (0 to 10) each image passes, for masks [N, S, S] (boolean
    or 0/1), or a sequence of [S, S] masks."""
    predicted, truth = _masks(pred_masks, "pred_masks"), _masks(true_masks, "true_masks")
    if predicted.shape != truth.shape:
        raise PlasticUNetError(f"pred_masks {predicted.shape} and true_masks {truth.shape} differ in shape")
    passed = []
    for p, t in zip(predicted, truth):
        intersection, union = int(np.count_nonzero(p & t)), int(np.count_nonzero(p | t))
        if union == 0:
            passed.append(10)
        elif intersection == 0 or not p.any() or not t.any():
            passed.append(0)
        else:
            passed.append(sum(20 * intersection > (10 + k) * union for k in range(10)))
    return passed


def score(pred_masks, true_masks):
    """The TGS score of the set: (thresholds passed in all) / (10 · images), one exact
    ratio rounded once to a float, as plastic-unet computes it."""
    passed = image_scores(pred_masks, true_masks)
    if not passed:
        raise PlasticUNetError("no masks to score")
    return float(Fraction(sum(passed), 10 * len(passed)))


def _masks(masks, name):
    """`masks` as a boolean array [N, S, S]."""
    array = np.asarray(masks)
    if array.ndim != 3 or array.shape[1] != array.shape[2]:
        raise PlasticUNetError(f"{name}: masks [N, S, S] expected, got shape {array.shape}")
    return array.astype(bool)
