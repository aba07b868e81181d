#!/usr/bin/env python3
"""plastic-unet and PyTorch side by side on this machine.

The script defines the network and the training step of docs/MODEL.md in PyTorch (the
UNet body of residual blocks with transposed convolutions and Dropout2d, the 1x1 output
convolution, the plastic head with free alpha and its hebb or oja trace, the BCE loss and
Adam with StepLR), then measures, with the same width n, image side S and thread count:

- a training step at batch size 1, as plastic-unet trains: forward, BCE loss, backward,
  trace update, Adam step (median, fastest and slowest of --repeats runs after two that
  warm up);
- the prediction of one image with a stored trace (median, fastest, slowest), in
  inference mode, without dropout;
- the throughput over --batch images at PyTorch's best batch size among --batch-sizes
  (plastic-unet predicts as `predict` does, a few images per pass; PyTorch gets its best
  batching);
- the peak resident memory of a training loop, run in a child process of its own.

It runs `plastic-unet bench` with the same settings, reads its JSON report and prints
both sets of figures in one table, with the CPU, its vector extensions, the torch version,
the CPU capability PyTorch dispatches to and the thread count.

The machine's limit: plastic-unet bench measures the peak rate of fused multiply-adds on
its kernel path with the same thread count (independent chains of FMAs held in registers,
one thread per core; see `plastic-unet bench --help`). The script prints that peak (the
highest over the rounds) and each side's convolution GFLOP/s also as a percentage of it:
PyTorch's figure is its convolutions' operations (counted as below) over its median time,
over the same peak.

--isa chooses the instruction set of both sides. `native` (the default): each side's
fastest on this CPU (the script clears PLASTIC_UNET_KERNELS, ATEN_CPU_CAPABILITY and
ONEDNN_MAX_CPU_ISA). `avx2`: both forced to AVX2, to compare the AVX2 paths on a CPU that
has AVX-512: PLASTIC_UNET_KERNELS=avx2 for plastic-unet bench, ATEN_CPU_CAPABILITY=avx2 and
ONEDNN_MAX_CPU_ISA=AVX2 for PyTorch, set before torch is imported (so the script imports
torch only once its options are read). The table shows the capability that PyTorch then
reports (torch.backends.cpu.get_cpu_capability()) and the kernel path of plastic-unet.

--convolution winograd measures plastic-unet with Winograd's arithmetic
(`plastic-unet bench --convolution winograd`); PyTorch computes as it always does. Its
GFLOP/s are then effective rates: the direct arithmetic's operations over the time taken.

The two sides take turns --rounds times, so that a spell of load
from elsewhere on the machine slows both alike; the table holds the median over the
rounds of each side's medians (the fastest and slowest over all rounds), and the
training step's ratio of each round is printed below it.

Reading the ratios: every ratio is written so that a value above 1 means plastic-unet
does better. For times and memory it is PyTorch / plastic-unet (2.0: plastic-unet takes
half the time, or half the memory); for throughput it is plastic-unet / PyTorch.

The script also counts the convolutions' floating-point operations of its network (a
multiply-add counts 2; a training step is the forward pass, the weight gradients and the
input gradients of every convolution but the first, whose input needs none) and compares
them with the counts plastic-unet reports. `--check-names` compares the network's
state_dict keys and shapes for n = 16, S = 101 with
fixtures/reference/torch-state-dict-n16-s101.txt and exits.

Exit codes: 0 measured (or names matched); 1 names or parameter count differ;
2 PyTorch missing, plastic-unet missing or failing (for example a kernel path this CPU
lacks), its report unreadable, or the PyTorch training-memory process failing.

This is a developer tool: no test or CI step uses it.
"""

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Imported by import_torch, once the environment that --isa asks for is set.
torch = None
functional = None
UNetpRes = None

REPOSITORY = Path(__file__).resolve().parent.parent
REFERENCE_NAMES = REPOSITORY / "fixtures" / "reference" / "torch-state-dict-n16-s101.txt"
VECTOR_FLAGS = ("avx512f", "avx2", "fma", "asimd", "sve")
WARM_UP = 2
LEARNING_RATE = 3e-4
GAMMA = 0.666
STEP_SIZE = 100_000
DROPOUT = 0.5
# What --isa sets in the environment, for plastic-unet and PyTorch (None: removed).
ISA_ENVIRONMENT = {
    "native": {"PLASTIC_UNET_KERNELS": None, "ATEN_CPU_CAPABILITY": None, "ONEDNN_MAX_CPU_ISA": None},
    "avx2": {"PLASTIC_UNET_KERNELS": "avx2", "ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2"},
}


