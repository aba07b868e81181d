"""to_torch() and predict(), against plastic-unet predict (needs torch; skipped without)."""

import subprocess

import h5py
import numpy as np
import pytest

import plastic_unet

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("trace", ["stored", "zero", "online"])
def test_predictions_match_plastic_unet_predict(program, fixtures, tmp_path, trace):
    model_path = fixtures / "golden" / "models" / "hebb-yoked-w2.h5"
    images = fixtures / "tgs-12-s32" / "train" / "images"
    probabilities = tmp_path / "probabilities.h5"
    subprocess.run([program, "predict", str(model_path), "--images", str(images), "--out", str(tmp_path / "masks"),
                    "--trace", trace, "--probabilities", str(probabilities)], check=True, stdout=subprocess.DEVNULL)
    with h5py.File(probabilities, "r") as file:
        ids = [value.decode() if isinstance(value, bytes) else value for value in file["ids"][()]]
        expected = file["probabilities"][()]
    model = plastic_unet.load(model_path)
    pixels = np.stack([plastic_unet.read_image(images / f"{id}.png") for id in ids])
    assert np.abs(model.predict(pixels, trace=trace) - expected).max() <= 1e-5


def test_the_module_holds_the_files_tensors_in_eval_mode(fixtures):
    model = plastic_unet.load(fixtures / "golden" / "models" / "hebb-yoked-w2.h5")
    module = model.to_torch()
    assert not module.training
    assert np.array_equal(module.state_dict()["w"].numpy(), model.tensors["/plastic/w"])
