#!/usr/bin/env python3
"""Check that every Swift target imports exactly the package modules it declares.

For each Swift target of the package (regular, executable and test targets), the
modules imported by its .swift files are compared, both ways, with its direct
dependencies as `swift package describe --type json` reports them:

* a module of the package graph (a target of this package, system-library
  targets included, or a module of a product some target depends on) that a
  target imports without declaring it as a direct dependency is reported as
  "TARGET imports X but does not declare it";
* a direct dependency (target or product) that no source file of the target
  imports is reported as "TARGET declares X but does not import it". A dependency
  on an executable target is exempt: a test target declares the executable it runs
  so that the build makes it, and need not import it.

Modules outside the package graph (Foundation, XCTest, Testing, Glibc, Dispatch,
...) are not package dependencies and are ignored; so are modules of other packages
that no target declares, since the description does not list them. A product of
another package is taken to provide the module named after it (ArgumentParser
provides ArgumentParser); --product-modules says otherwise. Imports inside comments
and string literals do not count; imports inside `#if` blocks do. System-library
and C targets are modules of the graph but have no Swift imports to check.
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

DEFAULT_PACKAGE_PATH = Path(__file__).resolve().parent.parent
DESCRIBE_COMMAND = ["swift", "package", "describe", "--type", "json"]
DESCRIBE_TIMEOUT_SECONDS = 600

_LITERAL_START = re.compile(r'//|/\*|#*"')
_HASHES = re.compile(r"#*")
_BLOCK_COMMENT_TOKEN = re.compile(r"/\*|\*/")
_INTERPOLATION_TOKEN = re.compile(r'//|/\*|#*"|[()]')
_IMPORT = re.compile(
    r"(?m)(?:^|;)[ \t]*"
    r"(?:(?:@\w+(?:\([^()\n]*\))?|public|package|internal|fileprivate|private)\s+)*"
    r"import\s+"
    r"(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?"
    r"`?([A-Za-z_]\w*)"
)


class DescribeError(Exception):
    """The package description could not be obtained or understood."""


def c99name(name: str) -> str:
    """Return the module name SwiftPM derives from a target or product name."""
    module = re.sub(r"\W", "_", name)
    return "_" + module if module[:1].isdigit() else module


def _blank(text: str) -> str:
    """Replace every character but newlines with a space."""
    return re.sub(r"[^\n]", " ", text)


def _block_comment_end(text: str, start: int) -> int:
    """Return the index after the (possibly nested) block comment opened at start."""
    depth, pos = 0, start
    while match := _BLOCK_COMMENT_TOKEN.search(text, pos):
        depth += 1 if match.group() == "/*" else -1
        pos = match.end()
        if depth == 0:
            return pos
    return len(text)


def _interpolation_end(text: str, start: int) -> int:
    """Return the index after the ')' closing an interpolation whose code starts at start."""
    depth, pos = 0, start
    while match := _INTERPOLATION_TOKEN.search(text, pos):
        token = match.group()
        if token == "(":
            depth, pos = depth + 1, match.end()
        elif token == ")":
            if depth == 0:
                return match.end()
            depth, pos = depth - 1, match.end()
        else:
            pos = _literal_end(text, match.start())
    return len(text)


def _string_end(text: str, start: int, hashes: str) -> int:
    """Return the index after the string literal (raw, multi-line or not) opened at start."""
    quote = start + len(hashes)
    multiline = text.startswith('"""', quote)
    close = ('"""' if multiline else '"') + hashes
    escape = "\\" + hashes
    token = re.compile(re.escape(escape) + "|" + re.escape(close) + ("" if multiline else "|\n"))
    pos = quote + (3 if multiline else 1)
    while match := token.search(text, pos):
        if match.group() == escape:
            after = match.end()
            is_interpolation = text.startswith("(", after)
            pos = _interpolation_end(text, after + 1) if is_interpolation else after + 1
        else:
            return match.end() if match.group() == close else match.start()
    return len(text)


