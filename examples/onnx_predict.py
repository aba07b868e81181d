#!/usr/bin/env python3
"""Predicts images with an ONNX export of a plastic-unet model, in onnxruntime.

The ONNX file takes the input `image`, float32 [N, 1, S, S] (intensities v / (2^bits - 1)
of 8- or 16-bit grayscale images), and gives the output `probabilities`, float32
[N, 1, S, S]. A model exported with the online trace also takes the input `trace`,
float32 [S, S], and gives the output `next_trace`, float32 [S, S], the trace after the
image; it then predicts one image at a time (N = 1). The script recognises that mode by
the `trace` input: it feeds the images in the order given, starting from the trace
/trace/hebb of the model file given with --initial-trace (zeros without it), and passes
each image's next_trace on to the next image.

For each image it prints the mean probability; --out saves the probabilities of all the
images as one float32 array [N, S, S] in a .npy file.

Exit codes: 0 predicted; 2 a file that is missing or unreadable, an ONNX file that does
not follow the contract above, or an image of another size than the model's.

Needs onnxruntime, numpy, h5py and Pillow (no PyTorch).
"""

import argparse
import sys

import h5py
import numpy as np
import onnxruntime
from onnxruntime.capi import onnxruntime_pybind11_state as ort_state

from plastic_unet_files import InputError, predict_and_save, read_image, require_file

IMAGE_INPUT = "image"
TRACE_INPUT = "trace"
PROBABILITIES_OUTPUT = "probabilities"
TRACE_OUTPUT = "next_trace"
# onnxruntime's errors share no base class but Exception.
ORT_ERRORS = (ort_state.Fail, ort_state.InvalidArgument, ort_state.NoSuchFile, ort_state.NoModel,
              ort_state.EngineError, ort_state.RuntimeException, ort_state.InvalidProtobuf,
              ort_state.ModelLoaded, ort_state.NotImplemented, ort_state.InvalidGraph, ort_state.EPFail)


def read_trace(path):
    """The trace /trace/hebb [S, S] of a plastic-unet model file, as float32."""
    require_file(path)
    try:
        with h5py.File(path, "r") as file:
            if "trace/hebb" not in file:
                raise InputError(f"{path} holds no trace /trace/hebb")
            return np.asarray(file["trace/hebb"][()], dtype=np.float32)
    except (OSError, ValueError, TypeError) as error:
        raise InputError(f"cannot read the trace of {path} ({error})") from error


def open_session(path):
    """An onnxruntime session of the ONNX file and whether it runs the online trace;
    InputError when its inputs and outputs are not those of the contract."""
    require_file(path)
    try:
        session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    except ORT_ERRORS as error:
        raise InputError(f"cannot load {path}: {error}") from error
    inputs = sorted(item.name for item in session.get_inputs())
    outputs = {item.name for item in session.get_outputs()}
    online = inputs == sorted((IMAGE_INPUT, TRACE_INPUT))
    required_outputs = {PROBABILITIES_OUTPUT, TRACE_OUTPUT} if online else {PROBABILITIES_OUTPUT}
    if not (online or inputs == [IMAGE_INPUT]) or not required_outputs <= outputs:
        raise InputError(f"{path} does not follow the contract: inputs {inputs}, outputs {sorted(outputs)} "
                         f"(expected inputs image [and trace], outputs probabilities [and next_trace])")
    return session, online


def model_size(session):
    """The side S of the model's images when the ONNX file fixes it, else None."""
    shape = next(item.shape for item in session.get_inputs() if item.name == IMAGE_INPUT)
    side = shape[-1] if len(shape) == 4 else None
    return side if isinstance(side, int) else None


def load_images(paths, size):
    """The images [N, 1, S, S]; InputError unless they are all S x S (S the model's side
    when known, else the first image's)."""
    images = [read_image(path) for path in paths]
    side = size if size is not None else images[0].shape[-1]
    for path, image in zip(paths, images):
        if image.shape != (side, side):
            raise InputError(f"{path} is {image.shape[1]} x {image.shape[0]}, the model takes {side} x {side}")
    return np.stack(images)[:, None]


def run(session, feeds, outputs):
    """The named outputs of one run, or InputError on onnxruntime's refusal."""
    try:
        return session.run(outputs, feeds)
    except ORT_ERRORS as error:
        raise InputError(f"onnxruntime failed: {error}") from error


def checked(name, array, shape):
    """`array` when it has the shape the contract gives the output `name`, else InputError."""
    if array.shape != shape:
        raise InputError(f"the model's output {name} has shape {list(array.shape)}, expected {list(shape)}")
    return array


def predict_stateless(session, images):
    """The probabilities [N, S, S] of the images, one at a time."""
    predictions = []
    for image in images:
        (probabilities,) = run(session, {IMAGE_INPUT: image[None]}, [PROBABILITIES_OUTPUT])
        predictions.append(checked(PROBABILITIES_OUTPUT, probabilities, (1,) + image.shape)[0, 0])
    return np.stack(predictions)


def predict_online(session, images, trace):
    """The probabilities [N, S, S] of the images in order, each with the trace the
    previous one left (the first with `trace`)."""
    predictions = []
    for image in images:
        probabilities, trace = run(session, {IMAGE_INPUT: image[None], TRACE_INPUT: trace},
                                   [PROBABILITIES_OUTPUT, TRACE_OUTPUT])
        predictions.append(checked(PROBABILITIES_OUTPUT, probabilities, (1,) + image.shape)[0, 0])
        checked(TRACE_OUTPUT, trace, image.shape[1:])
    return np.stack(predictions)


def initial_trace(path, side):
    """The starting trace [S, S]: /trace/hebb of the model file at `path`, or zeros."""
    if path is None:
        return np.zeros((side, side), dtype=np.float32)
    trace = read_trace(path)
    if trace.shape != (side, side):
        raise InputError(f"{path}: the trace has shape {list(trace.shape)}, expected [{side}, {side}]")
    return trace


def parse_arguments(argv):
    """The command line."""
    parser = argparse.ArgumentParser(
        description="Predict the salt probabilities of images with an ONNX export of a plastic-unet "
                    "model in onnxruntime; print each image's mean probability. An export with the "
                    "online trace (inputs image and trace) carries the trace from image to image.")
    parser.add_argument("model", help="the ONNX file")
    parser.add_argument("images", nargs="+", metavar="image", help="S x S 8- or 16-bit grayscale PNG images, "
                                                                 "predicted in this order")
    parser.add_argument("--initial-trace", metavar="MODEL.h5",
                        help="online exports only: start from the trace /trace/hebb of this plastic-unet "
                             "model file (default: a zero trace)")
    parser.add_argument("--out", metavar="PROBS.npy", help="save the probabilities [N, S, S] (float32) here")
    return parser.parse_args(argv)


def predict(args):
    """The probabilities [N, S, S] of the images named on the command line."""
    session, online = open_session(args.model)
    if args.initial_trace is not None and not online:
        raise InputError(f"{args.model} takes no trace input: --initial-trace applies to online exports only")
    images = load_images(args.images, model_size(session))
    if online:
        return predict_online(session, images, initial_trace(args.initial_trace, images.shape[-1]))
    return predict_stateless(session, images)


def main(argv):
    """Predicts, prints and saves; returns the exit code."""
    args = parse_arguments(argv)
    probabilities = predict_and_save(lambda: predict(args), args.out)
    if probabilities is None:
        return 2
    for path, image in zip(args.images, probabilities):
        print(f"{path}: mean probability {image.mean():.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
