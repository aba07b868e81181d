"""Checks plastic-unet evaluation reports, independently of the Swift code.

Usage: python3 check_report.py SCHEMA REPORT [PER_IMAGE_CSV]

Validates REPORT (JSON) against SCHEMA (JSON Schema draft 2020-12) with the jsonschema
package, then checks what the schema cannot say: the counts add up and the best sweep
threshold is the smallest one with the highest score. With PER_IMAGE_CSV, recomputes
every image's score from its pixel counts (exact fractions, docs/MODEL.md §5) and from those
the report's score, precision and breakdowns, which must agree exactly.
Prints "ok" and exits 0, or prints each failure and exits 1.
"""

import csv
import json
import sys
from fractions import Fraction

import jsonschema

from checks import Checks

IOU_THRESHOLDS = [Fraction(10 + k, 20) for k in range(10)]


def passed_thresholds(truth, predicted, intersection, union):
    """How many IoU thresholds 0.50 ... 0.95 an image passes (docs/MODEL.md §5)."""
    if truth == 0 and predicted == 0:
        return 10
    if truth == 0 or predicted == 0:
        return 0
    iou = Fraction(intersection, union)
    return sum(1 for threshold in IOU_THRESHOLDS if iou > threshold)


def coverage_class(truth, pixels):
    return -((-10 * truth) // pixels)


def mean_score(passed):
    """The mean of the images' scores, as the nearest double to the exact mean."""
    return float(Fraction(sum(passed), 10 * len(passed))) if passed else None


def check_per_image(report, path, check):
    with open(path, newline="") as table:
        rows = list(csv.DictReader(table))
    check(len(rows) == report["image_count"], "per-image rows differ from image_count")
    ids = [row["id"] for row in rows]
    check(ids == sorted(ids, key=lambda i: i.encode()), "per-image rows are not in id order")
    pixels = report["data"]["size"] ** 2 if "data" in report else report["masks"]["size"] ** 2
    passed, classes, empty = [], [], []
    for row in rows:
        truth, predicted = int(row["truth_pixels"]), int(row["predicted_pixels"])
        intersection, union = int(row["intersection"]), int(row["union"])
        check(union == truth + predicted - intersection, f"{row['id']}: union")
        count = passed_thresholds(truth, predicted, intersection, union)
        check(count == int(row["passed_thresholds"]), f"{row['id']}: passed thresholds")
        check(float(Fraction(count, 10)) == float(row["score"]), f"{row['id']}: score")
        check(coverage_class(truth, pixels) == int(row["coverage_class"]), f"{row['id']}: coverage class")
        passed.append(count)
        classes.append(coverage_class(truth, pixels))
        empty.append(truth == 0)
    check(mean_score(passed) == report["score"], f"score {report['score']} != {mean_score(passed)}")
    for k, entry in enumerate(report["precision"]):
        fraction = float(Fraction(sum(1 for p in passed if p > k), len(passed)))
        check(entry["fraction"] == fraction, f"precision at {entry['iou_above']}")
    for entry in report["by_coverage_class"]:
        members = [p for p, c in zip(passed, classes) if c == entry["class"]]
        check(entry["count"] == len(members) and entry["score"] == mean_score(members), f"class {entry['class']}")
    for key, is_empty in (("empty", True), ("non_empty", False)):
        members = [p for p, e in zip(passed, empty) if e == is_empty]
        group = report["by_truth"][key]
        check(group["count"] == len(members) and group["score"] == mean_score(members), f"by_truth {key}")


def main(schema_path, report_path, per_image_path=None):
    check = Checks()

    with open(schema_path) as f:
        schema = json.load(f)
    with open(report_path) as f:
        report = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    for error in jsonschema.Draft202012Validator(schema).iter_errors(report):
        check(False, f"schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    if not check.failures:
        classes = report["by_coverage_class"]
        check([c["class"] for c in classes] == list(range(11)), "coverage classes out of order")
        check(sum(c["count"] for c in classes) == report["image_count"], "class counts do not add up")
        truth = report["by_truth"]
        check(truth["empty"]["count"] == classes[0]["count"], "empty truth is not class 0")
        check(truth["empty"]["count"] + truth["non_empty"]["count"] == report["image_count"], "truth counts")
        check([p["iou_above"] for p in report["precision"]] == [float(t) for t in IOU_THRESHOLDS], "IoU thresholds")
        if "sweep" in report:
            points = report["sweep"]["points"]
            check([p["threshold"] for p in points] == [0.3 + 0.4 * i / 30 for i in range(31)], "sweep thresholds")
            best = max(p["score"] for p in points)
            first = next(p for p in points if p["score"] == best)
            check(report["sweep"]["best_score"] == best, "best score")
            check(report["sweep"]["best_threshold"] == first["threshold"], "best threshold is not the smallest best")
            check(report["data"]["image_count"] == report["image_count"], "data image_count")
        if per_image_path:
            check_per_image(report, per_image_path, check)
    return check.report()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
