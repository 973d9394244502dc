"""Is a text English? A cheap check at the boundary, before any parsing.

Counterclaim's pipeline is an English model: Korean, Russian or Arabic text would come out as
nonsense statements, so such articles are skipped with the reason ``not English (...)``.
Two tests on a sample of the text (its first 20,000 characters):

1. Script: of the letters, the share written in the Latin script. Below 50% the text is
   skipped, named by its main script ("not English (mostly Hangul script)").
2. Function words: a Latin-script text of 40+ words where fewer than 16% of the words are
   English function words (data/function_words.txt, from spaCy's English stop-word list) is skipped as "not English (Latin
   script, few English function words)". On the 920 PolNeAR train+dev articles the lowest share is 26%; French and German news
   prose score 7-9%.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Optional

SAMPLE = 20_000
MIN_LATIN_SHARE = 0.5
MIN_WORDS = 40
MIN_FUNCTION_SHARE = 0.16

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def _function_words() -> frozenset[str]:
    from ..lexicons import function_words
    return function_words()


_FW: Optional[frozenset[str]] = None


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "unknown"
    first = name.split(" ", 1)[0]
    return {"CJK": "Han", "HIRAGANA": "Japanese kana", "KATAKANA": "Japanese kana"}.get(first, first.title())


def check_english(text: str) -> Optional[str]:
    """None when the text looks English, else the reason it does not (``not English (...)``)."""
    global _FW
    sample = text[:SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None  # nothing to judge by; emptiness is checked elsewhere
    latin = sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff")
    if latin / len(letters) < MIN_LATIN_SHARE:
        scripts = Counter(_script(c) for c in letters if not (c < "\u0250"))
        main = scripts.most_common(1)[0][0] if scripts else "non-Latin"
        return f"not English (mostly {main} script, {100 * (1 - latin / len(letters)):.0f}% of letters)"
    words = _WORD.findall(sample)
    if len(words) >= MIN_WORDS:
        if _FW is None:
            _FW = _function_words()
        share = sum(1 for w in words if w.lower() in _FW) / len(words)
        if share < MIN_FUNCTION_SHARE:
            return f"not English (Latin script, only {100 * share:.0f}% English function words)"
    return None
