#!/usr/bin/env python3
"""Run the built program on older x86-64 CPUs, emulated by qemu-user, and check that it
starts, picks the kernel path that CPU supports, and trains the same model file, byte for
byte, as on this machine.

Nehalem (no AVX) must take the portable path and Haswell the avx2 path. The training is
one epoch of a width-1 model on fixtures/tgs-12-s32. Exit 0: as expected; 1: a CPU took
another path or trained another file; 2: nothing could be run (without qemu-x86_64 this
is a skip, exit 0, unless PLASTIC_UNET_REQUIRE_TOOLS=1; on another architecture, a skip).
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CPUS = [("Nehalem", "portable"), ("Haswell-v4", "avx2")]
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "tgs-12-s32"
TRAIN = ["train", "--data", str(FIXTURE), "--width", "1", "--epochs", "1", "--seed", "3", "--threads", "2"]
BENCH = ["bench", "--width", "1", "--size", "16", "--repeats", "1", "--batch", "1"]


def run(command: list[str]) -> str:
    """Run a command and return its standard output; raise with its error output."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])}... exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def kernel_path(bench_output: str) -> str:
    """Return the kernel path that a bench report names."""
    for line in bench_output.splitlines():
        if line.startswith("kernels"):
            return line.split()[1].rstrip(":")
    raise RuntimeError("bench printed no kernels line")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", help="the built program, for example .build/release/plastic-unet")
    args = parser.parse_args()
    if platform.machine() not in ("x86_64", "AMD64"):
        print(f"check_other_cpus: skipped on {platform.machine()}")
        return 0
    qemu = shutil.which("qemu-x86_64")
    if qemu is None:
        required = os.environ.get("PLASTIC_UNET_REQUIRE_TOOLS") == "1"
        print("check_other_cpus: qemu-x86_64 not found (Debian: qemu-user)"
              + ("" if required else "; skipped"), file=sys.stderr)
        return 2 if required else 0
    program = str(Path(args.program).resolve())
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        try:
            native = Path(scratch, "native.h5")
            run([program, *TRAIN, "--out", str(native)])
            for cpu, expected in CPUS:
                emulated = [qemu, "-cpu", cpu, program]
                path = kernel_path(run(emulated + BENCH))
                if path != expected:
                    problems.append(f"{cpu}: kernel path {path}, expected {expected}")
                model = Path(scratch, f"{cpu}.h5")
                run(emulated + TRAIN + ["--out", str(model)])
                if model.read_bytes() != native.read_bytes():
                    problems.append(f"{cpu}: the model file differs from this machine's")
                else:
                    print(f"{cpu}: {path} kernels, the same model file as this machine's")
        except (OSError, RuntimeError) as error:
            print(f"check_other_cpus: {error}", file=sys.stderr)
            return 2
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
