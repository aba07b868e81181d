#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema (draft 2020-12), with the jsonschema package.

Usage: check_json_schema.py SCHEMA DOCUMENT [DOCUMENT ...]

Prints "ok" and exits 0 when every document is valid; prints each document's first
error and exits 1 otherwise.
"""

import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = []
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        if error is not None:
            failures.append(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    for failure in failures:
        print(failure)
    if not failures:
        print("ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
