import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
# The evaluation data lives beside the repo; COPYDESK_SHARED points elsewhere if needed.
SHARED = Path(os.environ.get("COPYDESK_SHARED", ROOT.parent / "shared"))
EXAMPLE = ROOT / "examples" / "trends-us-iran-mediation.txt"

# `HYPOTHESIS_PROFILE=thorough pytest` for a longer search; CI uses the default.
settings.register_profile("default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared (evaluation data) is not beside the repo at {SHARED}; a user's clone has none")
    return SHARED


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
