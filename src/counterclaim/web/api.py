"""The JSON API under ``/api``: a thin layer over the Ledger API (read) and ``counterclaim.service``
(analyze, ingest).

Every error is JSON ``{"error": ..., "status": ...}`` (see ``app.py``'s handlers).
"""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .deps import cached
from .inputs import MAX_TEXT, DateQuery, checked_date, known_params_only


class AnalyzeIn(BaseModel):
    """An article to analyze on the fly (nothing is stored)."""
    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1, max_length=MAX_TEXT, description="The article text.")
    outlet: Optional[str] = Field(None, max_length=200)
    published: Optional[str] = Field(None, max_length=40, description="Publication date, YYYY-MM-DD.")
    title: Optional[str] = Field(None, max_length=1000)


class IngestIn(AnalyzeIn):
    """An article to analyze and store in the ledger (only with ``serve --allow-ingest``)."""
    url: Optional[str] = Field(None, max_length=4000)


def _ledger(request: Request):
    return request.app.state.ledgers.get()


def _cached(request: Request, name: str, **kw):
    return cached(request.app, name, **kw)


def _found(x, what: str):
    if x is None:
        raise HTTPException(404, f"no such {what}")
    return x


# Fresh Query objects for every parameter: FastAPI must not share one FieldInfo between two parameters.
def Limit(default: int = 50):
    return Query(default, ge=1, le=500)


def Offset():
    return Query(0, ge=0, le=1_000_000)


def Text200():
    return Query(None, max_length=200)

class FastJSON(JSONResponse):
    """The Ledger API already returns JSON-ready dicts: serialize them with the json module (C)
    instead of FastAPI's recursive jsonable_encoder, several times faster on a big article."""
    media_type = "application/json"


def _out(x) -> FastJSON:
    return FastJSON(x)


router = APIRouter(prefix="/api", tags=["ledger"], default_response_class=FastJSON,
                   dependencies=[Depends(known_params_only)])


@router.get("/stats", summary="Counts of what the ledger holds")
def stats(request: Request):
    return _out(_cached(request, "stats"))


@router.get("/disputes", summary="Contested propositions, most contested first")
def disputes(request: Request, limit: int = Limit(), offset: int = Offset(), outlet: Optional[str] = Text200(),
             since: DateQuery = None, until: DateQuery = None, actor: Optional[str] = Text200()):
    return _out(_cached(request, "disputes", limit=limit, offset=offset, outlet=outlet, since=since, until=until,
                        actor=actor))


@router.get("/propositions", summary="Propositions with their stance counts")
def propositions(request: Request, limit: int = Limit(), offset: int = Offset()):
    return _out(_cached(request, "propositions", limit=limit, offset=offset))


@router.get("/propositions/{pid}", summary="One proposition with every statement about it")
def proposition(request: Request, pid: int):
    return _out(_found(_ledger(request).proposition(pid), "proposition"))


@router.get("/articles", summary="Articles, newest first")
def articles(request: Request, limit: int = Limit(), offset: int = Offset(), outlet: Optional[str] = Text200()):
    return _out(_cached(request, "articles", limit=limit, offset=offset, outlet=outlet))


@router.get("/articles/{article_id:path}", summary="One article with its text and statements")
def article(request: Request, article_id: str):
    if len(article_id) > 500:
        raise HTTPException(404, "no such article")
    return _out(_found(_ledger(request).article(article_id), "article"))


@router.get("/statements", summary="Statements (flat rows), filtered")
def statements(request: Request, limit: int = Limit(), offset: int = Offset(), outlet: Optional[str] = Text200(),
               since: DateQuery = None, until: DateQuery = None, actor: Optional[str] = Text200(),
               article: Optional[str] = Query(None, max_length=500),
               disputed_only: bool = False):
    return _out(_statement_page(_ledger(request), limit=limit, offset=offset, outlet=outlet, since=since,
                                until=until, actor=actor, article=article, disputed_only=disputed_only))


