"""Plain typed records at the boundaries: Article (read) -> Analysis (analyze) -> ledger.

Every offset is a Unicode code-point offset into ``Article.text`` exactly as read.
Each record converts to and from plain JSON-able dicts (``to_dict`` / ``from_dict``);
the analysis JSON is the format that ``../shared/eval/score.py`` reads, extra fields
being ignored by it.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable, Literal, Optional

Kind = Literal["direct", "indirect", "mixed", "nominal", "outlet"]
StanceLabel = Literal["asserts", "denies", "no_knowledge"]
Framing = Literal["neutral", "distancing", "endorsing"]

SCHEMA = "counterclaim-analysis/1"


def content_id(text: str) -> str:
    """The id of an article with no id of its own: a hash of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def record_dict(obj) -> dict:
    """``dataclasses.asdict(obj)`` for a record whose fields hold scalars and lists of scalars (each list
    copied), without asdict's recursion and deep copies; a record holding anything else goes through
    ``asdict``."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    d = {}
    for name in names:
        v = getattr(obj, name)
        if type(v) in _SCALARS:
            d[name] = v
        elif type(v) is list and all(type(x) in _SCALARS for x in v):
            d[name] = list(v)
        else:
            return asdict(obj)
    return d


@dataclass
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d.get("text", ""))


@dataclass
class Actor:
    """Who a source is. ``id`` is canonical: ISO 3166 alpha-3 for states and their
    governments (``PRK``), ``person:john-kirby``, ``org:un``, ``media:kcna``..."""
    id: str
    name: str
    type: str = "unknown"  # state | government | person | organization | media | armed_group | igo | unknown
    country: Optional[str] = None
    role: Optional[str] = None
    org: Optional[str] = None
    party: Optional[str] = None
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = record_dict(self)
        if not d["aliases"]:
            d.pop("aliases")
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        keys = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in keys})


@dataclass
class Source:
    span: Span
    entity: Optional[Actor] = None

    def to_dict(self) -> dict:
        d = self.span.to_dict()
        d["entity"] = self.entity.to_dict() if self.entity else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Source":
        ent = d.get("entity")
        return cls(Span.from_dict(d), Actor.from_dict(ent) if ent else None)


@dataclass
class Cue:
    span: Span
    lemma: str = ""
    framing: Framing = "neutral"

    def to_dict(self) -> dict:
        d = self.span.to_dict()
        d.update(lemma=self.lemma, framing=self.framing)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Cue":
        return cls(Span.from_dict(d), d.get("lemma", ""), d.get("framing", "neutral"))


def opposite(stance: str) -> str:
    """The other side of a stance: asserts <-> denies; no_knowledge stays."""
    return {"asserts": "denies", "denies": "asserts"}.get(stance, stance)


@dataclass
class Stance:
    proposition: str
    stance: StanceLabel
    # How sure the analyzer is that the statement is about this proposition (the link, not the
    # stance label): 0..1, and how the link was made (relation | claim | gist | fragment |
    # anaphor-fit | anaphor | pronoun | unresolved). Optional: gold and older analyses have none.
    confidence: float = 1.0
    basis: Optional[str] = None

    @property
    def side(self) -> str:
        """The same as ``stance``: the source's commitment to the proposition's positive claim
        (asserts / denies / no_knowledge). Kept for readers that ask for the side taken."""
        return self.stance

    def to_dict(self) -> dict:
        d: dict = {"proposition": self.proposition, "stance": self.stance}
        if self.basis is not None:
            d["confidence"] = round(self.confidence, 3)
            d["basis"] = self.basis
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Stance":
        stance = d["stance"]
        if d.get("negated"):  # an analysis written when the label could read against a negated gist
            stance = opposite(stance)
        return cls(d["proposition"], stance, float(d.get("confidence", 1.0)), d.get("basis"))


STANCE_PRIORITY = ("no_knowledge", "denies", "asserts")


def primary_stance(stances: Iterable[Stance]) -> str:
    """One label per statement: no_knowledge > denies > asserts; no stance → none."""
    labels = {s.stance for s in stances}
    return next((lbl for lbl in STANCE_PRIORITY if lbl in labels), "none")


@dataclass
class Mark:
    """A mark the reporter puts on a statement: scare quotes or a hedge."""
    type: Literal["scare_quotes", "hedge"]
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return record_dict(self)


@dataclass
class DateRef:
    """A time expression and what it resolves to against the publication date
    (``value`` is ISO: ``2022-12-22``, ``2022-11`` or ``2022``; None when unresolved)."""
    start: int
    end: int
    text: str
    value: Optional[str] = None

    def to_dict(self) -> dict:
        return record_dict(self)


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str  # ISO 4217 code for money (USD), or the counted noun ("troops")
    kind: Literal["money", "count", "percent"] = "count"
    statement: Optional[str] = None
    proposition: Optional[str] = None

    def to_dict(self) -> dict:
        return record_dict(self)


@dataclass
class Statement:
    id: str
    content: list[Span]
    source: Optional[Source] = None
    cue: Optional[Cue] = None
    kind: Kind = "indirect"
    stances: list[Stance] = field(default_factory=list)
    said_on: Optional[DateRef] = None
    via: Optional[str] = None
    marks: list[Mark] = field(default_factory=list)
    source_ref: Optional[str] = None  # the statement whose source this one continues
    confidence: float = 1.0

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)

    @property
    def content_text(self) -> str:
        return " … ".join(s.text for s in self.content)

    def to_dict(self) -> dict:
        content: Any = [s.to_dict() for s in self.content]
        if len(content) == 1:
            content = content[0]
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": content,
            "stances": [s.to_dict() for s in self.stances],
            "said_on": self.said_on.value if self.said_on else None,
            "said_on_expr": self.said_on.to_dict() if self.said_on else None,
            "via": self.via,
            "marks": [m.to_dict() for m in self.marks],
            "source_ref": self.source_ref,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Statement":
        c = d["content"]
        content = [Span.from_dict(x) for x in (c if isinstance(c, list) else [c])]
        expr = d.get("said_on_expr")
        return cls(
            id=d["id"], content=content,
            source=Source.from_dict(d["source"]) if d.get("source") else None,
            cue=Cue.from_dict(d["cue"]) if d.get("cue") else None,
            kind=d.get("kind", "indirect"),
            stances=[Stance.from_dict(s) for s in d.get("stances", [])],
            said_on=DateRef(**expr) if expr else None,
            via=d.get("via"),
            marks=[Mark(**m) for m in d.get("marks", [])],
            source_ref=d.get("source_ref"),
            confidence=d.get("confidence", 1.0),
        )


@dataclass
class Proposition:
    """What statements are about, normalized so that it can be matched across articles.

    ``claim`` is the claim in its positive form ("the samples were contaminated", "someone was hurt",
    "Trump paid taxes"), whatever the words of the statements that carry it: a statement that says
    "the samples were not contaminated" denies it (``Stance.stance``). ``gist`` is the same text, the
    name older readers know. ``predicate`` is the lemma of the claim's main predicate, ``arguments``
    its participants (actor ids where they resolve, else their words), subject first."""
    id: str
    gist: str
    agent: Optional[str] = None      # canonical actor id (ISO alpha-3 for states)
    relation: Optional[str] = None   # normalized relation, e.g. transfer_arms
    recipient: Optional[str] = None
    theme: Optional[str] = None
    when: Optional[str] = None       # ISO date / month / year
    when_expr: Optional[str] = None
    claim: str = ""                  # the positive canonical clause (empty: the gist)
    predicate: Optional[str] = None  # lemma of the main predicate, positive ("pay", "contaminate")
    arguments: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.claim:
            self.claim = self.gist

    @property
    def key(self) -> str:
        """Structured key used to match the same claim across articles."""
        if self.relation and (self.agent or self.recipient):
            return "|".join([self.agent or "?", self.relation, self.recipient or "?"])
        return "gist|" + " ".join(self.gist.lower().split())

    def to_dict(self) -> dict:
        d = record_dict(self)
        d["key"] = self.key
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Proposition":
        keys = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in keys})


@dataclass
class Article:
    text: str
    id: str = ""
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None  # ISO date YYYY-MM-DD, validated by the reader
    url: Optional[str] = None
    origin: Optional[str] = None     # file / record it came from
    language: Optional[str] = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def meta(self) -> dict:
        return {k: getattr(self, k) for k in ("id", "title", "outlet", "published", "url", "origin", "language")}


@dataclass
class Analysis:
    article: Article
    statements: list[Statement] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    n_tokens: int = 0

    def to_dict(self, with_text: bool = False) -> dict:
        art = self.article.meta()
        if with_text:
            art["text"] = self.article.text
        return {
            "schema": SCHEMA,
            "article": art,
            "statements": [s.to_dict() for s in self.statements],
            "propositions": [p.to_dict() for p in self.propositions],
            "actors": [a.to_dict() for a in self.actors],
            "quantities": [q.to_dict() for q in self.quantities],
            "dates": [d.to_dict() for d in self.dates],
            "n_tokens": self.n_tokens,
        }

    @classmethod
    def from_dict(cls, d: dict, text: Optional[str] = None) -> "Analysis":
        a = dict(d["article"])
        a["text"] = text if text is not None else a.get("text", "")
        keys = Article.__dataclass_fields__
        art = Article(**{k: v for k, v in a.items() if k in keys})
        return cls(
            article=art,
            statements=[Statement.from_dict(s) for s in d.get("statements", [])],
            propositions=[Proposition.from_dict(p) for p in d.get("propositions", [])],
            actors=[Actor.from_dict(x) for x in d.get("actors", [])],
            quantities=[Quantity(**q) for q in d.get("quantities", [])],
            dates=[DateRef(**x) for x in d.get("dates", [])],
            n_tokens=d.get("n_tokens", 0),
        )


@dataclass
class Skipped:
    """An input that could not be read or analyzed, with the reason. Errors are values."""
    origin: str
    reason: str
