"""Word lists the ledger and the readers share, loaded once from ``data/`` files."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    """English function words (data/function_words.txt: spaCy's English stop-word list)."""
    words = set()
    for line in (DATA / "function_words.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    return frozenset(words)
