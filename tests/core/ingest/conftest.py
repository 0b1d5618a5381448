"""Fixtures of the ingest tests."""

from pathlib import Path

import pytest


@pytest.fixture
def secret_file(tmp_path) -> Path:
    """A local file a hostile document's external entity would try to pull in."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-FILE-CONTENT", encoding="utf-8")
    return secret
