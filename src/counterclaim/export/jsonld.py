"""Offline JSON-LD: a pyld document loader that serves schema.org's context from a bundled copy and
refuses every other remote document, and the checks a ClaimReview draft must pass."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import CounterclaimError

CONTEXT_FILE = Path(__file__).resolve().parents[1] / "data" / "schemaorg-context.jsonld"
SCHEMA = "http://schema.org/"
SCHEMA_URLS = frozenset({
    "https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/",
    "https://schema.org/docs/jsonldcontext.json", "https://schema.org/docs/jsonldcontext.jsonld",
    "http://schema.org/docs/jsonldcontext.json", "http://schema.org/docs/jsonldcontext.jsonld",
})


class OfflineLoaderError(CounterclaimError, ValueError):
    pass


@lru_cache(maxsize=1)
def schema_context() -> dict:
    """The bundled schema.org context document ({"@context": {...}})."""
    doc = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return {"@context": doc["@context"]}


def offline_loader(url: str, options=None) -> dict:
    """A pyld documentLoader: schema.org's context from the bundled file, nothing from the network."""
    if url.split("#")[0] in SCHEMA_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": schema_context()}
    from pyld.jsonld import JsonLdError

    raise JsonLdError(f"offline: refusing to load {url} (only schema.org's bundled context is available)",
                      "jsonld.LoadDocumentError", code="loading document failed")


def expand(doc: dict) -> list:
    """pyld's JSON-LD expansion of ``doc`` with the offline loader (raises pyld's JsonLdError when invalid)."""
    from pyld import jsonld

    return jsonld.expand(doc, {"documentLoader": offline_loader})


def _values(node: dict, prop: str) -> list:
    return node.get(SCHEMA + prop, [])


def _has_type(node: dict, t: str) -> bool:
    return SCHEMA + t in node.get("@type", [])


def claimreview_problems(doc: dict) -> list[str]:
    """What a ClaimReview draft lacks after expansion: [] when it expands and carries every required field."""
    try:
        nodes = expand(doc)
    except Exception as e:  # pyld raises JsonLdError, or TypeError on non-JSON input
        return [f"JSON-LD expansion failed: {e}"]
    reviews = [n for n in nodes if _has_type(n, "ClaimReview")]
    if not reviews:
        return ["no node of type schema:ClaimReview"]
    problems = []
    for r in reviews:
        rid = (_values(r, "identifier") or [{}])[0].get("@value", "?")
        if not any(v.get("@value") for v in _values(r, "claimReviewed")):
            problems.append(f"{rid}: no claimReviewed")
        if not _values(r, "datePublished"):
            problems.append(f"{rid}: no datePublished")
        claims = [c for c in _values(r, "itemReviewed") if _has_type(c, "Claim")]
        if not claims:
            problems.append(f"{rid}: itemReviewed is not a schema:Claim")
        for c in claims:
            authors = _values(c, "author")
            if not authors or not all(_values(a, "name") for a in authors):
                problems.append(f"{rid}: the Claim has no named author")
            apps = _values(c, "appearance")
            if not apps:
                problems.append(f"{rid}: the Claim has no appearance")
            for a in apps:
                if not (_values(a, "url") or _values(a, "headline") or _values(a, "identifier")):
                    problems.append(f"{rid}: an appearance has neither url, headline nor identifier")
    return problems
