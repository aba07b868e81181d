"""Checks an untrained plastic-unet model file with h5py, independently of the Swift code.

Usage: python3 check_model.py FILE [key=value ...]

The key=value pairs are expected values of the config attribute (JSON values, for
example width=2 rule="hebb" learn_eta=true). The layout expectations below are written
from the format's documentation (the README's description of the model file and docs/MODEL.md), not from the project's schema.
Prints "ok" and exits 0, or prints each failure and exits 1.
"""

import json
import math
import sys

import h5py
import numpy as np

from checks import Checks


def convolutions(n):
    """(path prefix, torch prefix) of every convolution of the network of width n."""
    layers = []

    def block(name, torch):
        layers.append((f"{name}.conv", f"{torch}.0"))
        for unit in (1, 2):
            for conv in (1, 2):
                layers.append((f"{name}.res{unit}.conv{conv}", f"{torch}.{unit}.conv.{conv}.conv"))

    for index, name in enumerate(["down1", "down2", "down3", "down4"], start=1):
        block(name, f"conv{index}.dconv")
    block("middle", "mid.mconv")
    for index in (4, 3, 2, 1):
        layers.append((f"up{index}.transpose", f"uconv{index}.dconv"))
        block(f"up{index}", f"uconv{index}.uconv.1.mconv")
    layers.append(("output", "outc.conv"))
    return layers


def expected_shapes(n):
    """Weight shape of each convolution, in the PyTorch layouts."""
    shapes = {}
    channels = [1, n, 2 * n, 4 * n, 8 * n, 16 * n]
    for index, name in enumerate(["down1", "down2", "down3", "down4", "middle"]):
        cin, cout = channels[index], channels[index + 1]
        shapes[f"{name}.conv"] = (cout, cin, 3, 3)
        for unit in (1, 2):
            for conv in (1, 2):
                shapes[f"{name}.res{unit}.conv{conv}"] = (cout, cout, 3, 3)
    for index in (4, 3, 2, 1):
        cin, cout = channels[index + 1], channels[index]
        shapes[f"up{index}.transpose"] = (cin, cout, 3, 3)
        shapes[f"up{index}.conv"] = (cout, cin, 3, 3)
        for unit in (1, 2):
            for conv in (1, 2):
                shapes[f"up{index}.res{unit}.conv{conv}"] = (cout, cout, 3, 3)
    shapes["output"] = (1, n, 1, 1)
    return shapes


