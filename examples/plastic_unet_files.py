"""What the examples share without PyTorch: the one-line input error and the images read
as plastic-unet reads them (docs/MODEL.md §1), both from the plastic_unet package in
python/ of this repository, and a prediction's probabilities saved.

Needs numpy, h5py and Pillow.
"""

import sys
from pathlib import Path

import numpy as np

# The package beside the examples (pip install ./python installs the same one).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
from plastic_unet import PlasticUNetError as InputError  # noqa: E402 (python/ is on the path only now)
from plastic_unet import read_image  # noqa: E402,F401 (the examples' API)


def require_file(path):
    """Raises InputError when there is no file at `path`."""
    if not Path(path).is_file():
        raise InputError(f"{path}: no such file")


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
