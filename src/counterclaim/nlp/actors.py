"""The actors gazetteer: canonical actors for names, aliases, capitals, demonyms and institutions.

``lookup("Pyongyang")`` → ``Actor(id="PRK", name="North Korea", type="government", country="PRK")``.
Data: ``data/actors.tsv`` (ids, names, types, countries, '|'-separated aliases) and
``data/actor_heads.tsv`` (institution heads such as "foreign ministry": "the Russian foreign
ministry" → Russia's government). Everything is loaded once per process into dicts, so a
lookup is O(length of the mention).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from ..model import Actor
from ..lexicons import tsv_rows


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00a0": " "})
_STRIP_QUOTES = re.compile(r"""^[\s"'`(\[]+|[\s"'`)\],.;:!?]+$""")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SPACES = re.compile(r"\s+")
_SLUG = re.compile(r"[^a-z0-9]+")


def normalize(mention: str) -> str:
    """Key used for lookups: straight quotes, no surrounding quotes/punctuation, no leading
    article, no possessive, single spaces, lower case."""
    s = mention.translate(_QUOTES)
    s = _SPACES.sub(" ", s).strip()
    s = _STRIP_QUOTES.sub("", s)
    s = _ARTICLE.sub("", s)
    s = _POSSESSIVE.sub("", s)
    return s.lower().strip()


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return _SLUG.sub("-", s).strip("-")


def person_id(name: str) -> str:
    """Canonical id of a named person: ``person_id("John Kirby") == "person:john-kirby"``."""
    return "person:" + slug(name)


@dataclass
class Gazetteer:
    actors: dict[str, Actor] = field(default_factory=dict)          # id -> Actor
    by_key: dict[str, str] = field(default_factory=dict)            # normalized alias -> id
    by_exact: dict[str, str] = field(default_factory=dict)          # case-sensitive alias -> id
    notes: dict[str, str] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)             # normalized head -> display form
    max_words: int = 1

    def get(self, actor_id: str) -> Optional[Actor]:
        """A fresh copy of the canonical actor (callers may set role/org on it), without aliases."""
        a = self.actors.get(actor_id)
        return replace(a, aliases=[]) if a else None

    def aliases(self, actor_id: str) -> list[str]:
        a = self.actors.get(actor_id)
        return list(a.aliases) if a else []


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the data files once per process."""
    g = Gazetteer()
    for row in tsv_rows("actors.tsv"):
        aid = row["id"].strip()
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        actor = Actor(id=aid, name=row["name"].strip(), type=row["type"].strip() or "unknown",
                      country=row.get("country", "").strip() or None,
                      aliases=[a.lstrip("=") for a in aliases])
        if aid in g.actors:
            raise ValueError(f"actors.tsv: duplicate id {aid}")
        g.actors[aid] = actor
        if row.get("notes"):
            g.notes[aid] = row["notes"].strip()
        names = [actor.name] + aliases  # (ISO codes are not aliases: "AND", "CAN", "ARE" are words)
        for n in names:
            if n.startswith("="):
                g.by_exact.setdefault(n[1:], aid)
                continue
            key = normalize(n)
            if key:
                g.by_key.setdefault(key, aid)  # first row wins: states come before institutions
                g.max_words = max(g.max_words, key.count(" ") + 1)
    for row in tsv_rows("actor_heads.tsv"):
        key = normalize(row["head"])
        disp = row.get("display", "").strip() or row["head"].strip()
        g.heads[key] = "" if disp == "-" else disp
    return g


def _exact(mention: str, g: Gazetteer) -> Optional[str]:
    s = _STRIP_QUOTES.sub("", _SPACES.sub(" ", mention.translate(_QUOTES)).strip())
    s = _POSSESSIVE.sub("", _ARTICLE.sub("", s))
    return g.by_exact.get(s)


def _direct(mention: str, g: Gazetteer) -> Optional[str]:
    if g is load_gazetteer():  # the packaged gazetteer: the same mention always gives the same id
        return _direct_packaged(mention)
    return _direct_uncached(mention, g)


def _direct_uncached(mention: str, g: Gazetteer) -> Optional[str]:
    aid = _exact(mention, g)
    if aid:
        return aid
    return g.by_key.get(normalize(mention))


@lru_cache(maxsize=65536)  # names repeat across a corpus; a bounded cache of plain strings
def _direct_packaged(mention: str) -> Optional[str]:
    return _direct_uncached(mention, load_gazetteer())


def lookup(mention: str) -> Optional[Actor]:
    """The canonical Actor a name, alias, capital, demonym or institution stands for, or None.

    Also resolves "<state> <institution>" ("the North Korean foreign ministry", "Russia's defense
    ministry", "the foreign ministry of Iran") to that state's government, with ``org`` naming the
    institution.
    """
    if not mention or len(mention) > 200:
        return None
    g = load_gazetteer()
    found = _resolve_packaged(mention)
    if found is None:
        return None
    aid, head = found
    return g.get(aid) if head is None else _with_org(g.get(aid), head)


@lru_cache(maxsize=65536)  # the same mention always resolves the same way: a bounded cache of strings
def _resolve_packaged(mention: str) -> Optional[tuple[str, Optional[str]]]:
    return _resolve(mention, load_gazetteer())


def _resolve(mention: str, g: Gazetteer) -> Optional[tuple[str, Optional[str]]]:
    """(actor id, institution head or None) of a mention: what ``lookup`` builds its Actor from."""
    aid = _direct(mention, g)
    if aid:
        return aid, None
    key = normalize(mention)
    if not key:
        return None
    # "<state>'s <head>", "<state> <head>", "<head> of <state>"
    words = key.split(" ")
    for i in range(1, len(words)):  # longest head first: "foreign ministry" before "ministry"
        head = " ".join(words[i:])
        if head in g.heads:
            owner = " ".join(words[:i])
            oid = _direct(owner, g)
            if oid is None:  # keep the original case for acronyms: "US foreign ministry"
                orig = _ARTICLE.sub("", mention.translate(_QUOTES).strip()).split()
                oid = _exact(" ".join(orig[:len(orig) - (len(words) - i)]), g)
            if oid:
                return (oid, g.heads[head]) if _with_org(g.get(oid), g.heads[head]) is not None else None
    m = re.match(r"^(.+?) of (?:the )?(.+)$", key)
    if m and m.group(1) in g.heads:
        oid = _direct(m.group(2), g)
        if oid:
            return (oid, g.heads[m.group(1)]) if _with_org(g.get(oid), g.heads[m.group(1)]) is not None else None
    return None


def _with_org(actor: Optional[Actor], head: str) -> Optional[Actor]:
    if actor is None:
        return None
    if actor.type in ("government", "igo", "organization", "media", "armed_group"):
        if actor.type == "government" and head:
            actor.org = head
        return actor
    return None


def scan(text: str, max_words: Optional[int] = None) -> list[tuple[int, int, Actor]]:
    """Gazetteer mentions in a short text (a source span, a role phrase): longest match first,
    left to right, as (start, end, Actor) with character offsets into ``text``."""
    g = load_gazetteer()
    n_max = max_words or g.max_words
    toks = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out = []
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(n_max, len(toks) - i), 0, -1):
            s, e = toks[i][0], toks[i + n - 1][1]
            aid = _direct(text[s:e], g)
            if aid:
                hit = (s, e, g.get(aid), n)
                break
        if hit:
            out.append(hit[:3])
            i += hit[3]
        else:
            i += 1
    return out


_WORD = re.compile(r"[\w][\w.'\u2019&-]*[\w.]|[\w]", re.U)


def is_state(actor: Optional[Actor]) -> bool:
    return bool(actor and actor.type == "government" and actor.country and actor.id == actor.country)
