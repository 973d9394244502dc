"""cc_quantities: money, counts and percentages with a unit and a normalized value.

"$45 billion" → 45000000000 USD; "over $20 billion" → 2e10 USD (the qualifier stays in the
text); "€3m" → 3e6 EUR; "£2.5 million" → 2.5e6 GBP; "5 billion rubles" → 5e9 RUB;
"50,000 troops" → 50000 troops; "12 percent" → 12 %. Money and percentages are found by regular
expressions over the text (symbols and names from ``data/currencies.tsv``, scale words from
``data/multipliers.tsv``); counts come from the parse (a number that modifies a noun). Years,
dates and times are not counts.

Each quantity inside a statement's content is tied to that statement; ``cc_propositions`` ties it
to the proposition whose clause contains it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import numpy
from spacy.attrs import DEP
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..model import Quantity, Statement
from . import extensions
from .doctext import doc_text
from .rxguard import compile_guarded
from ..lexicons import data_text, read_texts, tsv_text_rows, write_texts



# The data files the tables are read from, by the name the component's config gives each.
FILES = {"currencies": "currencies.tsv", "multipliers": "multipliers.tsv"}


def tables_from_texts(texts: dict[str, str]):
    """(currencies, scales, numbers, money_pre, money_suf, percent, qual_before): the currency forms,
    scale and number words, and the patterns built from them, from the texts of ``FILES``."""
    cur = {r["form"]: (r["code"], r["position"]) for r in tsv_text_rows(texts["currencies"])}
    mult = {r["word"]: (float(r["value"]), r["kind"]) for r in tsv_text_rows(texts["multipliers"])}
    scales = {w: v for w, (v, k) in mult.items() if k == "scale"}
    numbers = {w: v for w, (v, k) in mult.items() if k == "number"}
    pre = sorted((f for f, (_, p) in cur.items() if p == "prefix"), key=len, reverse=True)
    suf = sorted((f for f, (_, p) in cur.items() if p == "suffix"), key=len, reverse=True)
    qual = r"(?P<qual>(?i:(?:well |just )?(?:over|under|more than|less than|nearly|almost|about|around|roughly|some|at least|at most|up to|approximately|an estimated)\s+))?"
    num = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    scale_alt = "|".join(sorted(map(re.escape, scales), key=len, reverse=True))
    # the qualifier is looked for behind each match (``_qualified``): an optional group at the front
    # of these patterns made the regex engine try it at every character of the text
    money_pre = re.compile(
        r"(?<![\w$])(?P<cur>" + "|".join(map(re.escape, pre)) + r")\s?" + num
        + r"(?:\s?(?P<scale>(?i:" + scale_alt + r"))\b)?")
    money_suf = compile_guarded(
        r"\b" + num + r"(?:\s" + r"(?P<scale>(?i:million|billion|trillion|thousand)))?\s+(?P<cur>(?i:"
        + "|".join(map(re.escape, suf)) + r"))\b")
    percent = compile_guarded(r"\b" + num + r"\s?(?P<unit>%|(?i:per\s?cent(?:age points?)?|percentage points?))")
    qual_before = re.compile(qual[:-1] + r"$")  # the same qualifier, required, ending where the match starts
    return cur, scales, numbers, money_pre, money_suf, percent, qual_before


@lru_cache(maxsize=1)
def _tables():
    """The packaged tables."""
    return tables_from_texts({key: data_text(name) for key, name in FILES.items()})


QUAL_WINDOW = 60  # characters behind an amount where its qualifier ("more than", "an estimated") may start


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def find_money_and_percents(text: str, tables=None) -> list[Quantity]:
    """``tables``: from ``tables_from_texts`` (None: the packaged ones)."""
    cur, scales, _, money_pre, money_suf, percent, qual_before = tables if tables is not None else _tables()
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for rx, kind in ((money_pre, "money"), (money_suf, "money"), (percent, "percent")):
        prev_end = 0
        for m in rx.finditer(text):
            q = qual_before.search(text, max(prev_end, m.start() - QUAL_WINDOW), m.start())
            prev_end = m.end()
            if not free(m.start("num"), m.end()):
                continue
            v = _num(m.group("num"))
            if kind == "money":
                sc = m.group("scale")
                if sc:
                    key = sc.lower() if sc.lower() in scales else sc
                    v *= scales.get(key, 1.0)
                form = m.group("cur")
                code = (cur.get(form) or cur.get(form.lower()) or cur.get(form.upper()) or ("USD", ""))[0]
                unit = code
            else:
                unit = "percentage points" if "point" in m.group("unit").lower() else "%"
            s = q.start() if q else m.start()
            out.append(Quantity(start=s, end=m.end(), text=text[s:m.end()], value=v, unit=unit, kind=kind))
            taken.append((s, m.end()))
    return out


_NOT_COUNTED = {"year", "years", "percent", "%", "a.m.", "p.m.", "am", "pm", "o'clock", "time", "times"}


def find_counts(doc: Doc, taken: list[tuple[int, int]], tables=None) -> list[Quantity]:
    """Numbers that modify a noun: "50,000 troops", "two million people", "three missiles"."""
    _, scales, numbers, *_ = tables if tables is not None else _tables()
    out = []
    nums = numpy.flatnonzero(doc.to_array(DEP) == get_string_id("nummod")).tolist() if len(doc) else []
    for i in nums:  # the labels as an array: a Token is made only for the number modifiers
        tok = doc[i]
        if tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.i < tok.i:
            continue
        if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        # the number phrase: this token and number tokens right before it ("2.5 million", "two hundred")
        first = tok
        while first.i > 0 and doc[first.i - 1].dep_ in ("nummod", "compound", "quantmod") \
                and (doc[first.i - 1].like_num or doc[first.i - 1].lower_ in scales) and doc[first.i - 1].head.i in (tok.i, tok.head.i):
            first = doc[first.i - 1]
        words = [t.lower_ for t in doc[first.i: tok.i + 1]]
        value = _parse_words(words, scales, numbers)
        if value is None:
            continue
        noun = tok.head
        if noun.lower_ in _NOT_COUNTED or noun.ent_type_ in ("DATE", "TIME"):
            continue
        s, e = doc[first.i].idx, noun.idx + len(noun.text)
        if any(not (e <= a or s >= b) for a, b in taken):
            continue
        if re.fullmatch(r"1[89]\d\d|20\d\d", words[-1]) and noun.ent_type_ != "":
            continue
        qual = [c for c in tok.children if c.dep_ in ("quantmod", "advmod") and c.i < first.i]
        if qual:
            s = min(c.idx for c in qual)
            for c in qual:
                for d in c.subtree:
                    s = min(s, d.idx)
        out.append(Quantity(start=s, end=e, text=doc_text(doc)[s:e], value=value, unit=noun.lower_, kind="count"))
    return out


def _parse_words(words: list[str], scales: dict, numbers: dict) -> Optional[float]:
    total, cur, seen = 0.0, None, False
    for w in words:
        w = w.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            cur = float(w) if cur is None else cur + float(w)
            seen = True
        elif w in numbers:
            n = numbers[w]
            if n == 100 and cur is not None:
                cur *= 100
            else:
                cur = n if cur is None else cur + n
            seen = True
        elif w in scales and cur is not None:
            total += cur * scales[w]
            cur = None
        elif w in scales:
            cur = scales[w]
            seen = True
        else:
            return None
    if not seen:
        return None
    return total + (cur or 0.0)


def tie_to_statements(quantities: list[Quantity], statements: list[Statement]) -> None:
    for q in quantities:
        for st in statements:
            if any(c.start <= q.start and q.end <= c.end for c in st.content):
                q.statement = st.id
                break


class Quantities:
    """Sets ``doc._.quantities``. ``paths``: the currencies and multipliers files by key of ``FILES``
    (None: the packaged ones), read once and saved by ``to_disk``."""

    def __init__(self, paths: Optional[dict[str, Optional[str]]] = None) -> None:
        paths = paths or {}
        self.texts = {key: data_text(name, paths.get(key)) for key, name in FILES.items()}
        self.tables = tables_from_texts(self.texts)

    def __call__(self, doc: Doc) -> Doc:
        qs = find_money_and_percents(doc_text(doc), self.tables)
        qs += find_counts(doc, [(q.start, q.end) for q in qs], self.tables)
        qs.sort(key=lambda q: q.start)
        tie_to_statements(qs, doc._.statements or [])
        doc._.quantities = qs
        return doc

    def to_disk(self, path, exclude=()) -> None:
        write_texts(path, self.texts, FILES)

    def from_disk(self, path, exclude=()) -> "Quantities":
        self.texts = read_texts(path, FILES)
        self.tables = tables_from_texts(self.texts)
        return self


@Language.factory("cc_quantities", default_config={"currencies": None, "multipliers": None},
                  assigns=["doc._.quantities"], requires=["doc._.statements", "token.dep"])
def make_quantities(nlp: Language, name: str, currencies: Optional[str], multipliers: Optional[str]) -> Quantities:
    extensions.register()
    return Quantities({"currencies": currencies, "multipliers": multipliers})
