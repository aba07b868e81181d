#!/usr/bin/env python3
"""The original plastic U-Net, UNetpRes, in plain PyTorch, and readers for plastic-unet files.

The network of docs/MODEL.md §2 and the plastic head of §3, with the module names of the
original PyTorch implementation (its state_dict has the original keys and shapes:
fixtures/reference/torch-state-dict-n16-s101.txt for n = 16, S = 101), is the
plastic_unet package's (python/plastic_unet/torch_module.py), used from here. This module
reads:

- a plastic-unet model file (`load_model_file`, through the package's `load`): the
  configuration from the root attribute `config`, every tensor from its `torch_name`
  attribute, the trace from /trace/hebb;
- a flat "torch state_dict" HDF5 file (`load_torch_state_dict_file`): one float32 dataset
  per state_dict key at the root, named as the key, and optionally the trace `hebb`;
- an 8- or 16-bit grayscale PNG image as intensities v / (2^bits - 1) (`read_image`, from
  plastic_unet_files.py, which the scripts without PyTorch share).

Run as a script, it prints the state_dict keys and shapes of UNetpRes for a width and a
size in the format of the reference listing, or compares them with such a listing.

Needs torch, numpy, h5py and Pillow.
"""

import argparse
import sys
from dataclasses import dataclass
from typing import Optional

import h5py
import numpy as np
import torch

from plastic_unet_files import InputError, read_image, require_file  # noqa: F401 (read_image: this module's API too)
# The network, from the plastic_unet package (plastic_unet_files puts it on the path).
import plastic_unet  # noqa: E402
from plastic_unet.torch_module import ALPHAS, RULES, TRACE_ROWS, UNetpRes  # noqa: E402,F401 (this module's API too)


# Files.


@dataclass
class LoadedModel:
    """A network's architecture, its state_dict (torch tensors) and its trace (or None),
    read from the file `source`."""

    source: str
    width: int
    size: int
    rule: str
    alpha: str
    state_dict: dict
    trace: Optional[torch.Tensor]

    def build(self):
        """A UNetpRes in eval mode holding these tensors (load_state_dict, strict)."""
        if self.rule not in RULES or self.alpha not in ALPHAS:
            raise InputError(f"{self.source}: unknown rule {self.rule!r} or alpha {self.alpha!r}")
        model = UNetpRes(self.width, self.size, self.rule, self.alpha)
        check_state_dict(model, self.state_dict, self.source)
        model.load_state_dict(self.state_dict, strict=True)
        return model.eval()


def check_state_dict(model, state_dict, source):
    """Raises InputError naming the first key of the state_dict read from `source` that is
    missing, unexpected or of another shape than `model`'s."""
    expected = model.state_dict()
    for key, tensor in expected.items():
        if key not in state_dict:
            raise InputError(f"{source}: tensor {key} is missing")
        if tuple(state_dict[key].shape) != tuple(tensor.shape):
            raise InputError(f"{source}: tensor {key} has shape {list(state_dict[key].shape)}, "
                             f"expected {list(tensor.shape)}")
    for key in state_dict:
        if key not in expected:
            raise InputError(f"{source}: unexpected tensor {key}")


def open_hdf5(path):
    """The HDF5 file at `path`, open for reading, or InputError."""
    require_file(path)
    try:
        return h5py.File(path, "r")
    except (OSError, ValueError) as error:
        raise InputError(f"{path} is not a readable HDF5 file ({error})") from error


def as_tensor(dataset):
    """A float32 tensor with the values of an HDF5 dataset."""
    return torch.from_numpy(np.asarray(dataset[()], dtype=np.float32))


def load_model_file(path):
    """The LoadedModel of a plastic-unet model file, read by the plastic_unet package as
    plastic-unet reads files (its seal reported, not enforced): the architecture from the
    root attribute `config`, the state_dict by every dataset's `torch_name` attribute and
    the trace from /trace/hebb (None for rule none)."""
    model = plastic_unet.load(path, verify=False)
    config = model.config
    state = {key: torch.from_numpy(np.asarray(value, dtype=np.float32)) for key, value in model.state_dict.items()}
    trace = None if model.trace is None else torch.from_numpy(np.asarray(model.trace, dtype=np.float32))
    return LoadedModel(str(path), int(config["width"]), int(config["size"]), config["rule"], config["alpha"], state,
                       trace)


