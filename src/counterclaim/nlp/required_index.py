"""Where, in a document, the strings a pattern requires occur (``rxguard.required_strings``): which
pieces of it can hold a match at all, answered by bisection instead of running the pattern over each
piece. The answer may be "maybe" where there is no match, never "no" where there is one."""
from __future__ import annotations

import bisect
import re
import string

_ASCII_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_LETTERS = [(c, re.compile(c, re.I)) for c in string.ascii_lowercase]
_FOLDED: dict[str, str] = {}  # a non-ASCII character -> the ASCII letter it matches ignoring case ("K" Kelvin -> "k")


def fold(text: str) -> str:
    """``text`` with every letter a case-insensitive pattern may match to an ASCII letter turned into that
    lower-case letter (so ASCII lower-case strings are found with ``str.find``); same length."""
    out = text.translate(_ASCII_FOLD)
    if out.isascii():
        return out
    table = {}
    for c in set(out):
        if c.isascii():
            continue
        if c not in _FOLDED:
            _FOLDED[c] = next((a for a, rx in _LETTERS if rx.fullmatch(c)), "")
        if _FOLDED[c]:
            table[ord(c)] = _FOLDED[c]
    return out.translate(table) if table else out


class RequiredIndex:
    """The occurrences in one text of the strings of ``required`` (``rxguard.required_strings``, ASCII)."""

    def __init__(self, text: str, required: list[list[frozenset]]) -> None:
        folded = fold(text)
        self.required = required
        found: dict[str, list[int]] = {}
        for s in {x for alt in required for need in alt for x in need}:
            low, at, k = s.lower(), [], folded.find(s.lower())
            while k >= 0:
                at.append(k)
                k = folded.find(low, k + 1)
            found[s] = at
        # per set of strings: the starts of their occurrences, sorted, and the least end from each on
        self.sets: dict[frozenset, tuple[list[int], list[int]]] = {}
        for alt in required:
            for need in alt:
                if need in self.sets:
                    continue
                occ = sorted((k, k + len(s)) for s in need for k in found[s])
                ends = [e for _, e in occ]
                for i in range(len(ends) - 2, -1, -1):
                    ends[i] = min(ends[i], ends[i + 1])
                self.sets[need] = ([k for k, _ in occ], ends)

    def _within(self, need: frozenset, lo: int, hi: int) -> bool:
        starts, ends = self.sets[need]
        i = bisect.bisect_left(starts, lo)
        return i < len(starts) and ends[i] <= hi

    def may_match(self, lo: int, hi: int) -> bool:
        """Can ``text[lo:hi]`` hold a match: does it contain one string of each set of some alternative?"""
        return any(all(self._within(need, lo, hi) for need in alt) for alt in self.required)


def usable(required) -> bool:
    """Are these requirements searchable with ``RequiredIndex`` (present, all strings ASCII)?"""
    return bool(required) and all(x.isascii() for alt in required for need in alt for x in need)
