"""plastic-unet model files (docs/FORMAT.md) read with h5py: `load(path)` gives a `Model`."""

import hashlib
import io
import json
import zlib
from pathlib import Path

import h5py
import numpy as np

from .errors import PlasticUNetError

# The seal in the file's 512-byte user block (docs/FORMAT.md): the length and CRC-32 of
# every byte after it.
USER_BLOCK_SIZE = 512
SEAL_MAGIC = b"plastic-unet seal 1\n"
FORMAT_NAME = "plastic-unet-model"


class Model:
    """What a plastic-unet model file holds.

    - `config`: every option, a dict (`config["rule"]`, `config["width"]`, ...);
    - `tensors`: numpy arrays by model path (`/parameters/down1.conv/weight`, `/plastic/w`,
      `/plastic/alpha`, `/plastic/eta`, `/trace/hebb`, ...);
    - `state_dict`: the parameters and plastic coefficients by their PyTorch names;
    - `trace`: the Hebbian trace [S, S] (None without one); `history`: numpy arrays by path
      under /history; `dataset`: the split's record (None before training);
    - `format_version`, `generator`, `sha256` (of the file's bytes), and `seal`:
      "intact", "absent" (a file another program wrote) or "broken".
    """

    def __init__(self, path, config, tensors, state_dict, history, dataset, format_version, generator, sha256, seal):
        self.path = path
        self.config = config
        self.tensors = tensors
        self.state_dict = state_dict
        self.trace = tensors.get("/trace/hebb")
        self.history = history
        self.dataset = dataset
        self.format_version = format_version
        self.generator = generator
        self.sha256 = sha256
        self.seal = seal

    def to_torch(self):
        """The original module, UNetpRes (`plastic_unet.torch_module`), holding these
        tensors (load_state_dict, strict), in eval mode. Needs torch."""
        try:
            import torch
            from .torch_module import UNetpRes
        except ImportError as error:
            raise PlasticUNetError("to_torch needs torch: pip install torch") from error
        module = UNetpRes(self.config["width"], self.config["size"], self.config["rule"], self.config["alpha"])
        expected = module.state_dict()
        missing = sorted(set(expected) - set(self.state_dict)) + sorted(set(self.state_dict) - set(expected))
        if missing:
            raise PlasticUNetError(f"{self.path}: the tensors do not fit UNetpRes (first: {missing[0]})")
        module.load_state_dict({key: torch.from_numpy(np.asarray(self.state_dict[key], dtype=np.float32))
                                for key in expected}, strict=True)
        return module.eval()

    def predict(self, images, trace="stored"):
        """The probabilities [N, S, S] (float32) of `images` ([N, S, S] or one [S, S]
        image, intensities in 0..1 as `read_image` gives them) through `to_torch()`, with
        the trace: "stored" (the file's, frozen), "zero", or "online" (the stored trace,
        updated by the rule after each image, in the order given)."""
        import torch
        if trace not in ("stored", "zero", "online"):
            raise PlasticUNetError(f"trace must be stored, zero or online, not {trace!r}")
        module = self.to_torch()
        size = self.config["size"]
        batch = np.asarray(images, dtype=np.float32)
        batch = batch[None] if batch.ndim == 2 else batch
        if batch.ndim != 3 or batch.shape[1:] != (size, size):
            raise PlasticUNetError(f"images of {size} x {size} expected, got shape {batch.shape}")
        hebb = torch.zeros(size, size)
        if trace != "zero" and self.trace is not None:
            hebb = torch.from_numpy(np.asarray(self.trace, dtype=np.float32))
        probabilities = []
        with torch.no_grad():
            for image in batch:
                a = module.body(torch.from_numpy(image)[None, None])
                y = module.head(a, hebb)
                probabilities.append(y[0].numpy())
                if trace == "online":
                    hebb = module.next_trace(a[0], y[0], hebb, self.config.get("trace_rows", "all"))
        return np.stack(probabilities)

    def __repr__(self):
        return (f"Model({self.path!r}, rule={self.config.get('rule')!r}, width={self.config.get('width')}, "
                f"generator={self.generator!r}, seal={self.seal!r})")