def load_torch_state_dict_file(path, rule="oja"):
    """The LoadedModel of a flat torch state_dict HDF5 file (one root dataset per key,
    optionally `hebb`). The file does not record the rule: `rule` says hebb or oja, which
    predict alike with a fixed trace; a file without `alpha` has rule none. The width
    comes from conv1.dconv.0.weight, the size from w, free or yoked alpha from its shape."""
    with open_hdf5(path) as file:
        groups = [name for name, item in file.items() if not isinstance(item, h5py.Dataset)]
        if groups:
            raise InputError(f"{path} is not a flat state_dict file (it has the group {groups[0]})")
        try:
            state = {name: as_tensor(item) for name, item in file.items() if name != "hebb"}
            trace = as_tensor(file["hebb"]) if "hebb" in file else None
        except (TypeError, ValueError, OSError) as error:
            raise InputError(f"cannot read the tensors of {path} ({error})") from error
    for key, rank in (("w", 2), ("conv1.dconv.0.weight", 4)):
        if key not in state or state[key].dim() != rank:
            raise InputError(f"{path} is not a flat state_dict file (no {rank}-d dataset {key})")
    if "alpha" not in state:
        rule, alpha = "none", "free"
    else:
        alpha = "yoked" if state["alpha"].numel() == 1 else "free"
    return LoadedModel(str(path), state["conv1.dconv.0.weight"].shape[0], state["w"].shape[0], rule, alpha,
                       state, trace)


# The listing of state_dict keys and shapes.


def listing(model):
    """The lines `key AxBxC` of the model's state_dict, in its order."""
    return [f"{key} {'x'.join(str(side) for side in tensor.shape)}" for key, tensor in model.state_dict().items()]


def reference_lines(path):
    """The `key shape` lines of a reference listing, without comments and blank lines."""
    with open(path, encoding="utf-8") as file:
        return [line.strip() for line in file if line.strip() and not line.startswith("#")]


def parse_arguments(argv):
    """The command line of the listing tool."""
    parser = argparse.ArgumentParser(
        description="Print the state_dict keys and shapes of UNetpRes, one `key AxBxC` per line "
                    "in the module's order, or compare them with a reference listing.")
    parser.add_argument("--width", type=int, default=16, help="the base width n (default 16)")
    parser.add_argument("--size", type=int, default=101, help="the image size S (default 101)")
    parser.add_argument("--rule", choices=RULES, default="oja", help="the plasticity rule (default oja)")
    parser.add_argument("--alpha", choices=ALPHAS, default="free", help="free or yoked alpha (default free)")
    parser.add_argument("--compare", metavar="LISTING",
                        help="compare with this listing (e.g. fixtures/reference/torch-state-dict-n16-s101.txt) "
                             "and exit 0 when it matches line for line, 1 when not")
    return parser.parse_args(argv)


def main(argv):
    """Prints or compares the listing; returns the exit code."""
    args = parse_arguments(argv)
    lines = listing(UNetpRes(args.width, args.size, args.rule, args.alpha))
    if args.compare is None:
        print("\n".join(lines))
        return 0
    try:
        expected = reference_lines(args.compare)
    except OSError as error:
        print(f"cannot read {args.compare}: {error.strerror}", file=sys.stderr)
        return 2
    for number, (ours, theirs) in enumerate(zip(lines, expected), start=1):
        if ours != theirs:
            print(f"entry {number} differs: UNetpRes has '{ours}', the listing '{theirs}'")
            return 1
    if len(lines) != len(expected):
        print(f"UNetpRes has {len(lines)} entries, the listing {len(expected)}")
        return 1
    print(f"{len(lines)} keys and shapes match {args.compare}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
