"""Reading the data files under ``counterclaim/data/``: lexicons and gazetteers kept as TSV.

Every file starts with ``#`` comment lines naming its sources; the first other line is the header.
Blank and comment lines are skipped anywhere; a short row is padded with empty strings.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).resolve().parent / "data"


def tsv_rows(name: str) -> Iterator[dict]:
    header = None
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        yield dict(zip(header, cols + [""] * (len(header) - len(cols))))
