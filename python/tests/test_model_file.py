"""load(): committed and freshly written files, the seal, damaged copies, other files."""

import hashlib
import shutil
import subprocess

import h5py
import numpy as np
import pytest

import plastic_unet
from plastic_unet.model_file import USER_BLOCK_SIZE


def test_a_committed_model_file_loads_with_its_config_tensors_and_identity(fixtures):
    path = fixtures / "golden" / "models" / "hebb-yoked-w2.h5"
    model = plastic_unet.load(path)
    assert model.config["rule"] == "hebb" and model.config["alpha"] == "yoked" and model.config["width"] == 2
    assert model.seal == "intact" and model.format_version == 1 and model.generator.startswith("plastic-unet ")
    assert model.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    size = model.config["size"]
    assert model.tensors["/plastic/w"].shape == (size, size)
    assert model.trace.shape == (size, size)
    assert np.array_equal(model.state_dict["w"], model.tensors["/plastic/w"])
    assert model.state_dict["conv1.dconv.0.weight"].shape == model.tensors["/parameters/down1.conv/weight"].shape
    assert len(model.history["/history/epochs/train_loss"]) == model.config["epochs"]
    assert model.dataset["n_val"] == len(model.dataset["val_ids"]) and isinstance(model.dataset["fingerprint"], str)


def test_a_file_without_a_seal_loads(fixtures):
    model = plastic_unet.load(fixtures / "compatibility" / "deflate1-unsealed-hebb-yoked-w2.h5")
    assert model.seal == "absent" and model.config["rule"] == "hebb"


def test_a_freshly_written_file_loads(program, tmp_path):
    path = tmp_path / "new.h5"
    subprocess.run([program, "init", "--out", str(path), "--width", "2", "--size", "32", "--rule", "oja"], check=True,
                   stdout=subprocess.DEVNULL)
    model = plastic_unet.load(path)
    assert model.config["rule"] == "oja" and model.seal == "intact" and model.dataset is None


def test_a_byte_flipped_past_the_user_block_breaks_the_seal(fixtures, tmp_path):
    copy = tmp_path / "flipped.h5"
    data = bytearray((fixtures / "golden" / "models" / "hebb-yoked-w2.h5").read_bytes())
    data[USER_BLOCK_SIZE + len(data) // 2] ^= 0x01
    copy.write_bytes(bytes(data))
    with pytest.raises(plastic_unet.PlasticUNetError, match=f"^{copy}: the seal is broken"):
        plastic_unet.load(copy)


def test_an_edited_file_loads_without_verifying_and_a_damaged_dataset_is_named(fixtures, tmp_path):
    edited = tmp_path / "edited.h5"
    shutil.copy(fixtures / "golden" / "models" / "hebb-yoked-w2.h5", edited)
    with h5py.File(edited, "r+") as file:
        file["/plastic/eta"][...] = 0.5
        offset = file["/plastic/w"].id.get_chunk_info(0).byte_offset
    with pytest.raises(plastic_unet.PlasticUNetError, match="seal is broken"):
        plastic_unet.load(edited)
    model = plastic_unet.load(edited, verify=False)
    assert model.seal == "broken" and float(model.tensors["/plastic/eta"][0]) == 0.5

    data = bytearray(edited.read_bytes())
    data[offset + 8] ^= 0xFF
    edited.write_bytes(bytes(data))
    with pytest.raises(plastic_unet.PlasticUNetError, match=f"^{edited}: a damaged or unreadable dataset"):
        plastic_unet.load(edited, verify=False)


def test_files_that_are_not_model_files_are_refused_by_name(tmp_path):
    text = tmp_path / "notes.h5"
    text.write_text("not HDF5\n")
    with pytest.raises(plastic_unet.PlasticUNetError, match=f"^{text}: not an HDF5 file"):
        plastic_unet.load(text)
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as file:
        file["x"] = np.zeros(3)
    with pytest.raises(plastic_unet.PlasticUNetError, match=f"^{other}: not a plastic-unet model file"):
        plastic_unet.load(other)
    with pytest.raises(plastic_unet.PlasticUNetError, match="no such file"):
        plastic_unet.load(tmp_path / "missing.h5")
