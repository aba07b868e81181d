#!/usr/bin/env python3
"""Predicts one image with a plastic-unet model in PyTorch.

Loads a plastic-unet model file (or, with --torch-file, a flat torch state_dict HDF5 file
as `plastic-unet export --torch` writes) into the original module, UNetpRes of
examples/unetpres.py, with load_state_dict(strict=True); predicts one 8- or 16-bit
grayscale PNG in eval mode (no dropout) with the stored trace or a zero trace; prints the
mean probability and the salt fraction (the share of pixels above 0.5); with --out, saves
the probabilities [S, S] as a float32 .npy file.

The probabilities match those of `plastic-unet predict --probabilities` for the same
model, image and trace mode to float32 rounding.

Exit codes: 0 predicted; 2 a file that is missing or unreadable, not in the expected
layout, or an image of another size than the model's.

Needs torch, numpy, h5py and Pillow.
"""

import argparse
import sys

import torch

from plastic_unet_files import InputError, predict_and_save, read_image
from unetpres import load_model_file, load_torch_state_dict_file

SALT_THRESHOLD = 0.5


def parse_arguments(argv):
    """The command line."""
    parser = argparse.ArgumentParser(
        description="Predict the salt probabilities of one image with a plastic-unet model in PyTorch "
                    "(the original UNetpRes module); print the mean probability and the salt fraction.")
    parser.add_argument("model", help="a plastic-unet model file (.h5), or a flat torch state_dict "
                                      "HDF5 file with --torch-file")
    parser.add_argument("image", help="an S x S 8- or 16-bit grayscale PNG image")
    parser.add_argument("--trace", choices=("stored", "zero"), default="stored",
                        help="the plastic trace: the one stored in the file (default) or zero, "
                             "which leaves the plastic term out, as the original evaluated")
    parser.add_argument("--torch-file", action="store_true",
                        help="MODEL is a flat torch state_dict HDF5 file: one root dataset per "
                             "state_dict key and optionally the trace `hebb`")
    parser.add_argument("--out", metavar="PROBS.npy", help="save the probabilities [S, S] (float32) here")
    return parser.parse_args(argv)


def load(args):
    """The model in eval mode and the trace [S, S] that the options ask for."""
    loaded = load_torch_state_dict_file(args.model) if args.torch_file else load_model_file(args.model)
    model = loaded.build()
    if args.trace == "zero" or loaded.rule == "none":
        return model, torch.zeros(loaded.size, loaded.size)
    if loaded.trace is None:
        raise InputError(f"{args.model} holds no trace; use --trace zero")
    if tuple(loaded.trace.shape) != (loaded.size, loaded.size):
        raise InputError(f"{args.model}: the trace has shape {list(loaded.trace.shape)}, "
                         f"expected [{loaded.size}, {loaded.size}]")
    return model, loaded.trace


def predict(model, trace, path):
    """The probabilities [S, S] of the image at `path`."""
    pixels = read_image(path)
    size = trace.shape[0]
    if pixels.shape != (size, size):
        raise InputError(f"{path} is {pixels.shape[1]} x {pixels.shape[0]}, the model takes {size} x {size}")
    with torch.no_grad():
        return model(torch.from_numpy(pixels)[None, None], trace)[0, 0].numpy()


def main(argv):
    """Predicts, prints and saves; returns the exit code."""
    args = parse_arguments(argv)
    probabilities = predict_and_save(lambda: predict(*load(args), args.image), args.out)
    if probabilities is None:
        return 2
    print(f"mean probability {probabilities.mean():.6f}, "
          f"salt fraction {(probabilities > SALT_THRESHOLD).mean():.6f} (threshold {SALT_THRESHOLD})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
