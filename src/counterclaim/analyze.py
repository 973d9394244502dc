"""analyze: Article -> Analysis, a pure function of the text, its metadata, the lexicons and the model.

Articles stream through ``nlp.pipe`` in batches; nothing here touches a database. Texts
longer than ``SEGMENT_CHARS`` are cut at paragraph breaks into segments that are parsed
as separate docs, their offsets shifted back, so that memory stays bounded whatever
the size of one article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional, Union

from .model import Analysis, Article, DateRef, Proposition, Quantity, Skipped, Span, Statement

SEGMENT_CHARS = 20_000  # ~4,000 words: longer articles are parsed in pieces cut at paragraph breaks
# A news article is rarely over 100 KB; a multi-megabyte "article" is a dump or a mistake. Beyond
# MAX_CHARS an article is skipped with its reason unless the caller raises the limit (memory stays
# bounded either way: long texts are parsed segment by segment).
MAX_CHARS = 2_000_000
# Docs per nlp.pipe batch. Measured (`counterclaim bench`, docs/bench.md): with the pinned model,
# 64 costs ~20% more CPU than 16 and doubles peak memory (bare spaCy over 100 PolNeAR train
# articles: 1038 MiB at 64, 534 MiB at 16, 375 MiB at 4); 16 keeps most of the batching gain.
BATCH_SIZE = 16

_PARA_BREAK = re.compile(r"\n\s*\n|\n")
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str, max_chars: int = MAX_CHARS) -> Optional[str]:
    """Why a text cannot be analyzed, or None."""
    if not text or not text.strip():
        return "empty text"
    if len(text) > max_chars:
        return f"text too large ({len(text):,} characters, limit {max_chars:,}; raise it with --max-chars)"
    if "\x00" in text:
        return "binary content (NUL bytes)"
    bad = _SURROGATE.search(text)
    if bad:
        return f"invalid Unicode: lone surrogate U+{ord(bad.group()):04X} at character {bad.start()}"
    return None


def segments(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, str]]:
    """Cut a text into (offset, piece) pieces of at most ``size`` characters, at line breaks where possible."""
    if len(text) <= size:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max((m.end() for m in _PARA_BREAK.finditer(text, start + size // 2, end)), default=None)
            if cut is None:
                space = text.rfind(" ", start + size // 2, end)
                cut = space + 1 if space > start else end
            end = cut
        out.append((start, text[start:end]))
        start = end
    return out


def _shift_span(s: Span, off: int) -> Span:
    return Span(s.start + off, s.end + off, s.text)


def _shift_statement(st: Statement, off: int) -> Statement:
    if not off:
        return st
    return replace(
        st,
        content=[_shift_span(c, off) for c in st.content],
        source=replace(st.source, span=_shift_span(st.source.span, off)) if st.source else None,
        cue=replace(st.cue, span=_shift_span(st.cue.span, off)) if st.cue else None,
        said_on=replace(st.said_on, start=st.said_on.start + off, end=st.said_on.end + off) if st.said_on else None,
        marks=[replace(m, start=m.start + off, end=m.end + off) for m in st.marks],
    )


@dataclass
class SegmentResult:
    """What the pipeline found in one segment: the records only, so that a long article's parsed
    docs are freed as soon as each segment is done."""
    statements: list
    propositions: list
    quantities: list
    dates: list
    n_tokens: int

    @classmethod
    def of(cls, doc) -> "SegmentResult":
        return cls(doc._.statements or [], doc._.propositions or [], doc._.quantities or [],
                   doc._.dates or [], len(doc))


def merge_segments(article: Article, parts: list[tuple[int, "SegmentResult"]]) -> Analysis:
    """Merge the analyses of an article's segments (doc-local offsets) into one Analysis."""
    statements: list[Statement] = []
    propositions: list[Proposition] = []
    quantities: list[Quantity] = []
    dates: list[DateRef] = []
    by_key: dict[str, str] = {}
    n_tokens = 0
    for off, seg in parts:
        n_tokens += seg.n_tokens
        sid_map: dict[str, str] = {}
        pid_map: dict[str, str] = {}
        for p in seg.propositions:
            if p.key in by_key:
                pid_map[p.id] = by_key[p.key]
                continue
            new_id = f"P{len(propositions) + 1}"
            pid_map[p.id] = by_key[p.key] = new_id
            propositions.append(replace(p, id=new_id))
        for st in seg.statements:
            sid_map[st.id] = f"S{len(statements) + 1}"
            statements.append(_shift_statement(st, off))
        for st in statements[len(statements) - len(seg.statements):]:
            st.id = sid_map[st.id]
            st.source_ref = sid_map.get(st.source_ref) if st.source_ref else None
            for s in st.stances:
                s.proposition = pid_map.get(s.proposition, s.proposition)
        for q in seg.quantities:
            quantities.append(replace(q, start=q.start + off, end=q.end + off,
                                      statement=sid_map.get(q.statement) if q.statement else None,
                                      proposition=pid_map.get(q.proposition) if q.proposition else None))
        for d in seg.dates:
            dates.append(replace(d, start=d.start + off, end=d.end + off))
    actors = {}
    for st in statements:
        if st.source and st.source.entity:
            actors.setdefault(st.source.entity.id, st.source.entity)
    return Analysis(article=article, statements=statements, propositions=propositions,
                    actors=list(actors.values()), quantities=quantities, dates=dates, n_tokens=n_tokens)


