"""Shared fixtures: the real pipeline (loaded once per test run) and the shared data.

The tests are laid out like src/counterclaim (tests/nlp, tests/ledger, ...); the kits they share
(claim_steps_kit, ledger_kit, hostile_corpus, web_kit) live in tests/, which is put on sys.path here."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
pytest_plugins = ["web_kit.browser"]  # the `browser` fixture of the web tests
SHARED = Path(os.environ.get("COUNTERCLAIM_SHARED", ROOT.parent / "shared"))
SEED_TXT = ROOT / "examples" / "seed-rt-dprk-2022-12-23.txt"
SEED_GOLD = SHARED / "gold" / "seed-rt-dprk-2022-12-23.gold.json"
POLNEAR = SHARED / "polnear"


@pytest.fixture(scope="session")
def nlp():
    from counterclaim.nlp.pipeline import get_nlp
    return get_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(nlp, seed_text):
    from counterclaim import analyze
    return analyze(seed_text, outlet="RT", published="2022-12-23")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
