"""Reading the data files under ``counterclaim/data/``: lexicons and gazetteers kept as TSV.

Every file starts with ``#`` comment lines naming its sources; the first other line is the header.
Blank and comment lines are skipped anywhere; a short row is padded with empty strings.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional, Union

DATA_DIR = Path(__file__).resolve().parent / "data"


def tsv_rows(name: str) -> Iterator[dict]:
    return tsv_text_rows((DATA_DIR / name).read_text(encoding="utf-8"))


def tsv_text_rows(text: str) -> Iterator[dict]:
    """The rows of a TSV file's text, as ``tsv_rows`` reads them."""
    header = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        yield dict(zip(header, cols + [""] * (len(header) - len(cols))))


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    """English function words (data/function_words.txt: spaCy's English stop-word list), shared by the
    readers' language check and the ledger's claim matching."""
    words = set()
    for line in (DATA_DIR / "function_words.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    return frozenset(words)


def data_text(name: str, path: Optional[Union[str, Path]] = None) -> str:
    """The text of a data file: the one at ``path`` when given, else the packaged ``data/<name>``."""
    return Path(path if path is not None else DATA_DIR / name).read_text(encoding="utf-8")


def write_texts(path: Union[str, Path], texts: dict[str, str], files: dict[str, str]) -> Path:
    """Write a component's data texts into ``path`` (a saved pipeline's component folder), each
    ``texts[key]`` under the file name ``files[key]``."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    for key, text in texts.items():
        (path / files[key]).write_text(text, encoding="utf-8")
    return path


def read_texts(path: Union[str, Path], files: dict[str, str]) -> dict[str, str]:
    """The data texts ``write_texts`` saved in ``path``, by key."""
    return {key: (Path(path) / name).read_text(encoding="utf-8") for key, name in files.items()}
