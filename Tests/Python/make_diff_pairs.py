"""Writes HDF5 files for the tests of `plastic-unet diff`, with h5py (an implementation
independent of the package's HDF5 code).

    make_diff_pairs.py FOLDER
        writes base.h5 and variants of it, each differing from it in one known way
        (the file names say how); see write_pairs.
    make_diff_pairs.py --edit-config MODEL OUT KEY=JSON
        copies the model file MODEL to OUT with one key of its config attribute set to a
        JSON value.
    make_diff_pairs.py --scale MODEL OUT PATH FACTOR
        copies MODEL to OUT with the dataset at PATH multiplied by FACTOR (in place, so the
        dataset keeps its storage and filters).

Prints "ok" when done.
"""

import json
import shutil
import sys
from pathlib import Path

import h5py
import numpy as np


def base_contents() -> dict:
    """The datasets of base.h5: path -> numpy array (strings as lists)."""
    return {
        "g/x": (np.arange(12, dtype=np.float32) / 4).reshape(3, 4),
        "g/n": np.array([1, 2, 3, 4, 1 << 60], dtype=np.int64),
        "g/i32": np.array([-7, 0, 7, 70000], dtype=np.int32),
        "g/h": np.array([0.5, -1.25], dtype=np.float16),
        "s": ["alpha", "beta"],
    }


def write(path: Path, contents: dict, group_unit: str = "m", extra_attribute: bool = False) -> None:
    """Writes one file: the datasets of contents, attribute unit on /g, title on the root."""
    with h5py.File(path, "w") as file:
        file.attrs["title"] = "diff test"
        group = file.create_group("g")
        group.attrs["unit"] = group_unit
        if extra_attribute:
            group.attrs["note"] = np.int64(3)
        for name, value in contents.items():
            if isinstance(value, list):
                file.create_dataset(name, data=value, dtype=h5py.string_dtype())
            elif name == "g/x" and value.shape == (3, 4):
                # Stored in chunks of 2 x 3, with edge chunks, through shuffle, deflate and
                # Fletcher-32, as model files are.
                file.create_dataset(name, data=value, chunks=(2, 3), shuffle=True, compression="gzip",
                                    fletcher32=True)
            else:
                file.create_dataset(name, data=value)


def write_pairs(folder: Path) -> None:
    """base.h5 and its variants."""
    base = base_contents()
    write(folder / "base.h5", base)
    write(folder / "same.h5", base)
    one = dict(base)
    one["g/x"] = base["g/x"].copy()
    one["g/x"][1, 2] += np.float32(0.5)
    write(folder / "one_element.h5", one)
    shape = dict(base)
    shape["g/x"] = base["g/x"].reshape(4, 3)
    write(folder / "shape.h5", shape)
    write(folder / "missing.h5", {k: v for k, v in base.items() if k != "g/n"})
    write(folder / "attribute.h5", base, group_unit="cm")
    write(folder / "extra_attribute.h5", base, extra_attribute=True)
    for name, value in (("nan_a.h5", np.nan), ("nan_b.h5", np.nan)):
        nan = dict(base)
        nan["g/x"] = base["g/x"].copy()
        nan["g/x"][0, 1] = value
        write(folder / name, nan)
    dtype = dict(base)
    dtype["g/n"] = base["g/n"].astype(np.float64)
    write(folder / "dtype.h5", dtype)
    strings = dict(base)
    strings["s"] = ["alpha", "gamma"]
    write(folder / "strings.h5", strings)


def edit_config(model: Path, out: Path, assignment: str) -> None:
    """Copies model to out with one config key set."""
    key, _, text = assignment.partition("=")
    shutil.copyfile(model, out)
    with h5py.File(out, "r+") as file:
        config = json.loads(file.attrs["config"])
        config[key] = json.loads(text)
        file.attrs["config"] = json.dumps(config, sort_keys=True, separators=(",", ":"))


def scale(model: Path, out: Path, path: str, factor: str) -> None:
    """Copies model to out with one dataset multiplied by factor."""
    shutil.copyfile(model, out)
    with h5py.File(out, "r+") as file:
        dataset = file[path]
        dataset[...] = dataset[...] * dataset.dtype.type(float(factor))


def main(arguments: list) -> int:
    if arguments[:1] == ["--edit-config"] and len(arguments) == 4:
        edit_config(Path(arguments[1]), Path(arguments[2]), arguments[3])
    elif arguments[:1] == ["--scale"] and len(arguments) == 5:
        scale(Path(arguments[1]), Path(arguments[2]), arguments[3], arguments[4])
    elif len(arguments) == 1:
        write_pairs(Path(arguments[0]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