class ToolError(Exception):
    """A failure that ends the script with exit code 2 and a one-line message."""


def import_torch(isa):
    """Sets the environment of `isa` (ISA_ENVIRONMENT) for this process and its children,
    then imports torch and the network of docs/MODEL.md §2 and §3 with the original
    module's names (the plastic_unet package's, python/plastic_unet/torch_module.py).
    Exits with 2 if either is missing."""
    global torch, functional, UNetpRes
    for name, value in ISA_ENVIRONMENT[isa].items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        import torch as torch_module
        from torch.nn import functional as functional_module
    except ImportError:
        print("PyTorch is not installed: pip install torch", file=sys.stderr)
        sys.exit(2)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "python"))
    try:
        from plastic_unet.torch_module import UNetpRes as network
    except ImportError as error:
        print(f"the plastic_unet package needs {error.name}: pip install numpy h5py", file=sys.stderr)
        sys.exit(2)
    torch, functional, UNetpRes = torch_module, functional_module, network


def cpu_capability():
    """The instruction set PyTorch's CPU kernels dispatch to (AVX512, AVX2, DEFAULT...)."""
    try:
        return torch.backends.cpu.get_cpu_capability()
    except AttributeError:
        return "unknown (torch.backends.cpu.get_cpu_capability is missing)"


def expected_parameter_count(width, size, rule):
    """The scalars of the network and its head by the formula of MODEL.md §2."""
    head = size * size if rule == "none" else 2 * size * size + 1
    return 19926 * width * width + 255 * width + 1 + head


# Measurements in PyTorch.


class Trainer:
    """A model, its optimizer and scheduler, its trace and a few synthetic samples."""

    def __init__(self, width, size, rule, seed=1, samples=8):
        generator = torch.Generator().manual_seed(seed)
        torch.manual_seed(seed)
        self.model = UNetpRes(width, size, rule)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)
        self.scheduler = torch.optim.lr_scheduler.StepLR(self.optimizer, step_size=STEP_SIZE, gamma=GAMMA)
        self.trace = torch.zeros(size, size)
        self.images = torch.rand(samples, 1, 1, size, size, generator=generator)
        self.masks = (self.images[:, :, 0] > 0.5).float()
        self.steps = 0

    def step(self):
        """One training step at batch size 1: forward, loss, backward, trace, Adam, StepLR."""
        self.model.train()
        index = self.steps % len(self.images)
        a = self.model.body(self.images[index])
        y = self.model.head(a, self.trace)
        loss = functional.binary_cross_entropy(y, self.masks[index])
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.trace = self.model.next_trace(a.detach()[0], y.detach()[0], self.trace)
        self.optimizer.step()
        self.scheduler.step()
        self.steps += 1


def timed(repeats, body):
    """Runs `body` WARM_UP times, then times `repeats` runs: the list of seconds."""
    for _ in range(WARM_UP):
        body()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        samples.append(time.perf_counter() - start)
    return samples


def summary(samples):
    """Median, fastest and slowest of `samples` (seconds), with the samples themselves."""
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "samples": samples}


def best_throughput(model, trace, images, batch_sizes, repeats):
    """Images per second over `images` at each batch size, and the best of them.

    Each batch size warms up on one batch, then the whole set is predicted `repeats`
    times; its figure is the set's size over the median time."""
    model.eval()
    by_batch_size = {}
    with torch.inference_mode():
        for batch_size in batch_sizes:
            chunks = torch.split(images, batch_size)
            model(chunks[0], trace)
            samples = []
            for _ in range(repeats):
                start = time.perf_counter()
                for chunk in chunks:
                    model(chunk, trace)
                samples.append(time.perf_counter() - start)
            by_batch_size[batch_size] = len(images) / statistics.median(samples)
    best = max(by_batch_size, key=by_batch_size.get)
    return {"images_per_second": by_batch_size[best], "batch_size": best,
            "images_per_second_by_batch_size": {str(size): rate for size, rate in by_batch_size.items()}}


