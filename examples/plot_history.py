#!/usr/bin/env python3
"""Plots the training history of a plastic-unet model file as a PNG.

The top row shows the run the file holds: the loss of every training step
(/history/train_loss) and, per epoch, the mean training loss, the validation loss and the
validation score at threshold 0.5 (/history/epochs/{train_loss, val_loss, val_score}).
When the file also holds the losses imported from the original project's training
output (/history/original: `train_loss` per step and, optionally, the group
`validation` of one-dimensional series per epoch), a second row shows them.

Exit codes: 0 the figure was written; 2 a model file that is missing, unreadable or
without a training history, or a figure that cannot be written.

Needs matplotlib, numpy and h5py.
"""

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import h5py
import matplotlib
import numpy as np

matplotlib.use("Agg")
from matplotlib import pyplot  # noqa: E402 (the backend is chosen first)
from matplotlib.ticker import MaxNLocator  # noqa: E402

EPOCH_SERIES = ("train_loss", "val_loss", "val_score")


class InputError(Exception):
    """A file that is missing, unreadable or not in the expected layout (one-line message)."""


@dataclass
class History:
    """A model file's training history as float64 arrays."""

    step_losses: np.ndarray
    epochs: dict
    original_step_losses: Optional[np.ndarray] = None
    original_validation: dict = field(default_factory=dict)

    @property
    def has_original(self):
        """Whether the file holds losses imported from the original project."""
        return self.original_step_losses is not None


def series(file, path):
    """The one-dimensional dataset at `path` as float64, or InputError."""
    item = file.get(path)
    if not isinstance(item, h5py.Dataset) or item.ndim != 1:
        raise InputError(f"{file.filename} has no one-dimensional dataset /{path}")
    return np.asarray(item[()], dtype=np.float64)


def read_original(file, history):
    """Adds /history/original's losses to `history` when the file holds them."""
    if "history/original" not in file:
        return
    history.original_step_losses = series(file, "history/original/train_loss")
    validation = file.get("history/original/validation")
    if isinstance(validation, h5py.Group):
        history.original_validation = {name: series(file, f"history/original/validation/{name}")
                                       for name, item in validation.items() if isinstance(item, h5py.Dataset)}


def read_history(path):
    """The History of the model file at `path`, or InputError."""
    if not Path(path).is_file():
        raise InputError(f"{path}: no such file")
    try:
        with h5py.File(path, "r") as file:
            history = History(series(file, "history/train_loss"),
                              {name: series(file, f"history/epochs/{name}") for name in EPOCH_SERIES})
            read_original(file, history)
            return history
    except (OSError, ValueError, TypeError) as error:
        raise InputError(f"cannot read the history of {path} ({error})") from error


def note_if_empty(axis, values, what):
    """Writes 'no WHAT recorded' across `axis` when `values` is empty."""
    if len(values) == 0:
        axis.text(0.5, 0.5, f"no {what} recorded", ha="center", va="center", transform=axis.transAxes)


def plot_steps(axis, losses, title):
    """The loss of every step against the step number (from 1)."""
    axis.plot(np.arange(1, len(losses) + 1), losses, linewidth=0.8)
    axis.set(title=title, xlabel="step", ylabel="BCE loss")
    note_if_empty(axis, losses, "steps")


def plot_epochs(axis, epochs):
    """Training and validation loss per epoch (left axis) and validation score (right)."""
    numbers = np.arange(1, len(epochs["train_loss"]) + 1)
    axis.plot(numbers, epochs["train_loss"], marker="o", label="train loss")
    axis.plot(numbers, epochs["val_loss"], marker="o", label="validation loss")
    axis.set(title="per epoch", xlabel="epoch", ylabel="BCE loss")
    axis.xaxis.set_major_locator(MaxNLocator(integer=True))
    score_axis = axis.twinx()
    score_axis.plot(numbers, epochs["val_score"], marker="s", color="tab:green", label="validation score")
    score_axis.set(ylabel="TGS score at 0.5", ylim=(0, 1))
    lines = axis.get_lines() + score_axis.get_lines()
    axis.legend(lines, [line.get_label() for line in lines], loc="best")
    note_if_empty(axis, numbers, "epochs")


def plot_original_validation(axis, validation):
    """Each of the original project's validation series against the epoch number."""
    for name, values in sorted(validation.items()):
        axis.plot(np.arange(1, len(values) + 1), values, marker="o", label=name)
    axis.set(title="original project: validation", xlabel="epoch")
    axis.xaxis.set_major_locator(MaxNLocator(integer=True))
    if validation:
        axis.legend(loc="best")
    note_if_empty(axis, validation, "validation series")


def figure(history, title):
    """The figure: this run's curves, and the original project's below them if present."""
    rows = 2 if history.has_original else 1
    fig, axes = pyplot.subplots(rows, 2, figsize=(12, 4.5 * rows), squeeze=False)
    plot_steps(axes[0][0], history.step_losses, "training loss per step")
    plot_epochs(axes[0][1], history.epochs)
    if history.has_original:
        plot_steps(axes[1][0], history.original_step_losses, "original project: training loss per step")
        plot_original_validation(axes[1][1], history.original_validation)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def parse_arguments(argv):
    """The command line."""
    parser = argparse.ArgumentParser(
        description="Plot the training history of a plastic-unet model file (loss per step; training "
                    "and validation loss and validation score per epoch; the original project's "
                    "imported losses when present) into a PNG.")
    parser.add_argument("model", help="the plastic-unet model file (.h5)")
    parser.add_argument("--out", default="curves.png", help="the PNG to write (default curves.png)")
    return parser.parse_args(argv)


def main(argv):
    """Reads the history and writes the figure; returns the exit code."""
    args = parse_arguments(argv)
    try:
        history = read_history(args.model)
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    fig = figure(history, Path(args.model).name)
    try:
        fig.savefig(args.out, dpi=100)
    except OSError as error:
        print(f"cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"cannot write {args.out}: {error}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}: {len(history.step_losses)} steps, {len(history.epochs['train_loss'])} epochs"
          + (f", {len(history.original_step_losses)} original steps" if history.has_original else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
