#!/usr/bin/env python3
"""Tests of check_layers.py on small synthetic packages (no swift needed)."""

import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_layers  # noqa: E402  (the checker sits beside this file)

LAYERS = [("core", ["Math"]), ("domain", ["Model"]), ("files", ["Disk"]), ("tools", ["Diff", "Plot"]),
          ("command line", ["tool"])]


def target(name: str, kind: str, dependencies: list[str]) -> dict:
    """A target entry shaped like those of `swift package describe --type json`."""
    folder = "Tests" if kind == "test" else "Sources"
    return {"name": name, "type": kind, "module_type": "SwiftTarget", "path": f"{folder}/{name}",
            "target_dependencies": dependencies}


class LayerTests(unittest.TestCase):
    """check_layers.check_package on packages written into a temporary folder."""

    def setUp(self):
        self.root = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.targets = [target("Math", "library", []), target("Model", "library", ["Math"]),
                        target("Disk", "library", ["Model"]), target("tool", "executable", ["Disk"]),
                        target("ModelTests", "test", ["Model", "Math", "tool"])]
        for entry in self.targets:
            self.write(f"{entry['path']}/File.swift", "import Math\n")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def problems(self) -> list[str]:
        return check_layers.check_package({"targets": self.targets}, self.root, LAYERS,
                                          first_foundation_layer="files", sibling_layers={"tools"})

    def test_dependencies_down_the_layers_pass(self):
        self.assertEqual(self.problems(), [])

    def test_a_dependency_on_a_later_layer_fails(self):
        self.targets[1]["target_dependencies"].append("Disk")
        self.assertEqual(self.problems(), ["Model (domain) depends on Disk (files), a later layer"])

    def test_a_test_target_takes_the_layer_of_its_module(self):
        self.targets[4]["target_dependencies"].append("Disk")
        self.assertEqual(self.problems(), ["ModelTests (domain) depends on Disk (files), a later layer"])

    def test_foundation_is_refused_in_the_domain_but_not_in_its_tests_or_files(self):
        self.write("Tests/ModelTests/More.swift", "import Foundation\n")
        self.write("Sources/Disk/More.swift", "import Foundation\n")
        self.assertEqual(self.problems(), [])
        self.write("Sources/Model/More.swift", "// import Foundation\nimport Foundation\n")
        self.assertEqual(self.problems(), ["Model (domain) imports Foundation"])

    def test_a_tool_that_depends_on_a_tool_fails_but_its_tests_may(self):
        self.targets += [target("Diff", "library", ["Disk"]), target("Plot", "library", ["Disk"]),
                         target("DiffTests", "test", ["Diff", "Plot"])]
        self.assertEqual(self.problems(), [])
        self.targets[-2]["target_dependencies"].append("Diff")
        self.assertEqual(self.problems(), ["Plot depends on Diff: one of the tools depends on another"])

    def test_a_target_of_no_layer_fails(self):
        self.targets.append(target("Stray", "library", []))
        self.assertEqual(self.problems(), ["Stray belongs to no layer"])


if __name__ == "__main__":
    unittest.main()
