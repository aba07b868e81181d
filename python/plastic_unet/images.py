"""The images as plastic-unet reads them (docs/MODEL.md §1), with the `images` extra."""

from pathlib import Path

import numpy as np

from .errors import PlasticUNetError

# Pillow's modes of grayscale PNG files, with the largest value of their bit depth.
GRAYSCALE_MAXIMA = {"L": 255, "I;16": 65535, "I;16B": 65535, "I;16L": 65535}


def read_image(path):
    """The intensities v / (2^bits - 1) [S, S] float32 of an 8- or 16-bit grayscale PNG.
    Needs Pillow (`pip install "./python[images]"`)."""
    try:
        from PIL import Image
    except ImportError as error:
        raise PlasticUNetError('read_image needs Pillow: pip install "./python[images]"') from error
    if not Path(path).is_file():
        raise PlasticUNetError(f"{path}: no such file")
    try:
        with Image.open(path) as image:
            maximum = GRAYSCALE_MAXIMA.get(image.mode)
            if maximum is None:
                raise PlasticUNetError(f"{path} is not an 8- or 16-bit grayscale image (mode {image.mode})")
            values = np.asarray(image)
    except OSError as error:
        raise PlasticUNetError(f"cannot read {path}: {error}") from error
    return values.astype(np.float32) / np.float32(maximum)