def convolution_operations(model, size):
    """The convolutions' floating-point operations of one prediction and one training step.

    A k x k convolution Ci->Co on an H x W input costs 2 Ci Co k^2 H W; a transposed one
    on an H x W input 2 Ci Co 9 H W. A training step is the forward pass, every weight
    gradient and every input gradient but the first convolution's."""
    forward = []

    def count(module, inputs, _output):
        height, width = inputs[0].shape[-2:]
        weight = module.weight
        forward.append(2 * weight.numel() * height * width)

    kinds = (torch.nn.Conv2d, torch.nn.ConvTranspose2d)
    convolutions = [module for module in model.modules() if isinstance(module, kinds)]
    hooks = [module.register_forward_hook(count) for module in convolutions]
    model.eval()
    with torch.inference_mode():
        model(torch.zeros(1, 1, size, size), torch.zeros(size, size))
    for hook in hooks:
        hook.remove()
    inference = sum(forward)
    first = 2 * model.conv1.dconv[0].weight.numel() * size * size
    return {"inference_flop": inference, "training_step_flop": 3 * inference - first}


def peak_resident_bytes():
    """This process's peak resident memory in bytes (ru_maxrss is in kilobytes on Linux,
    in bytes on macOS)."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss if sys.platform == "darwin" else maxrss * 1024


def run_fresh(command):
    """Runs `command` as a grandchild, started by a small Python interpreter of its own.

    A process started directly from this one would count this process's peak resident
    memory as its own (Linux carries ru_maxrss across fork and exec), so processes whose
    peak memory is measured are started from an interpreter that holds almost nothing."""
    launcher = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", launcher, *command], capture_output=True, text=True, check=False)


def training_memory(args):
    """Trains REPEATS + 2 steps in this (fresh) process: its resident memory after
    importing torch, and its peak."""
    torch.set_num_threads(args.threads)
    at_rest = peak_resident_bytes()
    trainer = Trainer(args.width, args.size, args.rule)
    for _ in range(args.repeats + WARM_UP):
        trainer.step()
    return {"at_rest_bytes": at_rest, "peak_resident_bytes": peak_resident_bytes()}


def training_peak_memory(args):
    """training_memory in a fresh process running this script."""
    command = [sys.executable, str(Path(__file__).resolve()), "--training-memory-child", "--width", str(args.width),
               "--size", str(args.size), "--rule", args.rule, "--threads", str(args.threads),
               "--repeats", str(args.repeats), "--isa", args.isa]
    result = run_fresh(command)
    if result.returncode != 0:
        last_line = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise ToolError(f"the PyTorch training-memory process exited with {result.returncode}: {last_line}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_pytorch(args):
    """Every PyTorch figure for the settings of `args`."""
    trainer = Trainer(args.width, args.size, args.rule)
    training = timed(args.repeats, trainer.step)
    model, trace = trainer.model, trainer.trace
    model.eval()
    image = trainer.images[0]
    with torch.inference_mode():
        inference = timed(args.repeats, lambda: model(image, trace))
    images = torch.rand(args.batch, 1, args.size, args.size, generator=torch.Generator().manual_seed(2))
    batch_sizes = sorted({min(size, args.batch) for size in args.batch_sizes})
    throughput = best_throughput(model, trace, images, batch_sizes, repeats=3)
    memory = training_peak_memory(args)
    return {"torch_version": torch.__version__, "cpu_capability": cpu_capability(),
            "threads": torch.get_num_threads(), "rule": args.rule,
            "parameters": sum(parameter.numel() for parameter in model.parameters()),
            "training_step_seconds": summary(training), "inference_seconds": summary(inference),
            **throughput, **memory, **convolution_operations(model, args.size)}


# plastic-unet.


def default_binary():
    """plastic-unet in the release folder of the repository that holds this script."""
    try:
        result = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPOSITORY,
                                capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ToolError(f"cannot ask swift for the release folder ({error}); pass --plastic-unet PATH") from error
    if result.returncode != 0 or not result.stdout.strip():
        raise ToolError("`swift build -c release --show-bin-path` failed in "
                        f"{REPOSITORY}; pass --plastic-unet PATH")
    return Path(result.stdout.strip().splitlines()[-1]) / "plastic-unet"


def run_plastic_unet(binary, args):
    """Runs `plastic-unet bench` with the settings of `args` and returns its JSON report."""
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        raise ToolError(f"plastic-unet not found or not executable at {binary}; build it with "
                        "`swift build -c release` or pass --plastic-unet PATH")
    with tempfile.TemporaryDirectory(prefix="pytorch-side-by-side-") as folder:
        report = Path(folder) / "bench.json"
        command = [str(binary.absolute()), "bench", "--width", str(args.width), "--size", str(args.size),
                   "--threads", str(args.threads), "--repeats", str(args.repeats), "--batch", str(args.batch),
                   "--convolution", args.convolution, "--json", str(report)]
        try:
            result = run_fresh(command)
        except OSError as error:
            raise ToolError(f"cannot run {binary}: {error}") from error
        if result.returncode != 0:
            last_line = (result.stderr.strip().splitlines() or ["no message"])[-1]
            raise ToolError(f"`{' '.join(command)}` exited with {result.returncode}: {last_line}")
        try:
            return json.loads(report.read_text())
        except (OSError, ValueError) as error:
            raise ToolError(f"cannot read the JSON report of plastic-unet bench: {error}") from error


def field(report, *path):
    """The value at `path` in plastic-unet's JSON report, or a ToolError naming the key."""
    value = report
    for depth, key in enumerate(path):
        if not isinstance(value, dict) or key not in value:
            keys = ", ".join(sorted(value)) if isinstance(value, dict) else type(value).__name__
            raise ToolError(f"plastic-unet bench JSON has no key '{'.'.join(path[:depth + 1])}' (found: {keys})")
        value = value[key]
    return value


