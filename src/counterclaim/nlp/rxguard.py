"""Regexes that skip, cheaply, the positions where no match can begin.

A big alternation of phrases (``\\b(?:declined to comment|no comment|...)``) makes Python's regex
engine try every alternative at every word boundary of the text. ``compile_guarded`` works out
the characters a match can begin with and puts a look-ahead for them in front of the pattern:
the positions where none of them stands are left after one character test. A branch anchored at
the start of the text (``(?:^|[.!?]\\s+)who knows``) adds the start of the text to the guard
(``(?:\\A|(?=[.!?]))``) rather than leaving the pattern unguarded. The look-ahead only
says what the pattern requires anyway, so the matches are exactly the same (same spans, same
groups, same alternative chosen); when the first characters cannot be worked out (a pattern that
can match the empty string or begin with any character, a negated class...) the pattern is
compiled as it is.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import CounterclaimError

try:  # the regex parser of the standard library (``sre_parse`` before Python 3.11)
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_AT_START = {_c.AT_BEGINNING, _c.AT_BEGINNING_STRING}  # ``^`` (without MULTILINE) and ``\A``
_START = "\\A"  # the item of a path that can match only at the start of the text
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


class _Unknown(CounterclaimError):
    pass


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _first(seq) -> tuple[list[str], bool]:
    """(class items a match of ``seq`` can begin with, whether ``seq`` can match the empty string)."""
    items: list[str] = []
    for op, av in seq:
        got, nullable = _first_item(op, av)
        items.extend(got)
        if not nullable:
            return items, False
    return items, True


def _first_item(op, av) -> tuple[list[str], bool]:
    if op is _c.LITERAL:
        return [_char(av)], False
    if op is _c.IN:
        out = []
        for sop, sav in av:
            if sop is _c.LITERAL:
                out.append(_char(sav))
            elif sop is _c.RANGE:
                out.append(_char(sav[0]) + "-" + _char(sav[1]))
            elif sop is _c.CATEGORY and sav in _CATEGORIES:
                out.append(_CATEGORIES[sav])
            else:  # a negated class, \D, \W...: anything may follow
                raise _Unknown
        return out, False
    if op is _c.AT and av in _AT_START:
        return [_START], False  # matches only at the start of the text: what follows cannot begin elsewhere
    if op in _ZERO_WIDTH:
        return [], True  # \b, $, look-arounds: they consume nothing
    if op is _c.BRANCH:
        out, nullable = [], False
        for alt in av[1]:
            got, n = _first(alt)
            out.extend(got)
            nullable = nullable or n
        return out, nullable
    if op is _c.SUBPATTERN:
        if av[1] & re.MULTILINE:
            raise _Unknown  # (?m:...): ``^`` also after every line break
        return _first(av[-1])
    if op in _REPEATS:
        got, nullable = _first(av[2])
        return got, nullable or av[0] == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(av)
    raise _Unknown  # ANY, NOT_LITERAL, group references...


def first_chars(pattern: str, flags: int = 0) -> Optional[str]:
    """A character class (``[...]``) that every match of ``pattern`` begins with, or None."""
    got = _first_items(pattern, flags)
    if got is None or _START in got:
        return None
    return "[" + "".join(got) + "]"


def _first_items(pattern: str, flags: int) -> Optional[list[str]]:
    """The class items a match of ``pattern`` can begin with (``_START``: a match at the start of the
    text, whatever its first character), or None when unknown."""
    try:
        parsed = _p.parse(pattern, flags)
        if parsed.state.flags & ~(re.IGNORECASE | re.UNICODE):
            return None  # global inline flags other than (?i): leave the pattern alone
        items, nullable = _first(list(parsed))
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    if nullable or not items:
        return None
    return list(dict.fromkeys(items))


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, with a look-ahead for the characters a match can begin with.

    The look-ahead ignores case (a superset of what the pattern accepts), adds no group and
    consumes nothing: ``finditer``/``search``/``match`` give the same matches as without it."""
    items = _first_items(pattern, flags)
    if items is None or items == [_START]:
        return re.compile(pattern, flags)
    if pattern.startswith("(?") and re.match(r"\(\?[aiLmsux]+\)", pattern):
        return re.compile(pattern, flags)  # global inline flags must stay in front
    cls = "[" + "".join(x for x in items if x != _START) + "]"
    if _START in items:
        return re.compile(f"(?:{_START}|(?i:(?={cls})))(?:{pattern})", flags)
    return re.compile(f"(?i:(?={cls}))(?:{pattern})", flags)