def _literal_end(text: str, start: int) -> int:
    """Return the index after the comment or string literal that starts at start."""
    if text.startswith("//", start):
        newline = text.find("\n", start)
        return len(text) if newline < 0 else newline
    if text.startswith("/*", start):
        return _block_comment_end(text, start)
    hashes = _HASHES.match(text, start).group()
    return _string_end(text, start, hashes)


def strip_comments_and_strings(text: str) -> str:
    """Blank out comments and string literals of Swift source, keeping line breaks."""
    parts, pos = [], 0
    while match := _LITERAL_START.search(text, pos):
        end = _literal_end(text, match.start())
        parts += [text[pos:match.start()], _blank(text[match.start():end])]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def imported_modules(source: str) -> set[str]:
    """Return the top-level module names imported by Swift source code."""
    return set(_IMPORT.findall(strip_comments_and_strings(source)))


def run_describe(package_path: Path) -> str:
    """Run `swift package describe --type json` in package_path and return its output."""
    try:
        result = subprocess.run(
            DESCRIBE_COMMAND, cwd=package_path, capture_output=True, text=True,
            timeout=DESCRIBE_TIMEOUT_SECONDS,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DescribeError(f"cannot run {' '.join(DESCRIBE_COMMAND)} in {package_path}: {error}")
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = lines[-1].strip() if lines else f"exit status {result.returncode}"
        raise DescribeError(f"{' '.join(DESCRIBE_COMMAND)} failed in {package_path}: {reason}")
    return result.stdout


def load_describe(describe_file: Path | None, package_path: Path) -> dict:
    """Return the package description, read from describe_file or obtained from swift."""
    if describe_file is None:
        text = run_describe(package_path)
    else:
        try:
            text = describe_file.read_text(encoding="utf-8")
        except OSError as error:
            raise DescribeError(f"cannot read {describe_file}: {error.strerror}")
    try:
        describe = json.loads(text)
    except json.JSONDecodeError as error:
        raise DescribeError(f"package description is not valid JSON: {error}")
    check_structure(describe)
    return describe


def _is_string_list(value: object) -> bool:
    """Tell whether value is a list of strings."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def check_structure(describe) -> None:
    """Raise DescribeError unless describe has the fields of a package description used here."""
    if not isinstance(describe, dict) or not isinstance(describe.get("targets"), list):
        raise DescribeError("package description has no list of targets")
    if not isinstance(describe.get("products", []), list):
        raise DescribeError("products of the package description are not a list")
    for entry in describe["targets"] + describe.get("products", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise DescribeError(f"package description has an entry without a name: {entry!r}")
        for key in ("target_dependencies", "product_dependencies", "targets"):
            if not _is_string_list(entry.get(key, [])):
                raise DescribeError(f"{key} of {entry['name']} is not a list of names")
    for target in describe["targets"]:
        if not isinstance(target.get("path"), str):
            raise DescribeError(f"target {target['name']} has no path")


def module_name(target: dict) -> str:
    """Return the module name of a described target."""
    return target.get("c99name") or c99name(target["name"])


def product_modules(describe: dict, modules_of_target: dict[str, str],
                    overrides: dict[str, set[str]]) -> dict[str, set[str]]:
    """Map each product that a target depends on, or this package makes, to its modules.

    A product of this package provides the modules of its targets; a product of another
    package provides the module named after it, unless overrides says otherwise.
    """
    products = {
        p["name"]: {modules_of_target.get(t, c99name(t)) for t in p.get("targets", [])}
        for p in describe.get("products", [])
    }
    for target in describe["targets"]:
        for product in target.get("product_dependencies", []):
            products.setdefault(product, {c99name(product)})
    return products | overrides


def declared_dependencies(target: dict, modules_of_target: dict[str, str],
                          products: dict[str, set[str]]) -> dict[str, set[str]]:
    """Map each direct dependency of a target, by its declared name, to the modules it provides."""
    declared = {name: {modules_of_target.get(name, c99name(name))}
                for name in target.get("target_dependencies", [])}
    declared |= {name: products[name] for name in target.get("product_dependencies", [])}
    return declared


def swift_files(package_path: Path, target: dict) -> list[Path]:
    """Return the .swift files anywhere under the target's path.

    This covers the sources the description lists, which are relative to that path,
    and also files kept out of the build with `exclude:`.
    """
    root = package_path / target["path"]
    return sorted(f for f in root.rglob("*.swift") if f.is_file())


def target_imports(package_path: Path, target: dict) -> set[str]:
    """Return the modules imported by any source file of a target.

    A file removed while the target is scanned (by a concurrent edit) is skipped.
    """
    modules = set()
    for path in swift_files(package_path, target):
        try:
            modules |= imported_modules(path.read_text(encoding="utf-8", errors="replace"))
        except FileNotFoundError:
            continue
    return modules


def check_target(target: dict, imports: set[str], graph: set[str],
                 declared: dict[str, set[str]], executables: set[str]) -> list[str]:
    """Return the problems of one target, given its imports and declared dependencies.

    Declared executables (names in executables) need not be imported.
    """
    name = target["name"]
    provided = set().union(*declared.values())
    undeclared = (imports & graph) - provided - {module_name(target)}
    unused = [dep for dep, modules in declared.items()
              if not modules & imports and dep not in executables]
    return ([f"{name} imports {m} but does not declare it" for m in undeclared]
            + [f"{name} declares {d} but does not import it" for d in unused])


def check_package(describe: dict, package_path: Path,
                  overrides: dict[str, set[str]]) -> tuple[list[str], int]:
    """Return the sorted problems of the package and the number of targets checked."""
    modules_of_target = {t["name"]: module_name(t) for t in describe["targets"]}
    products = product_modules(describe, modules_of_target, overrides)
    graph = set(modules_of_target.values()).union(*products.values())
    swift_targets = [t for t in describe["targets"] if t.get("module_type") == "SwiftTarget"]
    executables = {t["name"] for t in describe["targets"] if t.get("type") == "executable"}
    problems = []
    for target in swift_targets:
        declared = declared_dependencies(target, modules_of_target, products)
        imports = target_imports(package_path, target)
        problems += check_target(target, imports, graph, declared, executables)
    return sorted(problems), len(swift_targets)


def product_override(text: str) -> tuple[str, set[str]]:
    """Parse a --product-modules value PRODUCT=MODULE[,MODULE...]."""
    product, _, modules = text.partition("=")
    names = {m.strip() for m in modules.split(",") if m.strip()}
    if not product.strip() or not names:
        raise argparse.ArgumentTypeError(f"expected PRODUCT=MODULE[,MODULE...], got {text!r}")
    return product.strip(), names


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="check_imports.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status: 0 when imports match, 1 when any problem is found, "
               "2 when the package description cannot be obtained or parsed",
    )
    parser.add_argument("--package-path", type=Path, default=DEFAULT_PACKAGE_PATH,
                        help="package folder: where swift runs and target paths are "
                             "resolved (default: %(default)s)")
    parser.add_argument("--describe", type=Path, metavar="FILE",
                        help="read the output of `swift package describe --type json` "
                             "from FILE instead of running swift")
    parser.add_argument("--product-modules", type=product_override, action="append",
                        default=[], metavar="PRODUCT=MODULE[,MODULE...]",
                        help="modules of a product of another package whose module is "
                             "not named after it (repeatable)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the check and print its findings; return the exit status."""
    arguments = parse_arguments(argv)
    try:
        describe = load_describe(arguments.describe, arguments.package_path)
        problems, count = check_package(describe, arguments.package_path,
                                        dict(arguments.product_modules))
    except DescribeError as error:
        print(f"check_imports.py: error: {error}", file=sys.stderr)
        return 2
    return report(problems, f"imports match the declared dependencies of {count} targets")


def report(problems: list[str], all_clear: str) -> int:
    """Print each problem, or all_clear when there is none; return the exit status (1 or 0)."""
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(all_clear)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