def plastic_unet_figures(report):
    """The figures of the comparison from plastic-unet's report."""
    def timing(key):
        return {part: float(field(report, key, part)) for part in ("median", "min", "max")}

    return {"cpu": field(report, "cpu"), "kernel_path": field(report, "kernel_path"),
            "threads": int(field(report, "threads")),
            "training_step_seconds": timing("training_step_seconds"), "inference_seconds": timing("inference_seconds"),
            "images_per_second": float(field(report, "images_per_second")),
            "batch_size": int(field(report, "batch_size")),
            "images_per_pass": int(field(report, "images_per_pass")),
            "rule": field(report, "rule"), "alpha": field(report, "alpha"),
            "peak_resident_bytes": int(field(report, "peak_resident_bytes")),
            "training_step_flop": float(field(report, "training_step_flop")),
            "inference_flop": float(field(report, "inference_flop")),
            "fma_peak_flop_per_second": float(field(report, "fma_peak_flop_per_second")),
            "fma_peak_chains": int(field(report, "fma_peak_chains")),
            "fma_peak_lanes": int(field(report, "fma_peak_lanes"))}


# The machine.


def cpu_description():
    """The CPU's model name and its vector extensions among VECTOR_FLAGS."""
    fields = {}
    try:
        text = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in text.splitlines():
            key, _, value = line.partition(":")
            fields.setdefault(key.strip().lower(), value.strip())
    except OSError:
        pass
    if "model name" not in fields or "flags" not in fields:
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                key, _, value = line.partition(":")
                fields.setdefault(key.strip().lower(), value.strip())
        except OSError:
            pass
    name = fields.get("model name") or platform.processor() or "unknown CPU"
    flags = set((fields.get("flags") or fields.get("features") or "").split())
    return {"model_name": name, "vector_flags": [flag for flag in VECTOR_FLAGS if flag in flags],
            "cores": os.cpu_count()}


# The comparison.


def over_rounds(rounds):
    """One side's figures from its figures of several rounds: each timing's median over
    the rounds' medians, its fastest and slowest over all rounds; the median throughput;
    the highest peak memory and the highest FMA peak; the rest from the first round."""
    combined = dict(rounds[0])
    for key, value in rounds[0].items():
        if isinstance(value, dict) and "median" in value:
            combined[key] = {"median": statistics.median(r[key]["median"] for r in rounds),
                             "min": min(r[key]["min"] for r in rounds), "max": max(r[key]["max"] for r in rounds)}
    combined["images_per_second"] = statistics.median(r["images_per_second"] for r in rounds)
    combined["peak_resident_bytes"] = max(r["peak_resident_bytes"] for r in rounds)
    if "fma_peak_flop_per_second" in combined:
        combined["fma_peak_flop_per_second"] = max(r["fma_peak_flop_per_second"] for r in rounds)
    return combined


