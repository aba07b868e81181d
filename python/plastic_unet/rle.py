"""The TGS run-length code (docs/MODEL.md §1): pixels numbered from 1, top to bottom, then
left to right; space-separated `start length` pairs of maximal runs, sorted by start."""

import re

import numpy as np

from .errors import PlasticUNetError


def rle_encode(mask):
    """The run-length code of the square boolean (or 0/1) mask `mask` [S, S]; the empty mask
    is the empty string."""
    pixels = np.asarray(mask).astype(bool).flatten(order="F")
    padded = np.concatenate([[False], pixels, [False]])
    changes = np.flatnonzero(padded[1:] != padded[:-1]) + 1
    starts, ends = changes[0::2], changes[1::2]
    return " ".join(f"{start} {end - start}" for start, end in zip(starts, ends))


def rle_decode(code, size):
    """The boolean mask [size, size] of the run-length code `code`. Runs that touch are
    accepted, as are several spaces or tabs between tokens; a code that is not whole
    numbers in pairs, a run outside the image or runs out of order raise
    PlasticUNetError naming the token."""
    tokens = [token for token in re.split(r"[ \t]+", code.strip()) if token]
    if len(tokens) % 2:
        raise PlasticUNetError(f"run-length code: {len(tokens)} numbers, not start-length pairs")
    pixels = np.zeros(size * size, dtype=bool)
    end = 1
    for index in range(0, len(tokens), 2):
        start, length = (_whole(token) for token in tokens[index:index + 2])
        if start < end:
            raise PlasticUNetError(f"run-length code: run {start} {length} starts before the previous run ends")
        if length < 1 or start + length - 1 > size * size:
            raise PlasticUNetError(f"run-length code: run {start} {length} is outside a {size} x {size} image")
        pixels[start - 1:start - 1 + length] = True
        end = start + length
    return pixels.reshape((size, size), order="F")


def _whole(token):
    """The whole number `token`, at least 1."""
    if not token.isdigit() or int(token) < 1:
        raise PlasticUNetError(f"run-length code: {token!r} is not a whole number from 1")
    return int(token)