def analyze_articles(articles: Iterable[Article], nlp=None, batch_size: int = BATCH_SIZE,
                     max_chars: int = MAX_CHARS, segment_chars: int = SEGMENT_CHARS,
                     ) -> Iterator[Union[Analysis, Skipped]]:
    """Analyze a stream of articles, in order, yielding an Analysis or a Skipped for each.

    The stream is consumed lazily: memory holds one batch of docs, not the corpus.
    """
    from .nlp.pipeline import get_nlp

    nlp = nlp or get_nlp()
    pending: dict[int, tuple[Article, list]] = {}
    order: list[int] = []

    def docs() -> Iterator:
        for i, art in enumerate(articles):
            why = check_text(art.text, max_chars)
            if why:
                pending[i] = (art, [why])
                order.append(i)
                continue
            segs = segments(art.text, segment_chars)
            pending[i] = (art, [None] * len(segs))
            order.append(i)
            for j, (off, piece) in enumerate(segs):
                doc = nlp.make_doc(piece)
                doc._.article = art
                doc.user_data["cc_seg"] = (i, j, off)
                yield doc

    def flush_ready() -> Iterator[Union[Analysis, Skipped]]:
        while order:
            i = order[0]
            art, parts = pending[i]
            if parts and isinstance(parts[0], str):
                yield Skipped(art.origin or art.id, parts[0])
            elif all(p is not None for p in parts):
                yield merge_segments(art, parts)
            else:
                return
            order.pop(0)
            del pending[i]

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        i, j, off = doc.user_data.pop("cc_seg")
        pending[i][1][j] = (off, SegmentResult.of(doc))  # keep the records, not the parsed doc
        yield from flush_ready()
    yield from flush_ready()


def analyze(text: str, outlet: Optional[str] = None, published: Optional[str] = None,
            title: Optional[str] = None, url: Optional[str] = None, id: str = "") -> Analysis:
    """Analyze one article's text. Raises ValueError when the text cannot be analyzed."""
    from .dates import parse_published

    art = Article(text=text, id=id, title=title, outlet=outlet, published=parse_published(published), url=url)
    if not art.title:
        art.title = guess_title(text)
    out = next(analyze_articles([art]))
    if isinstance(out, Skipped):
        raise ValueError(out.reason)
    return out


def guess_title(text: str) -> Optional[str]:
    """The first non-empty line, when it is short enough to be a headline."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 else None
    return None
