#!/usr/bin/env python3
"""The original plastic U-Net, UNetpRes, in plain PyTorch, and readers for plastic-unet files.

The module defines the network of docs/MODEL.md §2 and the plastic head of §3 with the
module names of the original PyTorch implementation, so that its state_dict has the
original keys and shapes (fixtures/reference/torch-state-dict-n16-s101.txt for n = 16,
S = 101). It also reads:

- a plastic-unet model file (`load_model_file`): the configuration from the root
  attribute `config`, every tensor from its `torch_name` attribute, the trace from
  /trace/hebb;
- a flat "torch state_dict" HDF5 file (`load_torch_state_dict_file`): one float32 dataset
  per state_dict key at the root, named as the key, and optionally the trace `hebb`;
- an 8- or 16-bit grayscale PNG image as intensities v / (2^bits - 1) (`read_image`, from
  plastic_unet_files.py, which the scripts without PyTorch share).

Run as a script, it prints the state_dict keys and shapes of UNetpRes for a width and a
size in the format of the reference listing, or compares them with such a listing.

Needs torch, numpy, h5py and Pillow.
"""

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Optional

import h5py
import numpy as np
import torch
from torch import nn
from torch.nn import functional

from plastic_unet_files import InputError, read_image, require_file  # noqa: F401 (read_image: this module's API too)

RULES = ("none", "hebb", "oja")
ALPHAS = ("free", "yoked")
TRACE_ROWS = ("all", "first")
# The network (docs/MODEL.md §2), with the module names of the original UNetpRes.


class ConvUnit(nn.Module):
    """A 3x3 convolution c->c, padding 1, followed by a ReLU when `rectify` is set."""

    def __init__(self, channels, rectify):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.rectify = rectify

    def forward(self, x):
        """The convolution of `x`, rectified or not."""
        y = self.conv(x)
        return functional.relu(y) if self.rectify else y


class Residual(nn.Module):
    """Res(c): r = ReLU(x); r + Conv3(ReLU(Conv3(r))). The skip adds ReLU(x), not x."""

    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Sequential(nn.ReLU(), ConvUnit(channels, True), ConvUnit(channels, False))

    def forward(self, x):
        """The residual unit applied to `x`."""
        rectified = self.conv[0](x)
        return rectified + self.conv[2](self.conv[1](rectified))


def block(a, b):
    """Block(a->b): Conv3(a->b), two residual units, ReLU."""
    return nn.Sequential(nn.Conv2d(a, b, 3, padding=1), Residual(b), Residual(b), nn.ReLU())


class DownBlock(nn.Module):
    """The block of a down stage, held as `dconv` (conv1 ... conv4)."""

    def __init__(self, a, b):
        super().__init__()
        self.dconv = block(a, b)

    def forward(self, x):
        """The block applied to `x`."""
        return self.dconv(x)


class MiddleBlock(nn.Module):
    """A block held as `mconv`: the middle stage and the block of each up stage."""

    def __init__(self, a, b):
        super().__init__()
        self.mconv = block(a, b)

    def forward(self, x):
        """The block applied to `x`."""
        return self.mconv(x)


class Up(nn.Module):
    """Up(a->b): a 3x3 transposed convolution of stride 2 (side s -> 2s + 1), without its
    first row and column when it is one larger than the skip, concatenated with the skip,
    then Dropout2d(p) and Block(a->b)."""

    def __init__(self, a, b, dropout):
        super().__init__()
        self.dconv = nn.ConvTranspose2d(a, b, 3, stride=2)
        self.uconv = nn.Sequential(nn.Dropout2d(dropout), MiddleBlock(a, b))

    def forward(self, x, skip):
        """The up stage applied to `x` and the skip of its level."""
        t = self.dconv(x)
        if t.shape[-1] == skip.shape[-1] + 1:
            t = t[..., 1:, 1:]
        return self.uconv(torch.cat((t, skip), dim=1))


class OutConv(nn.Module):
    """The 1x1 convolution n->1 that gives the map A, held as `conv` (outc)."""

    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, 1, 1)

    def forward(self, x):
        """The convolution of `x`."""
        return self.conv(x)


