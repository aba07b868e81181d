"""Shared fixtures: the repository's committed files, and the plastic-unet program when
the tests may use it (the environment variable PLASTIC_UNET names it)."""

import os
import shutil
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def fixtures():
    """The repository's fixtures folder."""
    return REPOSITORY / "fixtures"


@pytest.fixture
def program():
    """The plastic-unet executable that PLASTIC_UNET names; the test is skipped without one,
    and fails instead where PLASTIC_UNET_REQUIRE_TOOLS=1 (as .ci/run sets)."""
    path = os.environ.get("PLASTIC_UNET") or shutil.which("plastic-unet")
    if path and Path(path).is_file():
        return path
    if os.environ.get("PLASTIC_UNET_REQUIRE_TOOLS") == "1":
        pytest.fail("the plastic-unet program is not available (PLASTIC_UNET)")
    pytest.skip("the plastic-unet program is not available (PLASTIC_UNET)")
