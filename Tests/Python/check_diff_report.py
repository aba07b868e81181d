"""Validates `plastic-unet diff --json` reports against schemas/diff-report-v1.schema.json.

    check_diff_report.py SCHEMA REPORT...

Prints "ok" when every report is valid, else the first problem of each invalid one.
"""

import json
import sys

import jsonschema


def main(arguments: list) -> int:
    if len(arguments) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as file:
        schema = json.load(file)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for path in arguments[1:]:
        with open(path, encoding="utf-8") as file:
            report = json.load(file)
        error = jsonschema.exceptions.best_match(validator.iter_errors(report))
        if error is not None:
            problems.append(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
