#!/usr/bin/env python3
"""Check that the package's dependencies point one way, down the layers of docs/ARCHITECTURE.md.

Every target belongs to one layer (a test target to the layer of the module it tests,
named by dropping "Tests"). A target may depend on targets of its own layer or of the
layers listed before it, never after; a test target may also depend on an executable
target, which it runs. The modules of the numeric core and of the domain (every layer
before "shared"; their tests may) must not import Foundation. A target that no layer lists is a problem
too, so that a new module is placed on purpose. The tools are siblings: a tool never
depends on another tool (what two tools share goes down a layer).

The dependencies come from `swift package describe --type json` (run in the package,
or read from --describe FILE), the imports from the targets' sources, as in
check_imports.py.
"""

import argparse
import sys
from pathlib import Path

import check_imports

LAYERS = [
    ("numeric core", ["PortableMath", "RandomStreams", "Checksums", "CPUFeatures", "CacheHints", "KernelLoops",
                      "KernelsAVX512", "KernelsAVX2", "KernelsPortable", "Kernels"]),
    ("model", ["PlasticUNet"]),
    ("data", ["TGSData"]),
    ("scoring", ["Scoring"]),
    ("training", ["Training"]),
    ("shared", ["Reports", "ParallelWork"]),
    ("files", ["CHDF5", "CPNG", "CZlib", "FileOutput", "HDF5Kit", "ImageFiles", "TGSFiles", "ModelFile",
               "ONNXMessages"]),
    ("runs", ["ModelRuns"]),
    ("tools", ["Evaluation", "ModelDiff", "Regression", "Benchmark", "Interop",
               "Sweeps", "Reproduction"]),
    ("command line", ["CMalloc", "PlasticUNetCLI", "plastic-unet"]),
]
FIRST_FOUNDATION_LAYER = "shared"
SIBLING_LAYERS = {"tools"}
FOUNDATION_MODULES = {"Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML"}


def layer_index(name: str, layers: list[tuple[str, list[str]]]) -> int | None:
    """Return the position of the layer that lists the target name, or None."""
    for index, (_, members) in enumerate(layers):
        if name in members:
            return index
    return None


def target_layer(target: dict, layers: list[tuple[str, list[str]]]) -> int | None:
    """Return the layer of a target; a test target takes the layer of the module it tests."""
    name = target["name"]
    if target.get("type") == "test" and name.endswith("Tests"):
        name = name[: -len("Tests")]
    return layer_index(name, layers)


def check_package(describe: dict, package_path: Path, layers: list[tuple[str, list[str]]],
                  first_foundation_layer: str = FIRST_FOUNDATION_LAYER,
                  sibling_layers: set[str] = SIBLING_LAYERS) -> list[str]:
    """Return the sorted problems of the package's layering.

    Layers before `first_foundation_layer` may not import Foundation; a target of a layer in
    `sibling_layers` may not depend on another target of that layer (its tests may).
    """
    targets = {t["name"]: t for t in describe["targets"]}
    executables = {name for name, t in targets.items() if t.get("type") == "executable"}
    domain_end = [name for name, _ in layers].index(first_foundation_layer)
    problems = []
    for name, target in targets.items():
        layer = target_layer(target, layers)
        if layer is None:
            problems.append(f"{name} belongs to no layer")
            continue
        for dependency in target.get("target_dependencies", []):
            if target.get("type") == "test" and dependency in executables:
                continue
            below = layer_index(dependency, layers)
            if below is not None and below > layer:
                problems.append(f"{name} ({layers[layer][0]}) depends on {dependency} "
                                f"({layers[below][0]}), a later layer")
            elif below == layer and layers[layer][0] in sibling_layers and target.get("type") != "test":
                problems.append(f"{name} depends on {dependency}: one of the {layers[layer][0]} "
                                f"depends on another")
        if layer < domain_end and target.get("type") in ("library", "executable") \
                and target.get("module_type") == "SwiftTarget":
            foundation = check_imports.target_imports(package_path, target) & FOUNDATION_MODULES
            for module in sorted(foundation):
                problems.append(f"{name} ({layers[layer][0]}) imports {module}")
    return sorted(problems)


def main(argv: list[str]) -> int:
    """Run the check and print its findings; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="check_layers.py", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 when the layers hold, 1 when any problem is found, "
               "2 when the package description cannot be obtained or parsed")
    parser.add_argument("--package-path", type=Path, default=check_imports.DEFAULT_PACKAGE_PATH,
                        help="package folder (default: %(default)s)")
    parser.add_argument("--describe", type=Path, metavar="FILE",
                        help="read the output of `swift package describe --type json` from FILE")
    arguments = parser.parse_args(argv)
    try:
        describe = check_imports.load_describe(arguments.describe, arguments.package_path)
    except check_imports.DescribeError as error:
        print(f"check_layers.py: error: {error}", file=sys.stderr)
        return 2
    problems = check_package(describe, arguments.package_path, LAYERS)
    return check_imports.report(problems, f"the dependencies of {len(describe['targets'])} targets "
                                          f"point down {len(LAYERS)} layers")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
