"""Quotations in a text: where each quoted passage starts and ends.

Straight (") and curly (“ ”) double quotes, guillemets, and the typewriter pairs `` '' (and '' '' as
used by some archives). Single quotes (‘ ’ ') are treated as nested or scare quotes, not as
quotation boundaries. A quotation left open at the end of a paragraph runs to the paragraph's end
(the news convention for a quote that continues in the next paragraph); its ``open_end`` is set.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass

_MARKS = re.compile(r"``|''|[\"“”«»„]")
_OPENERS = {"“", "«", "„", "``"}
_CLOSERS = {"”", "»"}
_TOGGLES = {'"', "''"}


@dataclass(frozen=True)
class Quote:
    start: int      # offset of the opening mark
    end: int        # offset just after the closing mark (or the paragraph's end)
    open_end: bool  # no closing mark before the paragraph ended
    para: int       # index of the paragraph (line) it sits in


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, trailing spaces excluded."""
    out, pos = [], 0
    for line in text.split("\n"):
        s = len(line) - len(line.lstrip())
        e = len(line.rstrip())
        if e > s:
            out.append((pos + s, pos + e))
        pos += len(line) + 1
    return out


def find_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Quoted passages, in text order, never crossing a paragraph boundary."""
    paras = paras if paras is not None else paragraphs(text)
    out: list[Quote] = []
    for pi, (ps, pe) in enumerate(paras):
        opened: int | None = None
        for m in _MARKS.finditer(text, ps, pe):
            mark = m.group()
            if opened is None:
                if mark in _OPENERS or mark in _TOGGLES:
                    opened = m.start()
                # a stray closer with nothing open: ignore it
            elif mark in _CLOSERS or mark in _TOGGLES:
                if m.end() - opened > len(mark) + 1:
                    out.append(Quote(opened, m.end(), False, pi))
                opened = None
            else:  # an opener while one is open: the earlier closer was lost; restart here
                if _solid(text, opened, m.start()) > 1:
                    out.append(Quote(opened, m.start(), True, pi))
                opened = m.start()
        if opened is not None and _solid(text, opened, pe) > 1:
            out.append(Quote(opened, pe, True, pi))
    return out


def _solid(text: str, s: int, e: int) -> int:
    return sum(1 for c in text[s:e] if not c.isspace())


class QuoteIndex:
    """Quotations of one text, looked up by the offset of their opening mark or by overlap.

    The quotations ``find_quotes`` gives never overlap and come in text order, so their ends are
    sorted too: a lookup is two bisections, however long a quotation left open runs."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = quotes
        self.at = {q.start: q for q in quotes}
        self._starts = [q.start for q in quotes]
        self._ends = [q.end for q in quotes]
        self._lengths = list(accumulate((q.end - q.start for q in quotes), initial=0))  # summed up to each quote

    def __bool__(self) -> bool:
        return bool(self.quotes)

    def overlap_bounds(self, s: int, e: int) -> tuple[int, int]:
        """(lo, hi): ``quotes[lo:hi]`` are the quotations sharing at least one character with [s, e)."""
        return bisect.bisect_right(self._ends, s), bisect.bisect_left(self._starts, e)

    def overlapping(self, s: int, e: int) -> list[Quote]:
        """Quotations sharing at least one character with [s, e)."""
        lo, hi = self.overlap_bounds(s, e)
        return self.quotes[lo:hi]

    def quoted_chars(self, s: int, e: int) -> int:
        """How many characters of [s, e) are within quotations (marks included): the summed lengths
        of the overlapping ones, less what the first starts before ``s`` and the last runs past ``e``."""
        lo, hi = self.overlap_bounds(s, e)
        if lo >= hi:
            return 0
        first, last = self.quotes[lo], self.quotes[hi - 1]
        return self._lengths[hi] - self._lengths[lo] - max(0, s - first.start) - max(0, last.end - e)

    def starts_between(self, s: int, e: int) -> list[int]:
        """The opening offsets in [s, e)."""
        return self._starts[bisect.bisect_left(self._starts, s):bisect.bisect_left(self._starts, e)]

    def inside(self, pos: int) -> bool:
        """Whether the character at ``pos`` sits within a quotation (marks excluded)."""
        if not self.quotes:
            return False
        lo = bisect.bisect_right(self._ends, pos)
        hi = bisect.bisect_left(self._starts, pos + 1)
        for q in self.quotes[lo:hi]:  # ``overlapping(pos, pos + 1)``
            if q.start < pos < q.end - (0 if q.open_end else 1):
                return True
        return False
