"""Shared fixtures: paths to the bundled examples, the fixture corpus and the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# pytester runs pytest inside tests: the pytest plugin's tests need it
pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
# The seed documents live beside the project, not in it: a user's clone has none.
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def real_pages() -> list[Path]:
    """The public real-page corpus (``python -m benchmarks.corpus_pages`` fills
    ``.pages/``); empty when it was not built, so that its tests skip."""
    import json

    manifest = ROOT / ".pages" / "manifest.json"
    if not manifest.is_file():
        return []
    pages = json.loads(manifest.read_text(encoding="utf-8"))["pages"]
    return [ROOT / page["path"] for page in pages if (ROOT / page["path"]).is_file()]


def corpus_files() -> list[Path]:
    """The fixture documents (the folder's README excluded) and the bundled examples."""
    files = [p for p in sorted(CORPUS.iterdir()) if p.name != "README.md"]
    return files + sorted(EXAMPLES.iterdir())


@pytest.fixture
def seed() -> Path:
    """The folder of seed documents; the test is skipped when it is absent."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available in this checkout")
    return SHARED_CORPUS


@pytest.fixture(autouse=True)
def _cache_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the CLI's report cache out of the working tree during tests."""
    import seofr.cache

    monkeypatch.setattr(seofr.cache, "DEFAULT_DIR", tmp_path_factory.mktemp("cache"))


# Property tests: a small fixed budget by default (CI), a large one under `make fuzz`.
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("SEOFR_FUZZ_EXAMPLES", "4000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("SEOFR_HYPOTHESIS_PROFILE", "ci"))
