#!/usr/bin/env python3
"""Tests of check_imports.py: synthetic packages with hand-written descriptions, and the real one.

Run with `python3 scripts/test_check_imports.py -v`. Only the test on a copy of the real
repository needs swift; it is skipped when swift is not on PATH.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPOSITORY = SCRIPTS.parent
CHECKER = SCRIPTS / "check_imports.py"
sys.path.insert(0, str(SCRIPTS))

import check_imports  # noqa: E402  (the checker sits beside this file)

CLEAN_SOURCES = {
    "Sources/CBase/module.modulemap": 'module CBase [system] { header "shim.h" link "base" }\n',
    "Sources/Core/Core.swift": "import CBase\nimport Foundation\n\npublic struct Thing {}\n",
    "Sources/App/App.swift": "import ArgumentParser\nimport Core\n\npublic func run() {}\n",
    "Sources/my-tool/main.swift": "import App\n\nrun()\n",
    "Tests/CoreTests/ThingTests.swift": "@testable import Core\nimport XCTest\n",
    "Tests/AppTests/Support/Helpers.swift": "import App\n",
    "Tests/AppTests/AppTests.swift": "import Testing\n@testable import my_tool\n",
}

CLEAN_TARGETS = [
    # (name, type, folder, target dependencies, product dependencies)
    ("CBase", "system-target", "Sources", [], []),
    ("Core", "library", "Sources", ["CBase"], []),
    ("App", "library", "Sources", ["Core"], ["ArgumentParser"]),
    ("my-tool", "executable", "Sources", ["App"], []),
    ("CoreTests", "test", "Tests", ["Core"], []),
    ("AppTests", "test", "Tests", ["App", "my-tool"], []),
]
SWIFT_TARGET_COUNT = 5


def describe_target(root: Path, name: str, kind: str, folder: str,
                    targets: list[str], products: list[str]) -> dict:
    """Return a target entry shaped like those of `swift package describe --type json`."""
    path = f"{folder}/{name}"
    sources = sorted(str(f.relative_to(root / path)) for f in (root / path).rglob("*.swift"))
    entry = {
        "c99name": name.replace("-", "_"),
        "module_type": "SystemLibraryTarget" if kind == "system-target" else "SwiftTarget",
        "name": name,
        "path": path,
        "sources": sources,
        "type": kind,
    }
    if kind != "test":
        entry["product_memberships"] = ["my-tool"]
    if targets:
        entry["target_dependencies"] = targets
    if products:
        entry["product_dependencies"] = products
    return entry


def describe_package(root: Path, targets: list[tuple]) -> dict:
    """Return a package description shaped like the real one, for the files under root."""
    return {
        "dependencies": [{
            "identity": "swift-argument-parser",
            "requirement": {"range": [{"lower_bound": "1.8.2", "upper_bound": "2.0.0"}]},
            "type": "sourceControl",
            "url": "https://github.com/apple/swift-argument-parser",
        }],
        "manifest_display_name": "demo",
        "name": "demo",
        "path": str(root),
        "platforms": [{"name": "macos", "version": "13.0"}],
        "products": [{"name": "my-tool", "targets": ["my-tool"], "type": {"executable": None}}],
        "targets": [describe_target(root, *target) for target in targets],
        "tools_version": "6.0",
    }


def run_checker(*arguments: str) -> subprocess.CompletedProcess:
    """Run check_imports.py with arguments and return its completed process."""
    return subprocess.run([sys.executable, str(CHECKER), *arguments],
                          capture_output=True, text=True, timeout=600)


class SyntheticPackageTests(unittest.TestCase):
    """The checker on small packages written into a temporary folder."""

    def setUp(self):
        """Write the clean package into a fresh temporary folder."""
        self.root = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.targets = list(CLEAN_TARGETS)
        for relative, text in CLEAN_SOURCES.items():
            self.write(relative, text)

    def write(self, relative: str, text: str) -> None:
        """Write text to a file of the package, creating its folders."""
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def set_dependencies(self, name: str, targets: list[str], products: list[str]) -> None:
        """Change the declared direct dependencies of one target."""
        self.targets = [entry[:3] + (targets, products) if entry[0] == name else entry
                        for entry in self.targets]

    def check(self, *arguments: str) -> subprocess.CompletedProcess:
        """Describe the package as it is now and run the checker on it."""
        describe = self.root / "describe.json"
        describe.write_text(json.dumps(describe_package(self.root, self.targets)), encoding="utf-8")
        return run_checker("--describe", str(describe), "--package-path", str(self.root),
                           *arguments)

    def assertProblems(self, result: subprocess.CompletedProcess, problems: list[str]) -> None:
        """Assert that the checker failed with exactly these problems, in order."""
        outcome = (result.returncode, result.stdout.splitlines())
        self.assertEqual(outcome, (1, problems), result.stderr)

    def assertClean(self, result: subprocess.CompletedProcess) -> None:
        """Assert that the checker passed the whole synthetic package."""
        expected = f"imports match the declared dependencies of {SWIFT_TARGET_COUNT} targets\n"
        self.assertEqual((result.returncode, result.stdout), (0, expected), result.stderr)

    def test_clean_package_passes(self):
        self.assertClean(self.check())

    def test_undeclared_import_in_test_target_fails(self):
        self.write("Tests/CoreTests/More.swift", "import XCTest\nimport App\n")
        self.assertProblems(self.check(), ["CoreTests imports App but does not declare it"])

    def test_a_declared_executable_need_not_be_imported(self):
        self.write("Tests/AppTests/AppTests.swift", "import Testing\n")
        self.assertClean(self.check())
        self.set_dependencies("AppTests", ["App", "my-tool", "CBase"], [])
        self.assertProblems(self.check(), ["AppTests declares CBase but does not import it"])

    def test_undeclared_system_library_import_fails(self):
        self.write("Sources/App/Native.swift", "import CBase\n")
        self.assertProblems(self.check(), ["App imports CBase but does not declare it"])

    def test_declared_but_unimported_dependencies_fail(self):
        self.write("Sources/Core/Core.swift", "import Foundation\n")
        self.set_dependencies("AppTests", ["App", "my-tool", "Core"], [])
        self.assertProblems(self.check(), [
            "AppTests declares Core but does not import it",
            "Core declares CBase but does not import it",
        ])

    def test_problems_are_sorted_over_all_targets(self):
        self.write("Tests/CoreTests/More.swift", "import App\nimport CBase\n")
        self.write("Sources/my-tool/main.swift", "import Core\n")
        self.assertProblems(self.check(), [
            "CoreTests imports App but does not declare it",
            "CoreTests imports CBase but does not declare it",
            "my-tool declares App but does not import it",
            "my-tool imports Core but does not declare it",
        ])

    def test_unimported_product_dependency_fails(self):
        self.write("Sources/App/App.swift", "import Core\n")
        self.assertProblems(self.check(), ["App declares ArgumentParser but does not import it"])

    def test_undeclared_product_module_import_fails(self):
        self.write("Sources/Core/Options.swift", "import ArgumentParser\n")
        self.assertProblems(self.check(), ["Core imports ArgumentParser but does not declare it"])

    def test_product_modules_not_named_after_the_product(self):
        self.write("Sources/Core/Queue.swift", "import DequeModule\n")
        self.set_dependencies("Core", ["CBase"], ["Collections"])
        self.assertProblems(self.check(), ["Core declares Collections but does not import it"])
        modules = "Collections=DequeModule,OrderedCollections"
        self.assertClean(self.check("--product-modules", modules))

    def test_import_forms_count(self):
        forms = [
            "@testable import Core",
            "import struct Core.Thing",
            "import Core.Submodule",
            "@_exported public import Core",
            "internal import Core",
            "@preconcurrency import Core",
            "@_spi(Testing) @testable import Core",
            "import Foundation; import Core",
            "#if canImport(Core)\nimport Core\n#endif",
            "#if DEBUG\n    @testable\n    import Core\n#endif",
        ]
        for form in forms:
            with self.subTest(form=form):
                self.write("Tests/CoreTests/ThingTests.swift", f"import XCTest\n{form}\n")
                self.assertClean(self.check())
                self.write("Tests/AppTests/Extra.swift", f"{form}\n")
                self.assertProblems(self.check(), ["AppTests imports Core but does not declare it"])
                (self.root / "Tests/AppTests/Extra.swift").unlink()

    def test_imports_in_comments_and_strings_are_ignored(self):
        self.write("Tests/CoreTests/Quoted.swift", '\n'.join([
            "// import App",
            "/* outer /* nested */",
            "import App",
            "*/",
            "let usage = \"\"\"",
            "import App",
            "\"\"\"",
            "let raw = #\"\"\"",
            "import App \\(",
            "\"\"\"#",
            'let escaped = "\\"import App"',
            'let interpolated = "\\(["import App"].count) \\("x")"',
            '/// Write `import App` in a doc comment.',
        ]) + "\n")
        self.assertClean(self.check())

    def test_import_after_a_tricky_string_still_counts(self):
        lines = [
            'let s = "a \\("b)\\"") c" /* x */ + #"\\"#',
            'let nested = "\\(f(0) + g("/*"))"',
            'let raw = #"\\("#',
            'let broken = "not closed on its line',
        ]
        for line in lines:
            with self.subTest(line=line):
                self.write("Tests/CoreTests/Quoted.swift", f"{line}\nimport App\n// */\n")
                self.assertProblems(self.check(), ["CoreTests imports App but does not declare it"])

    def test_import_of_its_own_module_is_ignored(self):
        self.write("Sources/Core/Itself.swift", "import Core\n")
        self.assertClean(self.check())

    def test_system_modules_are_ignored(self):
        system = ["Foundation", "FoundationXML", "FoundationNetworking", "XCTest", "Testing",
                  "Glibc", "Darwin", "Dispatch", "Swift", "_Concurrency"]
        self.write("Sources/Core/Platform.swift", "".join(f"import {m}\n" for m in system))
        self.assertClean(self.check())

    def test_unparseable_describe_exits_2(self):
        describe = self.root / "describe.json"
        broken = ["{not json", '{"name": "demo"}', '{"targets": [{"path": "Sources/X"}]}',
                  '{"targets": [{"name": "X", "path": "Sources/X", "target_dependencies": "Y"}]}',
                  '{"targets": [{"name": "X"}]}']
        for text in broken:
            with self.subTest(text=text):
                describe.write_text(text, encoding="utf-8")
                result = run_checker("--describe", str(describe), "--package-path", str(self.root))
                self.assertEqual((result.returncode, result.stdout), (2, ""))
                self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)

    def test_missing_describe_file_exits_2(self):
        result = run_checker("--describe", str(self.root / "absent.json"))
        self.assertEqual((result.returncode, result.stdout), (2, ""))
        self.assertIn("absent.json", result.stderr)

    def test_package_that_swift_cannot_describe_exits_2(self):
        empty = self.root / "empty"
        empty.mkdir()
        result = run_checker("--package-path", str(empty))
        self.assertEqual((result.returncode, result.stdout), (2, ""))
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)

    def test_help_explains_the_check(self):
        result = run_checker("--help")
        self.assertEqual(result.returncode, 0)
        for text in ["--describe", "--package-path", "does not declare it", "exit status"]:
            self.assertIn(text, result.stdout)


class ImportScanTests(unittest.TestCase):
    """The scanner of Swift source, on its own."""

    def test_modules_imported(self):
        source = ("import A\n  @testable import B.C\npublic import enum D.E\n"
                  "let importer = 1\nimportX\n")
        self.assertEqual(check_imports.imported_modules(source), {"A", "B", "D"})

    def test_stripping_keeps_code_and_line_breaks(self):
        source = 'let a = "x\\(f("y"))z" // c\n/* a\nb */ let b = 2\n'
        stripped = check_imports.strip_comments_and_strings(source)
        self.assertEqual(stripped.count("\n"), source.count("\n"))
        self.assertEqual(stripped.split(), ["let", "a", "=", "let", "b", "=", "2"])


class RealRepositoryTest(unittest.TestCase):
    """The checker on a copy of this repository, with its real package description."""

    @classmethod
    def setUpClass(cls):
        """Copy the repository and capture its description once; skip without swift."""
        if shutil.which("swift") is None:
            raise unittest.SkipTest("swift is not on PATH, so the real package cannot be described")
        cls.folder = tempfile.TemporaryDirectory()
        cls.copy = Path(cls.folder.name) / "package"
        shutil.copytree(REPOSITORY, cls.copy, symlinks=True,
                        ignore=shutil.ignore_patterns(".build*", ".git", ".swiftpm", "__pycache__"))
        result = subprocess.run(check_imports.DESCRIBE_COMMAND, cwd=cls.copy,
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            cls.folder.cleanup()
            raise AssertionError(f"swift package describe failed: {result.stderr.strip()}")
        cls.describe = Path(cls.folder.name) / "describe.json"
        cls.describe.write_text(result.stdout, encoding="utf-8")
        cls.targets = json.loads(result.stdout)["targets"]

    @classmethod
    def tearDownClass(cls):
        """Remove the copy."""
        cls.folder.cleanup()

    def test_injected_undeclared_import_is_reported(self):
        target = self.target_not_declaring("HDF5Kit")
        first = sorted(s for s in target["sources"] if s.endswith(".swift"))[0]
        source = self.copy / target["path"] / first
        expected = f"{target['name']} imports HDF5Kit but does not declare it"
        before = run_checker("--describe", str(self.describe), "--package-path", str(self.copy))
        self.assertEqual(before.returncode, 0, "the repository itself must pass: " + before.stdout)
        source.write_text("import HDF5Kit\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
        after = run_checker("--describe", str(self.describe), "--package-path", str(self.copy))
        self.assertEqual(after.returncode, 1, after.stderr)
        self.assertIn(expected, after.stdout.splitlines())

    def target_not_declaring(self, module: str) -> dict:
        """Return TrainingTests, or else another test target, that does not declare module."""
        candidates = [t for t in self.targets if t.get("type") == "test"
                      and module not in t.get("target_dependencies", [])
                      and any(s.endswith(".swift") for s in t.get("sources", []))]
        if not candidates:
            self.skipTest(f"every test target of the package declares {module}")
        return min(candidates, key=lambda t: (t["name"] != "TrainingTests", t["name"]))


if __name__ == "__main__":
    unittest.main()