def _statement_page(led, *, limit: int, offset: int, **filters) -> list[dict]:
    """One page of statement rows, paged in SQL (LIMIT/OFFSET), read from this thread's own
    read-only Ledger connection."""
    from ..ledger.tables import table

    try:
        t = table(led.conn, "statements", limit=limit, offset=offset, **filters)
    except ValueError as e:  # a bad date, with the reason
        raise HTTPException(422, str(e))
    return t.rows


@router.get("/actors", summary="Who speaks, most statements first")
def actors(request: Request, limit: int = Limit(100)):
    return _out(_cached(request, "actors", limit=limit))


@router.get("/actors/{actor_id:path}", summary="One actor and their statements over time")
def actor(request: Request, actor_id: str):
    if len(actor_id) > 300:
        raise HTTPException(404, "no such actor")
    return _out(_found(_ledger(request).actor(actor_id), "actor"))


@router.get("/outlets", summary="How each outlet frames what it reports")
def outlets(request: Request):
    return _out(_cached(request, "outlets"))


@router.get("/search", summary="Full-text search over statements")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500), limit: int = Limit()):
    return _out(_ledger(request).search(q, limit=limit))


@router.get("/claims", summary="Propositions matching a claim in words")
def claims(request: Request, about: str = Query(..., min_length=1, max_length=500),
           limit: int = Limit(20)):
    return _out(_ledger(request).claims(about, limit=limit))


@router.post("/analyze", summary="Analyze an article on the fly (stores nothing; needs serve --allow-analyze)",
             responses={403: {"description": "On-the-fly analysis is off on this server"},
                        413: {"description": "Body or text over the size limit"},
                        422: {"description": "Malformed input"},
                        503: {"description": "The analyzer is busy, or the analysis outlasted the time limit"}})
async def analyze(request: Request, body: AnalyzeIn):
    import asyncio
    import functools

    from .. import service

    if not request.app.state.allow_analyze:
        raise HTTPException(403, "on-the-fly analysis is off on this server (start it with --allow-analyze)")
    published = checked_date(body.published)
    if not body.text.strip():
        raise HTTPException(422, "empty text")
    # run_in_executor's future can be given up at the time limit (the thread goes on, holding the
    # analyzer until it ends); the request thread pool's awaitable would wait for the thread instead.
    call = functools.partial(service.analyze_text, body.text, outlet=body.outlet, published=published, title=body.title)
    job = asyncio.get_running_loop().run_in_executor(None, call)
    try:
        a = await asyncio.wait_for(job, service.ANALYZE_SECONDS)
    except asyncio.TimeoutError:  # the analysis finishes in its thread, holding the analyzer meanwhile
        raise HTTPException(503, f"the analysis took longer than {service.ANALYZE_SECONDS:g} s: send a shorter text")
    except service.AnalyzerBusy as e:
        raise HTTPException(503, str(e), headers={"Retry-After": "10"})
    except service.TextTooLarge as e:
        raise HTTPException(413, str(e))
    except ValueError as e:  # the analyzer's reason for not analyzing (empty, binary, too large)
        raise HTTPException(422, str(e))
    return _out(a.to_dict())


@router.post("/ingest", summary="Analyze an article and store it (needs serve --allow-ingest)",
             responses={403: {"description": "Ingest is disabled"},
                        507: {"description": "The ledger refused the write (a full disk)"}})
def ingest(request: Request, body: IngestIn):
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "ingest is disabled on this server (start it with --allow-ingest)")
    from ..model import Article

    art = Article(text=body.text, title=body.title, outlet=body.outlet, published=checked_date(body.published),
                  url=body.url or None, origin="web")
    if not art.title:
        from ..titles import guess_title
        art.title = guess_title(art.text)
    from ..service import ingest

    report = request.app.state.ledgers.write(lambda led: ingest(led, [art]))
    request.app.state.cache.clear()
    if report.stopped:  # the ledger refused the write (a full disk): nothing was stored
        raise HTTPException(507, report.stopped)
    out = report.to_dict()
    out["article_id"] = art.id
    return _out(out)
