"""The -s form of an English word: the third-person present of a verb and the regular plural of a noun
share one spelling rule (Quirk et al. 1985 §3.5): "-es" after a sibilant or "o", "-ies" for a "y" after
a consonant, "-s" elsewhere."""
from __future__ import annotations


def s_form(word: str) -> str:
    """"deny" -> "denies", "dismiss" -> "dismisses", "go" -> "goes", "say" -> "says", "claim" -> "claims"
    (the case of ``word`` kept)."""
    low = word.lower()
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    return word + "s"