def seal_state(data):
    """The state of the seal of a file's bytes `data`: "intact", "absent" or "broken"."""
    if len(data) <= USER_BLOCK_SIZE or not data.startswith(SEAL_MAGIC):
        return "absent"
    header = data[:USER_BLOCK_SIZE].split(b"\0", 1)[0]
    body = memoryview(data)[USER_BLOCK_SIZE:]
    expected = SEAL_MAGIC + f"length {len(body)}\ncrc32 {zlib.crc32(body):08x}\n".encode()
    return "intact" if header == expected else "broken"


def load(path, verify=True):
    """The model in the plastic-unet model file at `path`.

    With `verify=True` (the default) a file whose seal is broken is refused, and every
    dataset is read, so that HDF5's checksums (Fletcher-32) are checked; a file without a
    seal (written by h5py or by the PyTorch fixtures) loads. `verify=False` loads a file
    edited after the fact, as `plastic-unet` reads one: the seal is reported, not enforced.
    Raises PlasticUNetError, naming the file and the problem, for a missing file, a file
    that is not HDF5 or not a plastic-unet model file, a broken seal or a damaged dataset.
    """
    path = str(path)
    if not Path(path).is_file():
        raise PlasticUNetError(f"{path}: no such file")
    data = Path(path).read_bytes()
    seal = seal_state(data)
    if verify and seal == "broken":
        raise PlasticUNetError(f"{path}: the seal is broken: the file was damaged, or changed after it was written "
                               "(load(path, verify=False) reads it anyway)")
    try:
        file = h5py.File(io.BytesIO(data), "r")
    except OSError as error:
        raise PlasticUNetError(f"{path}: not an HDF5 file ({error})") from error
    with file:
        if _text(file.attrs.get("format")) != FORMAT_NAME:
            raise PlasticUNetError(f"{path}: not a plastic-unet model file (no format = {FORMAT_NAME} attribute)")
        try:
            return _model(path, file, data, seal)
        except (OSError, KeyError, ValueError) as error:
            raise PlasticUNetError(f"{path}: a damaged or unreadable dataset ({error})") from error


def _model(path, file, data, seal):
    """The model of the open `file`, every dataset read."""
    datasets = {}
    file.visititems(lambda name, item: datasets.__setitem__("/" + name, item)
                    if isinstance(item, h5py.Dataset) else None)
    arrays = {name: dataset[()] for name, dataset in datasets.items()}
    tensors = {name: array for name, array in arrays.items()
               if name.startswith(("/parameters/", "/plastic/", "/trace/"))}
    state_dict = {}
    for name, dataset in datasets.items():
        torch_name = dataset.attrs.get("torch_name")
        if torch_name is not None and name in tensors:
            state_dict[_text(torch_name)] = tensors[name]
    history = {name: array for name, array in arrays.items() if name.startswith("/history/")}
    dataset_record = None
    if "dataset" in file:
        dataset_record = {key: _value(value) for key, value in file["dataset"].attrs.items()}
        for name, array in arrays.items():
            if name.startswith("/dataset/"):
                dataset_record[name[len("/dataset/"):]] = [_text(value) for value in np.ravel(array)]
    return Model(path, json.loads(_text(file.attrs["config"])), tensors, state_dict, history, dataset_record,
                 int(file.attrs["format_version"]), _text(file.attrs.get("generator")),
                 hashlib.sha256(data).hexdigest(), seal)


def _value(value):
    """An attribute's value as Python gives it: text as str, a number as int or float."""
    if isinstance(value, (bytes, str)):
        return _text(value)
    return value.item() if isinstance(value, np.generic) or getattr(value, "shape", None) == () else value


def _text(value):
    """An attribute's or string dataset's value as str (h5py gives bytes or str)."""
    if isinstance(value, bytes):
        return value.rstrip(b"\0").decode("utf-8")
    if isinstance(value, np.ndarray) and value.shape == ():
        return _text(value[()])
    return value if value is None or isinstance(value, str) else str(value)