class UNetpRes(nn.Module):
    """The plastic U-Net of width `n` for S x S images.

    The body maps a batch of images [N, 1, S, S] to the maps A [N, S, S]; the head gives
    the probabilities Y = sigmoid(A (w + alpha * H)) for the trace H (rule hebb or oja;
    alpha is S x S when free, one scalar of shape [1] when yoked), or Y = sigmoid(A w)
    (rule none, whose head holds `w` only). The head's tensors start as in
    docs/MODEL.md §3; the convolutions keep PyTorch's default initialisation.
    Evaluation runs in eval mode (no dropout)."""

    def __init__(self, n=16, S=101, rule="oja", alpha="free", dropout=0.5):
        super().__init__()
        if rule not in RULES or alpha not in ALPHAS:
            raise ValueError(f"rule must be one of {RULES} and alpha one of {ALPHAS}")
        self.rule = rule
        self.w = nn.Parameter(0.01 * torch.randn(S, S))
        if rule != "none":
            initial_alpha = 0.01 * torch.rand(S, S) if alpha == "free" else torch.full((1,), 0.01)
            self.alpha = nn.Parameter(initial_alpha)
            self.eta = nn.Parameter(torch.full((1,), 0.01))
        self.pools = nn.ModuleList(nn.Sequential(nn.MaxPool2d(2), nn.Dropout2d(q))
                                   for q in (dropout / 2, dropout, dropout, dropout))
        self.conv1 = DownBlock(1, n)
        self.conv2 = DownBlock(n, 2 * n)
        self.conv3 = DownBlock(2 * n, 4 * n)
        self.conv4 = DownBlock(4 * n, 8 * n)
        self.mid = MiddleBlock(8 * n, 16 * n)
        self.uconv4 = Up(16 * n, 8 * n, dropout)
        self.uconv3 = Up(8 * n, 4 * n, dropout)
        self.uconv2 = Up(4 * n, 2 * n, dropout)
        self.uconv1 = Up(2 * n, n, dropout)
        self.outc = OutConv(n)

    def body(self, x):
        """The maps A [N, S, S] of the images `x` [N, 1, S, S]."""
        c1 = self.conv1(x)
        c2 = self.conv2(self.pools[0](c1))
        c3 = self.conv3(self.pools[1](c2))
        c4 = self.conv4(self.pools[2](c3))
        m = self.mid(self.pools[3](c4))
        u1 = self.uconv1(self.uconv2(self.uconv3(self.uconv4(m, c4), c3), c2), c1)
        return self.outc(u1)[:, 0]

    def head(self, a, hebb):
        """The probabilities Y [N, S, S] of the maps `a` [N, S, S] with the trace `hebb`
        [S, S] (ignored, and may be None, for rule none)."""
        weights = self.w if self.rule == "none" else self.w + self.alpha * hebb
        return torch.sigmoid(a @ weights)

    def forward(self, x, hebb):
        """The probabilities [N, 1, S, S] of the images `x` [N, 1, S, S] with the trace
        `hebb` [S, S], the same for every image of the batch."""
        return self.head(self.body(x), hebb).unsqueeze(1)

    @torch.no_grad()
    def next_trace(self, a, y, hebb, rows="all"):
        """The trace after one image (docs/MODEL.md §3) from its map `a` and probabilities
        `y` (both [S, S]) and the trace `hebb` it was predicted with.

        With x_r = a[r], y_r = y[r] over the rows r of R (every row, or row 0 only):
        M = mean_r outer(x_r, y_r), Q[j] = mean_r y_r[j]^2, and
        hebb: (1 - eta) H + eta M;  oja: H + eta (M - H * Q[None, :]).
        Rule none has no trace: `hebb` comes back unchanged."""
        if rows not in TRACE_ROWS:
            raise ValueError(f"rows must be one of {TRACE_ROWS}")
        if self.rule == "none":
            return hebb
        if rows == "first":
            a, y = a[:1], y[:1]
        m = a.T @ y / a.shape[0]
        if self.rule == "hebb":
            return (1 - self.eta) * hebb + self.eta * m
        q = (y * y).mean(dim=0)
        return hebb + self.eta * (m - hebb * q[None, :])


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


def read_architecture(file, path):
    """Width, size, rule and alpha from the JSON of a model file's root attribute `config`."""
    if "config" not in file.attrs:
        raise InputError(f"{path} is not a plastic-unet model file (no root attribute config)")
    try:
        config = json.loads(file.attrs["config"])
        return int(config["width"]), int(config["size"]), config["rule"], config["alpha"]
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"{path}: the root attribute config does not describe a model ({error!r})") from error


def load_model_file(path):
    """The LoadedModel of a plastic-unet model file: the architecture from the root
    attribute `config` (JSON), the state_dict from every dataset's `torch_name` attribute
    and the trace from /trace/hebb (None for rule none)."""
    with open_hdf5(path) as file:
        width, size, rule, alpha = read_architecture(file, path)
        state = {}
        try:
            file.visititems(lambda _, item: state.update({item.attrs["torch_name"]: as_tensor(item)})
                            if isinstance(item, h5py.Dataset) and "torch_name" in item.attrs else None)
            trace = as_tensor(file["trace/hebb"]) if "trace/hebb" in file else None
        except (TypeError, ValueError, OSError) as error:
            raise InputError(f"cannot read the tensors of {path} ({error})") from error
    return LoadedModel(str(path), width, size, rule, alpha, state, trace)


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
