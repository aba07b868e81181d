"""What the examples share without PyTorch: the one-line input error, the images read as
plastic-unet reads them (docs/MODEL.md §1), and a prediction's probabilities saved.

Needs numpy and Pillow.
"""

import sys
from pathlib import Path

import numpy as np
from PIL import Image

# Pillow's modes of the grayscale PNG files, with the largest value of their bit depth.
GRAYSCALE_MAXIMA = {"L": 255, "I;16": 65535, "I;16B": 65535, "I;16L": 65535}


class InputError(Exception):
    """A file that is missing, unreadable or not in the expected layout (one-line message)."""


def require_file(path):
    """Raises InputError when there is no file at `path`."""
    if not Path(path).is_file():
        raise InputError(f"{path}: no such file")


def read_image(path):
    """The intensities v / (2^bits - 1) [S, S] float32 of an 8- or 16-bit grayscale PNG."""
    require_file(path)
    try:
        with Image.open(path) as image:
            maximum = GRAYSCALE_MAXIMA.get(image.mode)
            if maximum is None:
                raise InputError(f"{path} is not an 8- or 16-bit grayscale image (mode {image.mode})")
            values = np.asarray(image)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error}") from error
    return values.astype(np.float32) / np.float32(maximum)


def predict_and_save(predict, out):
    """Runs `predict()` and saves the probabilities it returns to the .npy file `out` (when
    not None) as float32. Returns the probabilities, or None after printing the one-line
    error of a missing or unreadable input or an output that cannot be written."""
    try:
        probabilities = predict()
        if out:
            np.save(out, probabilities.astype(np.float32))
    except InputError as error:
        print(error, file=sys.stderr)
        return None
    except OSError as error:
        print(f"cannot write {out}: {error.strerror}", file=sys.stderr)
        return None
    return probabilities
