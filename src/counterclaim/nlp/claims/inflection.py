"""The simple past of an English verb from its base form, for a claim made finite ("accused him of
lying" -> "he lied"): the regular spelling rules (Quirk et al. 3.5-3.7: "-ed", a silent "e" dropped,
"y" after a consonant to "ie", a final stressed consonant doubled in one-syllable verbs) and the
common irregular verbs (Quirk et al. 3.13-3.16; ``data/irregular_verbs.tsv``)."""
from __future__ import annotations

from functools import lru_cache

from ...lexicons import tsv_rows


@lru_cache(maxsize=1)
def irregular_pasts() -> dict[str, str]:
    """Base form -> simple past of the irregular verbs in ``data/irregular_verbs.tsv``."""
    return {r["base"]: r["past"] for r in tsv_rows("irregular_verbs.tsv") if r["base"] and r["past"]}


_VOWELS = "aeiou"


def past_tense(base: str) -> str:
    """The simple past of the base form ``base``: "lie" -> "lied", "hide" -> "hid", "stop" -> "stopped"."""
    low = base.lower()
    past = irregular_pasts().get(low)
    if past is not None:
        return past
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 1 and low[-2] not in _VOWELS:
        return low[:-1] + "ied"
    if (len(low) >= 3 and low[-1] not in _VOWELS + "wxy" and low[-2] in _VOWELS and low[-3] not in _VOWELS
            and sum(ch in _VOWELS for ch in low) == 1):
        return low + low[-1] + "ed"  # "stop" -> "stopped", not "visit" -> "visitted"
    return low + "ed"