def convolution_rates(figures, peak):
    """One side's convolution rates (operations per second over the median time) of a
    training step and of one prediction, and each as a percentage of `peak`."""
    rates = {}
    for short, flop, seconds in (("training_step", "training_step_flop", "training_step_seconds"),
                                 ("inference", "inference_flop", "inference_seconds")):
        rate = figures[flop] / figures[seconds]["median"]
        rates[f"{short}_flop_per_second"] = rate
        rates[f"{short}_percent_of_peak"] = 100 * rate / peak
    return rates


def ratios(ours, theirs):
    """Each ratio with plastic-unet better above 1."""
    def time_ratio(key, part):
        return theirs[key][part] / ours[key][part]

    return {"training_step_median": time_ratio("training_step_seconds", "median"),
            "training_step_min": time_ratio("training_step_seconds", "min"),
            "training_step_max": time_ratio("training_step_seconds", "max"),
            "inference_median": time_ratio("inference_seconds", "median"),
            "inference_min": time_ratio("inference_seconds", "min"),
            "inference_max": time_ratio("inference_seconds", "max"),
            "throughput": ours["images_per_second"] / theirs["images_per_second"],
            "peak_memory": theirs["peak_resident_bytes"] / ours["peak_resident_bytes"]}


def table(machine, ours, theirs, ratio, args):
    """The side-by-side report as text: the machine and settings, the table, the notes."""
    def ms(seconds):
        return f"{seconds * 1000:.1f} ms"

    def mb(count):
        return f"{count / 1e6:.0f} MB"

    rows = [("measure", "plastic-unet", "PyTorch", "ratio")]
    for label, key, short in (("training step", "training_step_seconds", "training_step"),
                              ("inference, 1 image", "inference_seconds", "inference")):
        for part in ("median", "min", "max"):
            rows.append((f"{label}, {part}", ms(ours[key][part]), ms(theirs[key][part]),
                         f"{ratio[f'{short}_{part}']:.2f}"))
    rows.append((f"throughput, {args.batch} images", f"{ours['images_per_second']:.1f}/s (batch {ours['images_per_pass']})",
                 f"{theirs['images_per_second']:.1f}/s (batch {theirs['batch_size']})", f"{ratio['throughput']:.2f}"))
    rows.append(("peak resident memory", mb(ours["peak_resident_bytes"]), mb(theirs["peak_resident_bytes"]),
                 f"{ratio['peak_memory']:.2f}"))
    peak = ours["fma_peak_flop_per_second"]
    our_rates, their_rates = convolution_rates(ours, peak), convolution_rates(theirs, peak)
    for label, key, short in (("conv GFLOP, training step", "training_step_flop", "training_step"),
                              ("conv GFLOP, inference", "inference_flop", "inference")):
        rows.append((label, f"{ours[key] / 1e9:.3f}", f"{theirs[key] / 1e9:.3f}",
                     "same" if ours[key] == theirs[key] else f"{theirs[key] / ours[key]:.3f}"))
        rows.append((label.replace("GFLOP", "GFLOP/s"), f"{our_rates[f'{short}_flop_per_second'] / 1e9:.1f}",
                     f"{their_rates[f'{short}_flop_per_second'] / 1e9:.1f}", ""))
        rows.append((label.replace("GFLOP", "% of fma peak"), f"{our_rates[f'{short}_percent_of_peak']:.1f}%",
                     f"{their_rates[f'{short}_percent_of_peak']:.1f}%", ""))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = [
        f"cpu           {machine['model_name']} ({', '.join(machine['vector_flags']) or 'no listed vector flags'}), "
        f"{machine['cores']} cores",
        f"model         width {args.width}, {args.size} x {args.size}; PyTorch rule {args.rule}"
        f"{'' if args.rule == 'none' else ', free alpha'}; plastic-unet bench: rule {ours['rule']}, "
        f"{ours['alpha']} alpha, {args.convolution} convolutions",
        f"threads       {args.threads} (torch.get_num_threads() = {theirs['threads']}, "
        f"plastic-unet {ours['threads']})",
        f"isa           {args.isa}" + ("" if args.isa == "native" else
                                          " (PLASTIC_UNET_KERNELS=avx2; ATEN_CPU_CAPABILITY=avx2, "
                                          "ONEDNN_MAX_CPU_ISA=AVX2 before importing torch)"),
        f"torch         {theirs['torch_version']}, CPU capability {theirs['cpu_capability']}",
        f"plastic-unet  {ours['kernel_path']}",
        f"fma peak      {peak / 1e9:.1f} GFLOP/s on {ours['threads']} thread{'' if ours['threads'] == 1 else 's'} "
        f"(plastic-unet bench, the highest over the rounds)",
        f"load          {machine['load_before']:.2f} before, {machine['load_after']:.2f} after (1-minute load "
        "average; other work on the cores slows both sides, PyTorch's OpenMP threads the most)",
        "",
    ]
    for index, (label, *cells) in enumerate(rows):
        cells = [cell.rjust(width) for cell, width in zip(cells, widths[1:])]
        lines.append("  ".join([label.ljust(widths[0]), *cells]))
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines += [
        "",
        "ratio > 1: plastic-unet better (times and memory: PyTorch / plastic-unet; "
        "throughput: plastic-unet / PyTorch).",
        f"% of fma peak: each side's GFLOP/s over the fma peak, the machine's limit that plastic-unet bench "
        f"measured on its kernel path: {ours['fma_peak_chains']} independent chains of {ours['fma_peak_lanes']} "
        "floats of fused multiply-adds in registers on each thread, the fastest of its short repetitions.",
        "PyTorch throughput by batch size: " + ", ".join(
            f"{size}: {rate:.1f}/s" for size, rate in theirs["images_per_second_by_batch_size"].items()),
        f"PyTorch peak memory: a child process training {args.repeats + WARM_UP} steps, "
        f"{mb(theirs['at_rest_bytes'])} of it at rest after importing torch; plastic-unet: its whole bench process "
        "(training, the throughput images, saving and loading the model file).",
    ]
    return "\n".join(lines) + "\n"