def main(path, expectations):
    check = Checks()

    with h5py.File(path, "r") as f:
        root = f.attrs
        check(root.get("format") == "plastic-unet-model", f"format is {root.get('format')!r}")
        version = root.get("format_version")
        check(version == 1 and np.asarray(version).dtype == np.int64, f"format_version is {version!r}")
        check(str(root.get("generator", "")).startswith("plastic-unet "), "generator")
        config = json.loads(root["config"])
        for key, value in expectations.items():
            check(config.get(key) == value, f"config {key} is {config.get(key)!r}, expected {value!r}")
        check(list(config) == sorted(config), "config keys are not sorted")
        n, s, rule, alpha = config["width"], config["size"], config["rule"], config["alpha"]
        learn_eta = config["learn_eta"]
        plastic = rule in ("hebb", "oja")

        # Every trainable tensor: path -> (torch name, shape).
        params = {"/plastic/w": ("w", (s, s))}
        if plastic:
            params["/plastic/alpha"] = ("alpha", (s, s) if alpha == "free" else (1,))
            params["/plastic/eta"] = ("eta", (1,))
        shapes = expected_shapes(n)
        for name, torch in convolutions(n):
            params[f"/parameters/{name}/weight"] = (f"{torch}.weight", shapes[name])
            params[f"/parameters/{name}/bias"] = (f"{torch}.bias", (shapes[name][1 if "transpose" in name else 0],))

        datasets = {p: ("float32", shape) for p, (_, shape) in params.items()}
        for mirror in ("/optimizer/m", "/optimizer/v"):
            datasets.update({mirror + p: ("float32", shape) for p, (_, shape) in params.items()})
        if plastic:
            datasets["/trace/hebb"] = ("float32", (s, s))
            if learn_eta:
                datasets["/trace/eta_sensitivity"] = ("float32", (s, s))
        datasets["/history/train_loss"] = ("float32", (0,))
        for column in ("train_loss", "val_loss", "val_score", "lr"):
            datasets[f"/history/epochs/{column}"] = ("float64", (0,))

        found = []
        f.visititems(lambda name, obj: found.append("/" + name) if isinstance(obj, h5py.Dataset) else None)
        check(sorted(found) == sorted(datasets),
              f"datasets differ: extra {sorted(set(found) - set(datasets))}, "
              f"missing {sorted(set(datasets) - set(found))}")
        for group in ("/parameters", "/plastic", "/optimizer", "/rng", "/progress", "/history"):
            check(isinstance(f.get(group), h5py.Group), f"{group} is not a group")
        check("/dataset" not in f, "an untrained file has /dataset")
        check(("/trace" in f) == plastic, "/trace present iff the rule is plastic")

        for p, (dtype, shape) in datasets.items():
            if p not in f:
                continue
            d = f[p]
            check(d.dtype == np.dtype(dtype).newbyteorder("<"), f"{p}: dtype {d.dtype}")
            check(d.shape == shape, f"{p}: shape {d.shape}, expected {shape}")
            check(d.chunks is not None, f"{p}: not chunked")
            check(d.fletcher32 and d.shuffle and d.compression == "gzip", f"{p}: filters")

        for p, (torch, _) in params.items():
            if p in f:
                check(f[p].attrs.get("torch_name") == torch, f"{p}: torch_name {f[p].attrs.get('torch_name')!r}")

        # Values of a new model (docs/MODEL.md §3).
        if plastic:
            check(np.all(f["/plastic/eta"][()] == np.float32(0.01)), "eta is not 0.01")
            a = f["/plastic/alpha"][()]
            if alpha == "yoked":
                check(np.all(a == np.float32(0.01)), "yoked alpha is not 0.01")
            else:
                check(np.all((a >= 0) & (a < 0.01)), "free alpha is not in [0, 0.01)")
            check(np.all(f["/trace/hebb"][()] == 0), "trace is not zero")
            check(f["/trace/hebb"].attrs.get("samples") == 0, "trace samples is not 0")
            if learn_eta:
                check(np.all(f["/trace/eta_sensitivity"][()] == 0), "eta sensitivity is not zero")
        w = f["/plastic/w"][()].astype(np.float64)
        rms = math.sqrt(float(np.mean(w * w)))
        check(0.007 < rms < 0.013, f"w has rms {rms}, expected about 0.01")
        for name, _ in convolutions(n):
            weight = f[f"/parameters/{name}/weight"][()]
            bias = f[f"/parameters/{name}/bias"][()]
            # fanIn = in*kh*kw, or out*kh*kw for the transposed [in, out, kh, kw]: shape[1]*kh*kw both ways.
            bound = 1 / math.sqrt(weight.shape[1] * weight.shape[2] * weight.shape[3])
            check(np.all(np.abs(weight) <= bound) and np.all(np.abs(bias) <= bound), f"{name}: outside ±{bound}")
            check(np.any(weight != 0), f"{name}: weight is zero")
        for mirror in ("/optimizer/m", "/optimizer/v"):
            for p in params:
                if mirror + p in f:
                    check(np.all(f[mirror + p][()] == 0), f"{mirror}{p} is not zero")

        optimizer = f["/optimizer"].attrs
        check(optimizer.get("name") == "adam", "optimizer name")
        check(optimizer.get("step") == 0, "optimizer step")
        for key, value in (("lr", 3e-4), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8), ("gamma", 0.666)):
            check(optimizer.get(key) == value, f"optimizer {key} is {optimizer.get(key)!r}")
        check(optimizer.get("step_size") == 100000, "optimizer step_size")
        check(f["/rng"].attrs.get("seed") == config["seed"], "rng seed")
        check(isinstance(f["/rng"].attrs.get("algorithm"), str), "rng algorithm")
        check(f["/progress"].attrs.get("epoch") == 0 and f["/progress"].attrs.get("sample_in_epoch") == 0,
              "progress")

    return check.report()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    pairs = dict(argument.split("=", 1) for argument in sys.argv[2:])
    sys.exit(main(sys.argv[1], {key: json.loads(value) for key, value in pairs.items()}))
