"""analyze: Article -> Analysis, a pure function of the text, its metadata, the lexicons and the model.

Articles stream through ``nlp.pipe`` in batches; nothing here touches a database. Texts
longer than ``SEGMENT_CHARS`` are cut at paragraph breaks into segments that are parsed
as separate docs, their offsets shifted back, so that memory stays bounded whatever
the size of one article. A batch holds at most ``BATCH_SIZE`` segments and ``BATCH_CHARS``
characters (the parse's working memory grows with its text), and a long stream is parsed in
spaCy memory zones of about ``ZONE_CHARS`` characters, so that the vocabulary does not grow with
the stream. Neither changes the results: the records are the same with or without them.
"""
from __future__ import annotations

import re
import threading
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional, Union

from .limits import BATCH_CHARS, BATCH_SIZE, MAX_CHARS, SEGMENT_CHARS, WARM_CHARS, ZONE_CHARS
from .model import Analysis, Article, DateRef, Proposition, Quantity, Skipped, Span, Statement
from .nlp.doctext import make_doc
from .titles import guess_title

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
        earlier = dict(by_key)  # a segment's own propositions are already grouped (propositions._key, finer than
        for p in seg.propositions:  # p.key: "?|endorse|X" holds claims of different unknown doers): merge only across segments
            if p.key in earlier:
                pid_map[p.id] = earlier[p.key]
                continue
            new_id = f"P{len(propositions) + 1}"
            pid_map[p.id] = new_id
            by_key.setdefault(p.key, new_id)
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


def _units(articles: Iterable[Article], pending: dict, order: list, max_chars: int,
           segment_chars: int) -> Iterator[tuple[int, int, int, str]]:
    """(article number, segment number, offset, text) for every segment to parse, in order; records each
    article (or its reason to skip) in ``pending``/``order`` as it is read. Plain Python values only:
    no spaCy object is made here, so nothing outlives a memory zone."""
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
            yield i, j, off, piece


def batches(units: Iterable[tuple], batch_size: int, batch_chars: Optional[int]) -> Iterator[list[tuple]]:
    """Group segments into batches of at most ``batch_size`` segments and at most ``batch_chars``
    characters (a single longer segment makes a batch of its own; 0 or None: no character budget)."""
    batch: list[tuple] = []
    chars = 0
    for u in units:
        n = len(u[3])
        if batch and (len(batch) >= batch_size or (batch_chars and chars + n > batch_chars)):
            yield batch
            batch, chars = [], 0
        batch.append(u)
        chars += n
    if batch:
        yield batch


def _parse_batch(nlp, batch: list[tuple], pending: dict) -> int:
    """Run one batch through the pipeline and keep each segment's records (never its Doc: the docs
    die when this returns). Returns the batch's characters."""
    docs = []
    for i, _j, _off, piece in batch:
        doc = make_doc(nlp, piece)
        doc._.article = pending[i][0]
        docs.append(doc)
    for (i, j, off, _), doc in zip(batch, nlp.pipe(docs, batch_size=len(docs))):
        pending[i][1][j] = (off, SegmentResult.of(doc))
    return sum(len(u[3]) for u in batch)


def _flush_ready(pending: dict, order: list) -> Iterator[Union[Analysis, Skipped]]:
    """The results of the articles at the head of the stream whose segments are all done, in order."""
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


# spaCy's memory zones (``Language.memory_zone``, spaCy >= 3.8) free the strings and lexemes that a
# block of text added to the shared vocabulary; they must not be nested nor overlap across threads.
_zone_lock = threading.RLock()
# Characters each pipeline has analyzed outside a zone: spaCy fills its tokenizer cache only outside
# zones, so the first WARM_CHARS characters a pipeline sees are analyzed without one (their strings
# stay, a bounded one-off) and the common words stay cached for the rest of the process.
_warmed: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


@contextmanager
def _zone(nlp, zone_chars: Optional[int]):
    """A memory zone for one chunk of the stream (yields True), or none (yields False): zones off,
    a spaCy without them, the pipeline still warming up, or already inside a zone on this thread.
    A zone holds the process-wide lock for its whole life, so no other thread parses inside it."""
    use = False
    if zone_chars and hasattr(nlp, "memory_zone"):
        _zone_lock.acquire()
        use = not getattr(nlp.vocab, "in_memory_zone", False) and _warmed.get(nlp, 0) >= WARM_CHARS
        if not use:
            _zone_lock.release()
    if not use:
        yield False
        return
    try:
        with nlp.memory_zone():
            yield True
    finally:
        _zone_lock.release()


def analyze_articles(articles: Iterable[Article], nlp=None, batch_size: int = BATCH_SIZE,
                     max_chars: int = MAX_CHARS, segment_chars: int = SEGMENT_CHARS,
                     batch_chars: Optional[int] = BATCH_CHARS, zone_chars: Optional[int] = ZONE_CHARS,
                     ) -> Iterator[Union[Analysis, Skipped]]:
    """Analyze a stream of articles, in order, yielding an Analysis or a Skipped for each.

    The stream is consumed lazily: memory holds one batch of docs (at most ``batch_size`` segments
    and ``batch_chars`` characters), not the corpus. The stream is parsed in chunks of about
    ``zone_chars`` characters, each inside a spaCy memory zone so that the vocabulary does not grow
    with the stream; a chunk's results are yielded once its zone is closed, so no spaCy object
    outlives its zone and no caller code runs inside one (except the reading of ``articles``, which
    must not use the pipeline itself). ``batch_chars=0`` / ``zone_chars=0`` turn either off;
    the results are the same records either way.
    """
    from .nlp.pipeline import get_nlp

    nlp = nlp or get_nlp()
    pending: dict[int, tuple[Article, list]] = {}
    order: list[int] = []
    groups = batches(_units(articles, pending, order, max_chars, segment_chars), batch_size, batch_chars)
    done = False
    while not done:
        ready: list[Union[Analysis, Skipped]] = []
        with _zone(nlp, zone_chars) as zoned:
            used = 0
            for batch in groups:
                if zoned:
                    used += _parse_batch(nlp, batch, pending)
                    ready.extend(_flush_ready(pending, order))
                    if used >= zone_chars:
                        break
                    continue
                with _zone_lock:  # outside a zone, yet never inside another thread's
                    n = _parse_batch(nlp, batch, pending)
                    if zone_chars:
                        _warmed[nlp] = _warmed.get(nlp, 0) + n
                yield from _flush_ready(pending, order)
                if zone_chars and _warmed[nlp] >= WARM_CHARS:
                    break  # warmed up (or nested): try a zone for the rest
            else:
                done = True
        yield from ready
    yield from _flush_ready(pending, order)


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

