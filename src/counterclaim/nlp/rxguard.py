"""Regexes that skip, cheaply, the positions where no match can begin.

A big alternation of phrases (``\\b(?:declined to comment|no comment|...)``) makes Python's regex
engine try every alternative at every word boundary of the text. ``compile_guarded`` works out
the characters a match can begin with and puts a look-ahead for them in front of the pattern:
the positions where none of them stands are left after one character test; the characters that
begin a match only after a ``\\b`` are looked for at word boundaries only. A branch anchored at
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


_AFTER_B = "\x00"  # marks an item that a match can begin with only at a word boundary (after ``\\b``)


def _first(seq, bnd: bool = False) -> tuple[list[str], bool]:
    """(class items a match of ``seq`` can begin with, whether ``seq`` can match the empty string).
    ``bnd``: a ``\\b`` stands before ``seq``; the items are then marked with ``_AFTER_B``."""
    items: list[str] = []
    for op, av in seq:
        if op is _c.AT and av is _c.AT_BOUNDARY:
            bnd = True  # what follows on this path begins where ``\\b`` holds
            continue
        got, nullable = _first_item(op, av, bnd)
        items.extend(got)
        if not nullable:
            return items, False
    return items, True


def _first_item(op, av, bnd: bool = False) -> tuple[list[str], bool]:
    mark = _AFTER_B if bnd else ""
    if op is _c.LITERAL:
        return [mark + _char(av)], False
    if op is _c.IN:
        out = []
        for sop, sav in av:
            if sop is _c.LITERAL:
                out.append(mark + _char(sav))
            elif sop is _c.RANGE:
                out.append(mark + _char(sav[0]) + "-" + _char(sav[1]))
            elif sop is _c.CATEGORY and sav in _CATEGORIES:
                out.append(mark + _CATEGORIES[sav])
            else:  # a negated class, \D, \W...: anything may follow
                raise _Unknown
        return out, False
    if op is _c.AT and av in _AT_START:
        return [_START], False  # matches only at the start of the text: what follows cannot begin elsewhere
    if op in _ZERO_WIDTH:
        return [], True  # \B, $, look-arounds: they consume nothing
    if op is _c.BRANCH:
        out, nullable = [], False
        for alt in av[1]:
            got, n = _first(alt, bnd)
            out.extend(got)
            nullable = nullable or n
        return out, nullable
    if op is _c.SUBPATTERN:
        if av[1] & re.MULTILINE:
            raise _Unknown  # (?m:...): ``^`` also after every line break
        return _first(av[-1], bnd)
    if op in _REPEATS:
        got, nullable = _first(av[2], bnd)
        return got, nullable or av[0] == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(av, bnd)
    raise _Unknown  # ANY, NOT_LITERAL, group references...


def first_chars(pattern: str, flags: int = 0) -> Optional[str]:
    """A character class (``[...]``) that every match of ``pattern`` begins with, or None."""
    got = _first_items(pattern, flags)
    if got is None or _START in got:
        return None
    return "[" + "".join(dict.fromkeys(x.lstrip(_AFTER_B) for x in got)) + "]"


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
    guard = _guard(pattern, flags)
    return re.compile(pattern if guard is None else f"{guard}(?:{pattern})", flags)


def _guard(pattern: str, flags: int) -> Optional[str]:
    """The look-ahead ``compile_guarded`` puts in front of ``pattern``, or None."""
    items = _first_items(pattern, flags)
    if items is None or items == [_START]:
        return None
    if pattern.startswith("(?") and re.match(r"\(\?[aiLmsux]+\)", pattern):
        return None  # global inline flags must stay in front
    anywhere = [x for x in items if x != _START and not x.startswith(_AFTER_B)]
    after_b = [x[1:] for x in items if x.startswith(_AFTER_B) and x[1:] not in anywhere]
    # the items that begin a match only after ``\\b`` are looked for at word boundaries only
    look = "|".join(([f"\\b[{''.join(after_b)}]"] if after_b else []) + ([f"[{''.join(anywhere)}]"] if anywhere else []))
    if _START in items:
        return f"(?:{_START}|(?i:(?={look})))"
    return f"(?i:(?={look}))"


def compile_dispatched(alternatives: list[str], flags: int = 0) -> re.Pattern:
    """``compile_guarded("|".join(f"(?:{a})" for a in alternatives), flags)``, with the same matches, for
    a long list of alternatives: Python's engine tries every alternative, in order, at every position
    the guard lets through. Here the alternatives are grouped by the ASCII character they can begin
    with, lower-cased (``(?i:(?=[d]))(?:the alternatives that can begin with d or D, in their order)|…``),
    so that at a position only the alternatives that can begin with its character are tried.

    The same matches: the characters that an ASCII character matches ignoring case are those of no
    other ASCII character but its upper- or lower-case form, so the groups' look-aheads never accept
    the same character, and an alternative that could match at a position sits, in its order, in the
    one group whose look-ahead accepts that position's character. An alternative that may begin with
    a character beyond ASCII, a class, at the start of the text or with characters not known sits in
    every group and in a last group with no look-ahead (tried again after its group failed: it fails
    again). With capturing groups (they would be repeated) or global inline flags, the plain guarded
    pattern."""
    wrapped = [f"(?:{a})" for a in alternatives]
    plain = "|".join(wrapped)
    keys: list[Optional[set[str]]] = []
    for a, w in zip(alternatives, wrapped):
        try:
            if re.compile(w, flags).groups or re.match(r"\(\?[aiLmsux]+\)", a):
                return compile_guarded(plain, flags)
        except re.error:
            return compile_guarded(plain, flags)
        keys.append(_ascii_keys(_first_items(w, flags)))
    chars = sorted(set().union(*(k for k in keys if k)))
    if not chars:
        return compile_guarded(plain, flags)
    groups: dict[tuple[int, ...], list[str]] = {}  # the alternatives of a group -> the characters that lead to it
    for ch in chars:
        groups.setdefault(tuple(i for i, k in enumerate(keys) if k is None or ch in k), []).append(ch)
    parts = [f"(?i:(?=[{''.join(_char(ord(c)) for c in cs)}]))(?:{'|'.join(wrapped[i] for i in members)})"
             for members, cs in groups.items()]
    unknown = [w for w, k in zip(wrapped, keys) if k is None]
    if unknown:
        parts.append(f"(?:{'|'.join(unknown)})")
    guard = _guard(plain, flags)
    body = "|".join(parts)
    return re.compile(body if guard is None else f"{guard}(?:{body})", flags)


def _ascii_keys(items: Optional[list[str]]) -> Optional[set[str]]:
    """The lower-cased ASCII characters a match can begin with, from ``_first_items``; None when a
    match may begin with anything else (a class, a range, a character beyond ASCII, the start of
    the text) or that is unknown."""
    if not items:
        return None
    out = set()
    for x in items:
        x = x.lstrip(_AFTER_B)
        if not (len(x) == 10 and x.startswith("\\U")) or int(x[2:], 16) > 127:
            return None
        out.add(chr(int(x[2:], 16)).lower())
    return out




_MAX_ALTS = 400  # alternatives of requirements kept when top-level branches multiply out
_MIN_REQUIRED = 2  # single characters are in almost every text: not worth a requirement


def required_strings(pattern: str, flags: int = 0) -> Optional[list[list[frozenset]]]:
    """What every match of ``pattern`` contains, as alternatives of requirements: a match satisfies one
    alternative, that is, for each set of strings in it, contains one of the set (letters compared
    ignoring case). The alternatives are those of the pattern's top-level branches; a nested branch
    requires one string of each of its alternatives. None when a top-level alternative requires no
    string of ``_MIN_REQUIRED`` characters or more, or the pattern cannot be read. A text where no
    alternative is satisfied holds no match: one scan of a document for these strings tells which of
    its pieces need the pattern at all."""
    try:
        parsed = _p.parse(pattern, flags)
        if parsed.state.flags & ~(re.IGNORECASE | re.UNICODE):
            return None
        alts: list[list[frozenset]] = [[]]
        prev = None
        for op, av in _with_runs(list(parsed)):
            heads = _heads(op, av) if prev is not None and op is not _RUN else None
            if heads:
                for a in alts:
                    a.append(frozenset(prev + h for h in heads))
            prev = av if op is _RUN else None
            if op is _c.BRANCH:
                sub = [_conj(alt) for alt in av[1]]
                if len(alts) * len(sub) <= _MAX_ALTS:
                    alts = [a + b for a in alts for b in sub]
                    continue
            got = _conj([(_RUN, av)] if op is _RUN else [(op, av)])
            for a in alts:
                a.extend(got)
    except (re.error, AttributeError, TypeError, ValueError, RecursionError):
        return None
    out = []
    for a in alts:
        keep = list(dict.fromkeys(x for x in a if min(len(y) for y in x) >= _MIN_REQUIRED))
        if not keep:
            return None
        if keep not in out:
            out.append(keep)
    return out


_RUN = object()  # an op of ``_with_runs``: a string of consecutive literals


def _with_runs(seq) -> list:
    """The items of a sequence with consecutive literals joined into one (_RUN, string) item."""
    out: list = []
    for op, av in seq:
        if op is _c.LITERAL:
            if out and out[-1][0] is _RUN:
                out[-1] = (_RUN, out[-1][1] + chr(av))
            else:
                out.append((_RUN, chr(av)))
        else:
            out.append((op, av))
    return out


def _heads(op, av) -> Optional[list[str]]:
    """The strings an item begins with, one per alternative, when each alternative begins with literals
    (a branch whose alternatives the parser cut after a common prefix: "ha(?:ve|s|d)", "n(?:ot|'t)";
    a class of single characters: "ha[sd]")."""
    if op is _c.BRANCH:
        out = []
        for alt in av[1]:
            items = _with_runs(alt)
            if not items or items[0][0] is not _RUN:
                return None
            out.append(items[0][1])
        return out
    if op is _c.IN and len(av) <= 12 and all(sop is _c.LITERAL for sop, _ in av):
        return [chr(x) for _, x in av]
    return None


def _conj(seq) -> list[frozenset]:
    """Sets of strings a match of ``seq`` contains one of each."""
    out: list[frozenset] = []
    prev = None
    for op, av in _with_runs(seq):
        if prev is not None and op is not _RUN:
            heads = _heads(op, av)
            if heads:  # the literals before the item and the start of each of its alternatives, together
                out.append(frozenset(prev + h for h in heads))
        prev = av if op is _RUN else None
        if op is _RUN:
            out.append(frozenset([av]))
        elif op is _c.BRANCH:
            best = [_best(alt) for alt in av[1]]
            if all(best):
                out.append(frozenset().union(*best))
        elif op is _c.SUBPATTERN:
            out.extend(_conj(av[-1]))
        elif op in _REPEATS:
            if av[0] >= 1:
                out.extend(_conj(av[2]))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            out.extend(_conj(av))
        # a class, a look-around, an anchor...: no string required
    return out


def _best(seq) -> Optional[frozenset]:
    """The most selective set of ``_conj(seq)`` (its shortest string longest, then the fewest strings)."""
    got = _conj(seq)
    return max(got, key=lambda x: (min(len(y) for y in x), -len(x))) if got else None
