"""The TGS score: hand-computed cases, and plastic-unet score on the same masks."""

import csv
import json
import subprocess

import numpy as np

from plastic_unet import image_scores, rle_decode, rle_encode, score


def square(size, rows, columns):
    mask = np.zeros((size, size), dtype=bool)
    mask[rows[0]:rows[1], columns[0]:columns[1]] = True
    return mask


def test_hand_computed_scores():
    empty = np.zeros((4, 4), dtype=bool)
    four = square(4, (0, 2), (0, 2))
    three = four.copy()
    three[1, 1] = False
    # IoU 3/4 exactly passes 0.50 ... 0.70: five thresholds; an IoU of 1/2 passes none.
    half = square(4, (0, 2), (0, 1))
    assert image_scores([three, half, empty, empty, four], [four, four, empty, four, empty]) == [5, 0, 10, 0, 0]
    assert score([three, empty], [four, empty]) == 0.75


def write_table(path, masks, ids=None):
    with open(path, "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "rle_mask"])
        for index, mask in enumerate(masks):
            writer.writerow([ids[index] if ids else f"img{index:03d}", rle_encode(mask)])


def test_the_score_equals_plastic_unets_on_100_masks(program, tmp_path):
    generator = np.random.default_rng(11)
    size = 16
    truths, predictions = [], []
    for index in range(100):
        truth = generator.random((size, size)) < generator.choice([0.0, 0.2, 0.6])
        prediction = truth ^ (generator.random((size, size)) < generator.choice([0.0, 0.05, 0.3]))
        if index % 10 == 3:
            prediction[:] = False
        truths.append(truth)
        predictions.append(prediction)
    assert any(not t.any() for t in truths) and any(not p.any() for p in predictions)
    write_table(tmp_path / "truth.csv", truths)
    write_table(tmp_path / "pred.csv", predictions)
    report = tmp_path / "report.json"
    subprocess.run([program, "score", "--truth", str(tmp_path / "truth.csv"), "--pred", str(tmp_path / "pred.csv"),
                    "--size", str(size), "--json", str(report)], check=True, stdout=subprocess.DEVNULL)
    assert abs(score(predictions, truths) - json.loads(report.read_text())["score"]) <= 1e-12


def test_the_score_equals_plastic_unets_on_the_committed_masks(program, fixtures, tmp_path):
    table = fixtures / "tgs-120" / "train.csv"
    with open(table, newline="") as file:
        rows = list(csv.DictReader(file))
    size = 101
    truths = [rle_decode(row["rle_mask"], size) for row in rows]
    predictions = [np.roll(mask, index % 3, axis=index % 2) for index, mask in enumerate(truths)]
    write_table(tmp_path / "pred.csv", predictions, ids=[row["id"] for row in rows])
    report = tmp_path / "report.json"
    subprocess.run([program, "score", "--truth", str(table), "--pred", str(tmp_path / "pred.csv"), "--size",
                    str(size), "--json", str(report)], check=True, stdout=subprocess.DEVNULL)
    assert abs(score(predictions, truths) - json.loads(report.read_text())["score"]) <= 1e-12

