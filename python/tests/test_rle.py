"""The run-length code: the documented example, round trips, and refused codes."""

import numpy as np
import pytest

from plastic_unet import PlasticUNetError, rle_decode, rle_encode


def test_the_documented_example():
    mask = np.zeros((3, 3), dtype=bool)
    mask[:, 1] = True
    mask[0, 2] = True
    assert rle_encode(mask) == "4 4"
    assert np.array_equal(rle_decode("4 4", 3), mask)
    assert np.array_equal(rle_decode("4 3\t 7 1", 3), mask), "touching runs and tabs are accepted"
    assert rle_encode(np.zeros((5, 5))) == "" and not rle_decode("", 5).any()


def test_random_masks_round_trip():
    generator = np.random.default_rng(7)
    for size in (1, 2, 7, 101):
        for density in (0.0, 0.1, 0.5, 0.9, 1.0):
            mask = generator.random((size, size)) < density
            assert np.array_equal(rle_decode(rle_encode(mask), size), mask)


@pytest.mark.parametrize("code, fragment", [("1", "pairs"), ("1 x", "'x'"), ("0 2", "'0'"), ("5 2 1 1", "before"),
                                            ("8 3", "outside"), ("1 0", "'0'")])
def test_codes_that_are_not_masks_are_refused(code, fragment):
    with pytest.raises(PlasticUNetError, match=fragment):
        rle_decode(code, 3)
