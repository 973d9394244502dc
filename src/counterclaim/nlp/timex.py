"""cc_timex: time expressions, resolved against the publication date, and each statement's ``said_on``.

``find_dates(text, published)`` finds expressions ("on Friday", "last month", "Dec. 22",
"September 8, 2016", "two weeks ago", "this year"...) and resolves them TimeML-style to an ISO
value: a day ``2022-12-22``, a month ``2022-11``, an ISO week ``2022-W50`` or a year ``2022``.
Relative expressions need the publication date: without one the expression is kept with
``value=None`` (nothing is guessed). Weekdays and bare month names point to the most recent such
day/month on or before publication unless the clause is in the future tense ("will meet on
Monday").

The component then gives each statement the date expression that modifies its reporting clause
(the cue), never one inside the reported content: "On Thursday, Kirby claimed that ... in
November" → said_on 2022-12-22 (the November date belongs to the content). A statement whose cue
has "also"/"again" and whose speaker is the one of the statement just before continues that
speech event and inherits its date ("Kirby also claimed ...").
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import DateRef, Statement
from . import extensions
from .doctext import doc_text
from .rxguard import compile_guarded

DATA = Path(__file__).resolve().parent.parent / "data" / "timex.tsv"


def vocab_from_text(text: str) -> dict[str, tuple[str, str]]:
    """word -> (kind, value) from the text of ``data/timex.tsv``."""
    out = {}
    header = True
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        word, kind, value = line.split("\t")[:3]
        out[word] = (kind, value)
    return out


@lru_cache(maxsize=1)
def vocab() -> dict[str, tuple[str, str]]:
    """The packaged month, weekday and relative-day words."""
    return vocab_from_text(DATA.read_text(encoding="utf-8"))


def _words(kind: str) -> list[str]:
    return sorted((w for w, (k, _) in vocab().items() if k == kind), key=len, reverse=True)


_MONTH_FULL = ("January|February|March|April|May|June|July|August|September|October|November|December")
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
_MON = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# Order matters: the first alternative that matches at a position wins (longest forms first).
_PATTERNS = [
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("mdy", rf"\b(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ("dmy", rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR})\b)?"),
    ("my", rf"\b(?P<mod>(?i:early|late|mid|the end of|the beginning of|the start of)[\s-]+)?(?P<mon>{_MONTH_FULL}|{_MONTH_ABBR})\s+(?P<y>{_YEAR})\b"),
    ("rel_wd", rf"\b(?P<mod>(?i:last|this|next|this past|this coming|on|since|until|by))\s+(?P<wd>{_WEEKDAY}){_PART}\b"),
    ("wd", rf"\b(?P<wd>{_WEEKDAY}){_PART}\b"),
    ("rel_unit", r"\b(?P<mod>(?i:(?:earlier|later)\s+this|last|this|next|past|the past|the last|the previous|the next))\s+(?P<unit>(?i:week|month|year))\b"),
    ("ago", rf"\b(?P<n>{_NUMW})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("relday", r"\b(?P<rd>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b"),
    ("mon", rf"\b(?P<mod>(?i:in|since|during|until|by|last|this|next|early|late|mid|before|after|from|through|of))[\s-]+(?:early\s+|late\s+|mid-)?(?P<mon>{_MONTH_FULL})\b(?!\s+[0-3]?\d\b|\s+{_YEAR})"),
    ("year", rf"(?<![\d$€£,.])\b(?P<mod>(?i:in|since|during|until|by|before|after|from|through|of|for|early|late|mid)[\s-]+)?(?P<y>{_YEAR})\b(?![\d,.%]\d|%)"),
]
# Every pattern starts at a word boundary; saying so once, in front, lets the engine skip the
# positions inside words without trying each alternative there (same matches, ~4x faster); the guard
# (``rxguard``) also skips the word starts no alternative can begin with (same matches, ~2x faster again).
_RX = compile_guarded(r"\b(?:" + "|".join(f"(?P<{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in _PATTERNS) + ")")
# Every expression holds an anchor at a word start: a digit, a month's first three letters, a
# weekday's, "today", "tonight", "tomorrow", "yesterday", or "day", "week", "month", "year" (the units
# of "two days ago", "last week"), in any case, at most LEAD_WORDS words after the expression's start
# ("the beginning of September", "this coming Friday", "a few days ago"; words parted by spaces and
# hyphens, as in the patterns). ``expressions`` tries the pattern only at the word starts up to that
# many words before an anchor.
_ANCHOR = compile_guarded(r"\b(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
                          r"|today|tonight|tomorrow|yesterday|day|week|month|year))")
_WORD_START = re.compile(r"\b(?=\w)")
LEAD_WORDS = 4  # the patterns need 3


def _lead_start(text: str, p: int) -> int:
    """The start of the word LEAD_WORDS words before the one at ``p`` (words parted by spaces and
    hyphens); 0 when the text begins sooner."""
    i = p
    for w in range(LEAD_WORDS + 1):
        while i > 0 and not (text[i - 1].isspace() or text[i - 1] == "-"):
            i -= 1
        if w == LEAD_WORDS:
            break
        while i > 0 and (text[i - 1].isspace() or text[i - 1] == "-"):
            i -= 1
    return i


def expressions(text: str) -> list[re.Match]:
    """The matches of the time-expression pattern in ``text``: the same as ``_RX.finditer(text)``
    (same spans and groups), found by trying the pattern only at the word starts a few words before
    an anchor instead of at every word start (a match holds an anchor at most LEAD_WORDS words after
    its start, so no match starts elsewhere)."""
    out: list[re.Match] = []
    done = 0  # every match starting before ``done`` is known
    for a in _ANCHOR.finditer(text):
        p = a.start()
        if p < done:
            continue
        for w in _WORD_START.finditer(text, max(done, _lead_start(text, p)), p + 1):
            s = w.start()
            if s < done:
                continue
            m = _RX.match(text, s)
            if m is not None:
                out.append(m)
                done = m.end()
        done = max(done, p + 1)
    return out


_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3}


def _month_num(s: str, words: dict[str, tuple[str, str]]) -> int:
    return int(words[s.lower().rstrip(".")][1])


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def resolve(kind: str, g: dict, pub: Optional[dt.date], future: bool = False,
            words: Optional[dict[str, tuple[str, str]]] = None) -> Optional[str]:
    """The ISO value of one matched expression (``g``: its named groups), or None. ``words``: the
    month and day words (``vocab_from_text``; None: the packaged ones)."""
    words = words if words is not None else vocab()
    if kind == "iso":
        try:
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        except ValueError:
            return None
    if kind in ("mdy", "dmy"):
        m, d = _month_num(g["mon"], words), int(g["d"])
        if g.get("y"):
            y = int(g["y"])
        elif pub is None:
            return None
        else:  # the year that puts the date nearest the publication date
            best = None
            for y0 in (pub.year - 1, pub.year, pub.year + 1):
                try:
                    c = dt.date(y0, m, d)
                except ValueError:
                    continue
                if best is None or abs((c - pub).days) < abs((best - pub).days):
                    best = c
            return best.isoformat() if best else None
        try:
            return dt.date(y, m, d).isoformat()
        except ValueError:
            return None
    if kind == "my":
        return f"{int(g['y']):04d}-{_month_num(g['mon'], words):02d}"
    if kind == "year":
        return g["y"]
    if pub is None:
        return None
    if kind in ("wd", "rel_wd"):
        wd = int(words[g["wd"].lower()][1])
        mod = (g.get("mod") or "").lower()
        delta = (pub.isoweekday() - wd) % 7
        if mod == "next" or mod == "this coming" or (future and mod not in ("last", "this past", "since")):
            ahead = (wd - pub.isoweekday()) % 7
            if mod == "next" and ahead == 0:
                ahead = 7
            return (pub + dt.timedelta(days=ahead)).isoformat()
        if mod in ("last", "this past") and delta == 0:
            delta = 7
        return (pub - dt.timedelta(days=delta)).isoformat()
    if kind == "relday":
        return (pub + dt.timedelta(days=int(words[g["rd"].lower()][1]))).isoformat()
    if kind in ("rel_unit", "ago"):
        unit = g["unit"].lower()
        if kind == "ago":
            n = g["n"].lower()
            k = -(int(n) if n.isdigit() else _NUMWORDS.get(n, 1))
        else:
            mod = " ".join(g["mod"].lower().split())
            k = {"last": -1, "past": -1, "the past": -1, "the last": -1, "the previous": -1,
                 "next": 1, "the next": 1}.get(mod, 0)
            if mod in ("the past", "the last", "the next"):  # "the past week" is a stretch of time, not a week
                return None
        if unit == "day":
            return (pub + dt.timedelta(days=k)).isoformat()
        if unit == "week":
            return _iso_week(pub + dt.timedelta(weeks=k))
        if unit == "month":
            y, m = _add_months(pub.year, pub.month, k)
            return f"{y:04d}-{m:02d}"
        return f"{pub.year + k:04d}"
    if kind == "mon":
        m = _month_num(g["mon"], words)
        mod = (g.get("mod") or "").lower()
        if mod == "next" or (future and mod not in ("last", "since")):
            y = pub.year if m >= pub.month and mod != "next" else pub.year + 1
            if mod == "next" and m > pub.month:
                y = pub.year
        else:
            y = pub.year if m <= pub.month else pub.year - 1
            if mod == "last" and m == pub.month:
                y -= 1
        return f"{y:04d}-{m:02d}"
    return None


def parse_pub(published: Optional[str]) -> Optional[dt.date]:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dates(text: str, published: Optional[str] = None,
               future_at: Optional[callable] = None,
               words: Optional[dict[str, tuple[str, str]]] = None) -> list[DateRef]:
    """All time expressions of ``text`` with their resolved values.

    ``future_at(start, end) -> bool`` tells whether the clause of an expression is in the future
    tense (the component asks the parse); by default nothing is. ``words``: the month and day words
    (None: the packaged ones).
    """
    words = words if words is not None else vocab()
    pub = parse_pub(published)
    out = []
    for m in expressions(text):
        kind = m.lastgroup if m.lastgroup in dict(_PATTERNS) else None
        if kind is None:
            kind = next(k for k, _ in _PATTERNS if m.group(k) is not None)
        g = {k[len(kind) + 1:]: v for k, v in m.groupdict().items() if k.startswith(kind + "_")}
        s, e = m.start(kind), m.end(kind)
        if kind == "year" and _looks_like_count(text, s, e):
            continue
        if kind == "wd" and s > 0 and text[s - 1].isalpha():
            continue
        fut = bool(future_at and kind in ("wd", "rel_wd", "mon") and future_at(s, e))
        try:
            val = resolve(kind, g, pub, fut, words)
        except (KeyError, ValueError):
            val = None
        # the expression proper starts at the time word for "on Friday": keep the preposition
        out.append(DateRef(start=s, end=e, text=text[s:e], value=val))
    return out


_COUNT_AFTER = re.compile(r"\s+(?:people|votes|troops|soldiers|jobs|dollars|delegates|members|cases|times|miles)\b", re.I)


def _looks_like_count(text: str, s: int, e: int) -> bool:
    """'2000 troops' is a count, not a year."""
    return bool(_COUNT_AFTER.match(text, e))


# ---------------------------------------------------------------------------------------------
# the spaCy component

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_CONTINUE = {"also", "again", "further", "later", "likewise", "too"}


def _is_future(tok: Token) -> bool:
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            if any(c.lower_ in _FUTURE_AUX and c.dep_ in ("aux", "auxpass") for c in t.children):
                return True
            if any(c.lower_ == "going" for c in t.children) or (t.head.lower_ == "going" and t.dep_ == "xcomp"):
                return True
            return False
    return False


def _in_spans(i: int, spans) -> bool:
    return any(s.start <= i < s.end for s in spans)


def said_on(doc: Doc, statements: list[Statement], dates: list[DateRef]) -> None:
    """Give each statement the date expression that modifies its cue (in place)."""
    if not statements or not dates:
        return
    text = doc_text(doc)
    # token index of every cue -> statement
    cue_tok: dict[int, Statement] = {}
    for st in statements:
        if st.cue is None:
            continue
        sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
        if sp is not None:
            for t in sp:
                cue_tok[t.i] = st
    contents = [(st, st.content) for st in statements]
    # "The DPRK on Friday dismissed ...": a date between a statement's source and its cue
    # and a date right next to the cue ("on Friday dismissed", "said on Thursday that")
    for st in statements:
        if st.cue is None or st.said_on is not None:
            continue
        for d in dates:
            if _in_spans(d.start, st.content):
                continue
            if st.source is not None and st.source.span.end <= d.start and d.end <= st.cue.span.start \
                    and len(text[st.source.span.end:d.start].split()) + len(text[d.end:st.cue.span.start].split()) <= 2:
                st.said_on = d
                break
            if st.kind == "nominal":
                continue
            before = d.end <= st.cue.span.start
            gap = text[d.end:st.cue.span.start] if before else text[st.cue.span.end:d.start]
            if len(gap) <= 20 and len(gap.split()) <= (0 if before else 1) and not any(ch in gap for ch in ".;:!?\n“”\""):
                st.said_on = d
                break
    for d in dates:
        sp = doc.char_span(d.start, d.end, alignment_mode="expand")
        if sp is None:
            continue
        target = None
        chain = [sp.root, *sp.root.ancestors]
        for k, t in enumerate(chain):
            if t.i in cue_tok:
                target = cue_tok[t.i]
                # "Asked about it on Thursday, Dujarric said ...": an adverbial reporting clause
                # shares its date with the main reporting clause above it
                if t.dep_ == "advcl":
                    above = next((cue_tok[u.i] for u in chain[k + 1:] if u.i in cue_tok), None)
                    if above is not None and above.said_on is None and not _in_spans(d.start, above.content):
                        above.said_on = d
                break
        if target is not None and any(c.start <= d.start < c.end for c in target.content):
            continue  # inside the content of the very statement it attaches to
        if target is None:
            if any(_in_spans(d.start, c) for _, c in contents):
                continue  # a date inside reported content belongs to the content
            # no cue above it: a date before the only cue of its sentence ("On Thursday, Kirby ...")
            sent = sp.sent
            in_sent = {id(s): s for i, s in cue_tok.items() if sent.start <= i < sent.end}
            if len(in_sent) == 1:
                only = next(iter(in_sent.values()))
                if sp.start - sent.start <= 1 and d.end <= only.cue.span.start:
                    target = only
        if target is not None and target.said_on is None:
            target.said_on = d
    # a continued speech event: "Kirby also claimed ..." right after a dated statement by Kirby
    ordered = sorted((s for s in statements if s.cue is not None), key=lambda s: s.cue.span.start)
    for prev, st in zip(ordered, ordered[1:]):
        if st.said_on is not None or prev.said_on is None:
            continue
        sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
        if sp is None:
            continue
        root = sp.root
        cont = any(c.lower_ in _CONTINUE and c.dep_ == "advmod" for c in root.children)
        if cont and _same_source(prev, st) and root.sent.start - 1 <= _sent_end_index(doc, prev):
            st.said_on = prev.said_on


def _sent_end_index(doc: Doc, st: Statement) -> int:
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    return sp.sent.end if sp is not None else -10


def _same_source(a: Statement, b: Statement) -> bool:
    ea = a.source.entity if a.source else None
    eb = b.source.entity if b.source else None
    if ea is not None and eb is not None:
        return ea.id == eb.id
    return False


class Timex:
    """Sets ``doc._.dates`` and each statement's ``said_on``. ``path``: the month and day words
    (None: the packaged ``data/timex.tsv``), read once and saved by ``to_disk``."""

    def __init__(self, path: Optional[str] = None) -> None:
        self.text = (Path(path) if path is not None else DATA).read_text(encoding="utf-8")
        self.words = vocab_from_text(self.text)

    def __call__(self, doc: Doc) -> Doc:
        art = doc._.article
        published = getattr(art, "published", None) if art is not None else None

        def future_at(s: int, e: int) -> bool:
            sp = doc.char_span(s, e, alignment_mode="expand")
            return bool(sp is not None and _is_future(sp.root))

        dates = find_dates(doc_text(doc), published, future_at, self.words)
        doc._.dates = dates
        said_on(doc, doc._.statements or [], dates)
        return doc

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / DATA.name).write_text(self.text, encoding="utf-8")

    def from_disk(self, path, exclude=()) -> "Timex":
        self.text = (Path(path) / DATA.name).read_text(encoding="utf-8")
        self.words = vocab_from_text(self.text)
        return self


@Language.factory("cc_timex", default_config={"vocab": None}, assigns=["doc._.dates", "doc._.statements"],
                  requires=["doc._.statements", "doc._.article", "token.dep"])
def make_timex(nlp: Language, name: str, vocab: Optional[str]) -> Timex:
    extensions.register()
    return Timex(vocab)


def dates_in(dates: Iterable[DateRef], start: int, end: int) -> list[DateRef]:
    return [d for d in dates if start <= d.start and d.end <= end]
