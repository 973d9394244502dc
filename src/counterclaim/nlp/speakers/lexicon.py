"""The speaker words (pronouns, roles, titles, institutions, groups with gender and number) and the
given names (with gender) that speaker resolution reads, from ``data/speaker_words.tsv`` and
``data/given_names.tsv``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...lexicons import data_text, tsv_text_rows


@dataclass(frozen=True)
class Lexicon:
    kinds: dict[str, dict[str, tuple[Optional[str], Optional[str]]]]  # word -> kind -> (gender, number)
    given: dict[str, str]                                              # given name -> m|f

    def kind(self, word: str, kind: str) -> bool:
        return kind in self.kinds.get(word.lower(), {})

    def gender(self, word: str, kind: str) -> Optional[str]:
        v = self.kinds.get(word.lower(), {}).get(kind)
        return v[0] if v else None

    def number(self, word: str, kind: str) -> Optional[str]:
        v = self.kinds.get(word.lower(), {}).get(kind)
        return v[1] if v else None


# The data files the lexicon is read from, by the name a component's config gives each.
FILES = {"words": "speaker_words.tsv", "given_names": "given_names.tsv"}


def lexicon_texts(paths: Optional[dict[str, Optional[str]]] = None) -> dict[str, str]:
    """The text of each file (``FILES``): from ``paths[key]`` when set, else the packaged file."""
    paths = paths or {}
    return {key: data_text(name, paths.get(key)) for key, name in FILES.items()}


def lexicon_from_texts(texts: dict[str, str]) -> Lexicon:
    kinds: dict[str, dict] = {}
    for r in tsv_text_rows(texts["words"]):
        g = r.get("gender", "-")
        n = r.get("number", "-")
        kinds.setdefault(r["word"].lower(), {})[r["kind"]] = (None if g == "-" else g, None if n == "-" else n)
    given = {r["name"].lower(): r["gender"] for r in tsv_text_rows(texts["given_names"])}
    return Lexicon(kinds, given)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged speaker lexicon."""
    return lexicon_from_texts(lexicon_texts())
