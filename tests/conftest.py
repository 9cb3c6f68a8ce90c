"""Shared fixtures and the hypothesis profiles (a quick one for CI, a thorough one for development)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=150, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sensetime-genai"
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The external evaluation data beside the project; tests needing it skip where it is absent."""
    if not DATA.is_dir():
        pytest.skip("../shared/data is not present on this machine")
    return DATA
