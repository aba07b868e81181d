"""plastic-unet from Python: model files (`load`), the TGS run-length code (`rle_encode`,
`rle_decode`), the TGS score (`score`) and, with the `images` extra, the images as
plastic-unet reads them (`read_image`).

Requires h5py and numpy only; Pillow (`pip install "./python[images]"`) for `read_image`.
"""

from .errors import PlasticUNetError
from .images import read_image
from .metric import image_scores, score
from .model_file import Model, load
from .rle import rle_decode, rle_encode

__all__ = ["Model", "PlasticUNetError", "image_scores", "load", "read_image", "rle_decode", "rle_encode", "score"]