# Names.


def check_names(reference):
    """Compares the state_dict keys and shapes of the network for n = 16, S = 101 with
    `reference`; prints the differences. True when they agree."""
    expected = []
    for line in Path(reference).read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, shape = line.split()
            expected.append((name, tuple(int(part) for part in shape.split("x"))))
    model = UNetpRes(16, 101, "oja")
    actual = [(name, tuple(tensor.shape)) for name, tensor in model.state_dict().items()]
    if actual == expected:
        print(f"names match: {len(actual)} tensors of {reference.name}, in its order")
        return True
    for index in range(max(len(actual), len(expected))):
        ours = actual[index] if index < len(actual) else None
        theirs = expected[index] if index < len(expected) else None
        if ours != theirs:
            print(f"tensor {index}: PyTorch {ours}, reference {theirs}")
    return False


def batch_size_list(text):
    """The batch sizes of a comma-separated list such as `1,4,8`."""
    return [int(part) for part in text.split(",")]


def parse_arguments(argv):
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--width", type=int, default=16, help="base width n of the network, 1...128 (default 16)")
    parser.add_argument("--size", type=int, default=101, help="image side S, 16...1024 (default 101)")
    parser.add_argument("--threads", type=int, default=2,
                        help="threads of both: torch.set_num_threads and plastic-unet bench --threads (default 2)")
    parser.add_argument("--repeats", type=int, default=10,
                        help="measured runs of a training step and of one prediction, after 2 that warm up; also "
                        "passed to plastic-unet bench, and the PyTorch memory child trains REPEATS + 2 steps "
                        "(default 10)")
    parser.add_argument("--batch", type=int, default=100,
                        help="images of the throughput measurement, on both sides (default 100)")
    parser.add_argument("--batch-sizes", type=batch_size_list,
                        default=[1, 4, 8, 16, 32, 100], metavar="LIST",
                        help="PyTorch batch sizes tried for the throughput, comma-separated, capped at --batch; "
                        "the best one is reported (default 1,4,8,16,32,100)")
    parser.add_argument("--rule", choices=("none", "hebb", "oja"), default="oja",
                        help="plasticity rule of the PyTorch head, alpha free (default oja, the rule plastic-unet "
                        "bench measures)")
    parser.add_argument("--plastic-unet", type=Path, metavar="PATH",
                        help="the plastic-unet binary (default: the folder printed by `swift build -c release "
                        f"--show-bin-path` in {REPOSITORY}, + /plastic-unet)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="turns each side takes, alternating; the table holds the median over them (default 3)")
    parser.add_argument("--isa", choices=tuple(ISA_ENVIRONMENT), default="native",
                        help="instruction set of both sides: native, each side's fastest on this CPU; avx2, "
                        "PLASTIC_UNET_KERNELS=avx2 for plastic-unet and ATEN_CPU_CAPABILITY=avx2 "
                        "ONEDNN_MAX_CPU_ISA=AVX2 for PyTorch (default native)")
    parser.add_argument("--convolution", choices=("direct", "winograd"), default="direct",
                        help="arithmetic of plastic-unet's 3 x 3 convolutions (plastic-unet bench --convolution; "
                        "default direct)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the combined figures as JSON to OUT")
    parser.add_argument("--check-names", action="store_true",
                        help="only compare the PyTorch state_dict for n = 16, S = 101 with "
                        f"{REFERENCE_NAMES.relative_to(REPOSITORY)} and exit (0 if they match, 1 if not)")
    parser.add_argument("--training-memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for name, low, high in (("width", 1, 128), ("size", 16, 1024), ("threads", 1, 1024), ("repeats", 1, 10**6), ("rounds", 1, 100),
                            ("batch", 1, 10**6)):
        if not low <= getattr(args, name) <= high:
            parser.error(f"--{name} must be in {low}...{high}")
    if not args.batch_sizes or min(args.batch_sizes) < 1:
        parser.error("--batch-sizes must be positive integers")
    return args


def main(argv):
    """Measures, prints the table and writes the JSON; returns the exit code."""
    args = parse_arguments(argv)
    import_torch(args.isa)
    if args.check_names:
        return 0 if check_names(REFERENCE_NAMES) else 1
    if args.training_memory_child:
        print(json.dumps(training_memory(args)))
        return 0
    torch.set_num_threads(args.threads)
    count = sum(parameter.numel() for parameter in UNetpRes(args.width, args.size, args.rule).parameters())
    if count != expected_parameter_count(args.width, args.size, args.rule):
        print(f"the PyTorch network holds {count} scalars, MODEL.md says "
              f"{expected_parameter_count(args.width, args.size, args.rule)}", file=sys.stderr)
        return 1
    load_before = os.getloadavg()[0]
    try:
        binary = args.plastic_unet or default_binary()
        our_rounds, their_rounds = [], []
        for _ in range(args.rounds):
            our_rounds.append(plastic_unet_figures(run_plastic_unet(binary, args)))
            their_rounds.append(measure_pytorch(args))
    except ToolError as error:
        print(error, file=sys.stderr)
        return 2
    ours, theirs = over_rounds(our_rounds), over_rounds(their_rounds)
    machine = {**cpu_description(), "load_before": load_before, "load_after": os.getloadavg()[0]}
    ratio = ratios(ours, theirs)
    ratio["training_step_median_by_round"] = [ratios(o, t)["training_step_median"]
                                              for o, t in zip(our_rounds, their_rounds)]
    print(table(machine, ours, theirs, ratio, args), end="")
    print("training step ratio by round: "
          + ", ".join(f"{value:.2f}" for value in ratio["training_step_median_by_round"]))
    if args.json:
        settings = {"width": args.width, "size": args.size, "threads": args.threads, "repeats": args.repeats,
                    "rounds": args.rounds,
                    "batch": args.batch, "batch_sizes": args.batch_sizes, "rule": args.rule,
                    "isa": args.isa, "plastic_unet": str(binary)}
        peak = ours["fma_peak_flop_per_second"]
        combined = {"machine": machine, "settings": settings,
                    "plastic_unet": {**ours, **convolution_rates(ours, peak)},
                    "pytorch": {**theirs, **convolution_rates(theirs, peak)}, "ratios": ratio}
        args.json.write_text(json.dumps(combined, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
