"""Highlighted article text, built server-side from character offsets.

The text is cut at every span boundary into elementary pieces; each piece is escaped on its own
and wrapped in one ``<mark>`` whose classes name every role covering it (source, cue, content,
scare quotes, hedge). Nothing from the text ever reaches the output unescaped, whatever it holds
(``<script>``, quotes, ``&``), and overlapping spans of different statements never produce
crossed tags. After the end of each statement's content a small numbered link points at that
statement's card on the page.

Offsets are Unicode code-point offsets into the text (Python string indices).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape as _html_escape
from typing import Iterable, Optional

from markupsafe import Markup


def _esc(s: str) -> str:
    """HTML-escape text or an attribute value: & < > " ' (``html.escape`` with quote=True)."""
    return _html_escape(s, quote=True)

# Roles in drawing priority (the first role present decides the piece's main colour).
ROLES = ("cue", "source", "content", "scare_quotes", "hedge")
_ROLE_RANK = {r: i for i, r in enumerate(ROLES)}


@dataclass(frozen=True)
class Hl:
    """One span to highlight: a role, a code-point range, and the statement it belongs to."""
    role: str
    start: int
    end: int
    statement: str = ""      # the statement's anchor id on the page (e.g. "st-12")
    label: str = ""          # shown on the statement marker (e.g. "S3")


def spans_of_statement(st: dict, anchor: str, label: str) -> list[Hl]:
    """The highlight spans of one statement dict as returned by ``Ledger.article`` or built
    from an Analysis (``source``/``cue`` {start,end}, ``content`` list of {start,end}, ``marks``)."""
    out: list[Hl] = []
    for role in ("source", "cue"):
        sp = st.get(role)
        if sp and sp.get("start") is not None and sp.get("end") is not None:
            out.append(Hl(role, int(sp["start"]), int(sp["end"]), anchor, label))
    for c in st.get("content") or []:
        if c and c.get("start") is not None and c.get("end") is not None:
            out.append(Hl("content", int(c["start"]), int(c["end"]), anchor, label))
    for m in st.get("marks") or []:
        t = m.get("type")
        if t in ("scare_quotes", "hedge") and m.get("start") is not None and m.get("end") is not None:
            out.append(Hl(t, int(m["start"]), int(m["end"]), anchor, label))
    return out


def _clean(spans: Iterable[Hl], n: int) -> list[Hl]:
    out = []
    for s in spans:
        start, end = max(0, s.start), min(n, s.end)
        if start < end:
            out.append(Hl(s.role, start, end, s.statement, s.label))
    return out


def highlight(text: str, spans: Iterable[Hl]) -> Markup:
    """The text as safe HTML with every span highlighted. Spans out of range are clipped, empty
    ones dropped. Runs in O(n_pieces * active spans); every piece of text goes through
    ``html.escape`` (``& < > " '``), every attribute value too."""
    n = len(text)
    spans = _clean(spans, n)
    if not spans:
        return Markup(_esc(text))
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    bounds = {0, n}
    content_end: dict[str, tuple[int, str]] = {}  # where each statement's content ends: its marker
    for i, s in enumerate(spans):
        opens.setdefault(s.start, []).append(i)
        closes.setdefault(s.end, []).append(i)
        bounds.add(s.start)
        bounds.add(s.end)
        if s.role == "content" and s.statement:
            prev = content_end.get(s.statement)
            if prev is None or s.end > prev[0]:
                content_end[s.statement] = (s.end, s.label)
    markers: dict[int, list[str]] = {}
    for anchor, (end, label) in sorted(content_end.items()):
        markers.setdefault(end, []).append(f'<a class="st-ref" href="#{_esc(anchor)}">{_esc(label)}</a>')

    tags: dict[frozenset, str] = {}  # opening tag per set of active spans (sets repeat along the text)

    def open_tag(active: frozenset) -> str:
        tag = tags.get(active)
        if tag is None:
            roles = sorted({spans[i].role for i in active}, key=_ROLE_RANK.__getitem__)
            stmts = sorted({spans[i].statement for i in active if spans[i].statement})
            classes = " ".join(f"hl-{r.replace('_', '-')}" for r in roles)
            attrs = f' data-st="{_esc(" ".join(stmts))}"' if stmts else ""
            tag = tags[active] = f'<mark class="hl {classes}"{attrs}>'
        return tag

    active: set[int] = set()
    parts: list[str] = []
    points = sorted(bounds)
    last = len(points) - 1
    for k, pos in enumerate(points):
        if pos in closes:
            active.difference_update(closes[pos])
        if pos in markers:
            parts.extend(markers[pos])
        if pos in opens:
            active.update(opens[pos])
        if k == last:
            break
        piece = text[pos:points[k + 1]]
        if active:
            parts.append(open_tag(frozenset(active)) + _esc(piece) + "</mark>")
        else:
            parts.append(_esc(piece))
    return Markup("".join(parts))


def statement_spans(statements: list[dict], anchor_of=None, label_of=None) -> list[Hl]:
    """All highlight spans of a list of statement dicts. ``anchor_of(st)`` and ``label_of(st)``
    give each statement's page anchor and marker label."""
    out: list[Hl] = []
    for k, st in enumerate(statements):
        anchor = anchor_of(st) if anchor_of else f"st-{st.get('id', k)}"
        label = label_of(st) if label_of else str(st.get("local_id") or st.get("id") or k + 1)
        out.extend(spans_of_statement(st, anchor, label))
    return out


def snippet(text: str, start: Optional[int], end: Optional[int], width: int = 80) -> str:
    """A plain-text window of the text around [start, end) (escaped by the template)."""
    if start is None or end is None:
        return ""
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")
