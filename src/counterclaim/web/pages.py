"""The HTML pages: Jinja2 templates (autoescaped) over the Ledger API and the view models."""
from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Optional

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi import Path as Path_
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined

from .deps import cached
from ..ledger import actor_lookup, reviews
from ..ledger.outlet_report import outlet_report
from .inputs import MAX_TEXT, DateQuery, checked_date, known_params_only
from .labels import country_name, human_date, relation_phrase
from .listing import FORMATS, data_response, sort_rows, sorter, window
from .views import (STANCE_LABEL, analysis_article, article_view, dispute_view, framing_class,
                    outlet_chart_data, proposition_view, truncate)

TEMPLATES = Path(__file__).parent / "templates"
PAGE = 30
BOARD_PAGE = 20  # disputes per board page: each carries up to 9 statement cards
ALL = 1_000_000  # "every dispute": the board pages and counts the whole filtered list


def _urlpath(s: object) -> str:
    """A path segment for an id (``sha1:…``, ``person:john-kirby``); the template escapes it."""
    return urllib.parse.quote(str(s), safe=":@")


def _safe_url(s: object) -> Optional[str]:
    """The URL when it is a plain http(s) link, else None (no ``javascript:`` or ``data:`` hrefs)."""
    u = str(s or "").strip()
    try:
        parts = urllib.parse.urlsplit(u)
    except ValueError:
        return None
    return u if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def make_env(debug: bool = False) -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined if debug else Undefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["urlpath"] = _urlpath
    env.filters["safe_url"] = _safe_url
    env.filters["truncate_text"] = truncate
    env.filters["framing_class"] = framing_class
    env.filters["human_date"] = human_date
    env.filters["country"] = country_name
    env.filters["relation"] = relation_phrase
    env.globals["VERDICTS"] = reviews.VERDICTS
    env.globals["VERDICT_LABEL"] = reviews.VERDICT_LABEL
    env.globals["STANCE_LABEL"] = STANCE_LABEL
    for name in env.list_templates(extensions=["html"]):  # compile now, not on a user's first request
        env.get_template(name)
    return env


def render(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
    env: Environment = request.app.state.env
    ctx.setdefault("title", None)
    ctx["request_path"] = request.url.path
    ctx["allow_ingest"] = request.app.state.allow_ingest
    ctx["allow_review"] = getattr(request.app.state, "allow_review", False)
    html = env.get_template(name).render(**ctx)
    return HTMLResponse(html, status_code=status)


def _ledger(request: Request):
    return request.app.state.ledgers.get()


def _stats(request: Request) -> dict:
    return cached(request.app, "stats")


def _outlet_names(request: Request) -> list[str]:
    return [o.get("outlet") for o in cached(request.app, "outlets") if o.get("outlet")]


def warm(app) -> None:
    """Compute at start what the first visitor would otherwise wait for: the footer counts, the
    outlet names and the unfiltered dispute board (valid until the ledger file changes)."""
    cached(app, "stats")
    cached(app, "outlets")
    cached(app, "disputes", limit=ALL, offset=0, outlet=None, since=None, until=None, actor=None)


router = APIRouter(include_in_schema=False, dependencies=[Depends(known_params_only)])

def TextQ():
    return Query(None, max_length=200)


def FormatQ():
    return Query(None, pattern="^(" + "|".join(FORMATS) + ")?$")


def SortQ():
    return Query(None, max_length=40)


DISPUTE_COLUMNS = ["id", "gist", "verdict", "asserting_sources", "asserting_statements", "denying_sources",
                   "denying_statements", "not_knowing_sources", "not_knowing_statements", "n_articles", "outlets",
                   "latest", "when", "score"]


def _dispute_row(d: dict, verdict: Optional[dict]) -> dict:
    c = d["counts"]
    return {"id": d["proposition"]["id"], "gist": d["proposition"].get("gist"),
            "verdict": verdict["verdict"] if verdict else None,
            "asserting_sources": c["asserts"]["sources"], "asserting_statements": c["asserts"]["statements"],
            "denying_sources": c["denies"]["sources"], "denying_statements": c["denies"]["statements"],
            "not_knowing_sources": c["no_knowledge"]["sources"],
            "not_knowing_statements": c["no_knowledge"]["statements"],
            "n_articles": d.get("n_articles"), "outlets": "; ".join(d.get("outlets") or []),
            "latest": d.get("latest"), "when": d["proposition"].get("when"), "score": d.get("score")}


def VerdictQ():
    return Query(None, pattern="^(" + "|".join(reviews.VERDICTS) + ")?$")


@router.get("/", response_class=HTMLResponse)
def dispute_board(request: Request, offset: int = Query(0, ge=0, le=1_000_000), outlet: Optional[str] = TextQ(),
                  actor: Optional[str] = TextQ(), since: DateQuery = None, until: DateQuery = None,
                  verdict: Optional[str] = VerdictQ(), format: Optional[str] = FormatQ()):
    outlet = outlet or None
    actor = actor or None
    verdict = verdict or None
    since, until = since or None, until or None
    conn = _ledger(request).conn
    choices = []
    if actor:
        cands = actor_lookup.candidates(conn, actor)
        one = actor_lookup.the_one(cands)
        if one is None:
            choices = cands
        else:
            actor = one["id"]
    items = [] if choices else cached(request.app, "disputes", limit=ALL, offset=0, outlet=outlet, since=since,
                                      until=until, actor=actor)
    if verdict:
        keep = reviews.with_verdict(conn, verdict)
        items = [d for d in items if d["proposition"]["id"] in keep]
    filters = {k: v for k, v in (("outlet", outlet), ("actor", actor), ("since", since), ("until", until),
                                 ("verdict", verdict)) if v}
    if format:
        verdicts = reviews.current(conn, [d["proposition"]["id"] for d in items])
        if format == "json":
            return data_response([{**d, "verdict": verdicts.get(d["proposition"]["id"])} for d in items], format,
                                 DISPUTE_COLUMNS, "disputes")
        return data_response([_dispute_row(d, verdicts.get(d["proposition"]["id"])) for d in items], format,
                             DISPUTE_COLUMNS, "disputes")
    total = len(items)
    shown = items[offset: offset + BOARD_PAGE]
    verdicts = reviews.current(conn, [d["proposition"]["id"] for d in shown])
    outlets = _outlet_names(request)
    return render(request, "disputes.html", title="Dispute board", choices=choices,
                  disputes=[dispute_view(d, verdict=verdicts.get(d["proposition"]["id"])) for d in shown],
                  offset=offset, more=offset + BOARD_PAGE < total, total=total,
                  page=BOARD_PAGE, outlets=outlets, filters=filters, stats=_stats(request))


PROPOSITION_SORTS = sorter(numeric=("n_statements", "asserts", "denies", "no_knowledge", "n_articles"),
                           text=("gist", "when"))
PROPOSITION_COLUMNS = ["id", "gist", "agent", "relation", "recipient", "when", "asserts", "denies", "no_knowledge",
                       "n_statements", "n_articles"]


@router.get("/propositions", response_class=HTMLResponse)
def propositions_page(request: Request, offset: int = Query(0, ge=0, le=1_000_000), sort: Optional[str] = SortQ(),
                      format: Optional[str] = FormatQ()):
    items = cached(request.app, "propositions", limit=ALL, offset=0)
    items, sort = sort_rows(items, sort, PROPOSITION_SORTS, "n_statements")
    params = {"sort": sort} if sort != "n_statements" else {}
    if format:
        return data_response(items, format, PROPOSITION_COLUMNS, "propositions")
    w = window(offset, PAGE, len(items))
    disputed = {d["proposition"]["id"] for d in cached(request.app, "disputes", limit=ALL, offset=0, outlet=None,
                                                       since=None, until=None, actor=None)}
    return render(request, "propositions.html", title="Propositions", propositions=items[offset: offset + PAGE],
                  sort=sort, params=params, disputed=disputed, stats=_stats(request), **w)


@router.get("/propositions/{pid}", response_class=HTMLResponse)
def proposition_page(request: Request, pid: int = Path_(..., ge=0, le=2**62)):
    led = _ledger(request)
    p = led.proposition(pid)
    if p is None:
        raise HTTPException(404, "no such proposition")
    v = proposition_view(p, reviews.history(led.conn, pid))
    return render(request, "proposition.html", title=v["proposition"].get("gist"), p=v, stats=_stats(request),
                  review_error=None, form={})


def _same_origin_form(request: Request) -> bool:
    """A form post from this server's own pages: its Origin, or failing that its Referer, names
    this host (the app's SameOrigin middleware already refuses a foreign Origin; a review also
    needs one of the two present)."""
    host = request.headers.get("host", "")
    for h in ("origin", "referer"):
        value = request.headers.get(h)
        if value:
            try:
                return urllib.parse.urlsplit(value).netloc == host and value != "null"
            except ValueError:
                return False
    return False


@router.post("/propositions/{pid}/review", response_class=HTMLResponse)
def review_post(request: Request, pid: int = Path_(..., ge=0, le=2**62),
                verdict: str = Form("", max_length=20), note: str = Form("", max_length=reviews.MAX_NOTE),
                reviewer: str = Form("", max_length=reviews.MAX_REVIEWER)):
    if not getattr(request.app.state, "allow_review", False):
        raise HTTPException(403, "reviews are disabled on this server (start it with --allow-review)")
    if not _same_origin_form(request):
        raise HTTPException(403, "a review must be posted from this server's own claim page")
    try:
        request.app.state.ledgers.write(
            lambda led: _write_review(led, pid, verdict, note, reviewer))
    except reviews.ReviewError as e:
        led = _ledger(request)
        p = led.proposition(pid)
        if p is None:
            raise HTTPException(404, "no such proposition")
        v = proposition_view(p, reviews.history(led.conn, pid))
        return render(request, "proposition.html", status=422, title=v["proposition"].get("gist"), p=v,
                      stats=_stats(request), review_error=str(e),
                      form={"verdict": verdict, "note": note, "reviewer": reviewer})
    request.app.state.cache.clear()
    return RedirectResponse(f"/propositions/{pid}#verdict", status_code=303)


def _write_review(led, pid: int, verdict: str, note: str, reviewer: str) -> dict:
    with led.writer():
        return reviews.add(led.conn, pid, verdict, note=note, reviewer=reviewer)


ARTICLE_COLUMNS = ["id", "title", "outlet", "published", "url", "n_statements"]


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, offset: int = Query(0, ge=0, le=1_000_000), outlet: Optional[str] = TextQ(),
                  format: Optional[str] = FormatQ()):
    outlet = outlet or None
    params = {"outlet": outlet} if outlet else {}
    if format:
        rows = cached(request.app, "articles", limit=ALL, offset=0, outlet=outlet)
        return data_response(rows, format, ARTICLE_COLUMNS, "articles")
    items = cached(request.app, "articles", limit=PAGE, offset=offset, outlet=outlet)
    if outlet:
        total = sum(o.get("articles") or 0 for o in cached(request.app, "outlets")
                    if (o.get("outlet") or "").casefold() == outlet.casefold())
    else:
        total = _stats(request)["articles"]
    outlets = _outlet_names(request)
    return render(request, "articles.html", title="Articles", articles=items, outlet=outlet, outlets=outlets,
                  params=params, stats=_stats(request), **window(offset, PAGE, max(total, offset + len(items))))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    art = _ledger(request).article(article_id) if len(article_id) <= 500 else None
    if art is None:
        raise HTTPException(404, "no such article")
    v = article_view(art)
    return render(request, "article.html", title=v.get("title") or v.get("id"), art=v, live=False,
                  stats=_stats(request))


ACTOR_SORTS = sorter(numeric=("statements", "articles", "asserts", "denies", "no_knowledge"),
                     text=("name", "type", "country_name", "role"))
ACTOR_COLUMNS = ["id", "name", "type", "country", "country_name", "role", "org", "party", "statements", "articles",
                 "asserts", "denies", "no_knowledge"]


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, offset: int = Query(0, ge=0, le=1_000_000), sort: Optional[str] = SortQ(),
                format: Optional[str] = FormatQ()):
    items = [{**a, "country_name": country_name(a.get("country"))} for a in cached(request.app, "actors", limit=ALL)]
    items, sort = sort_rows(items, sort, ACTOR_SORTS, "statements")
    params = {"sort": sort} if sort != "statements" else {}
    if format:
        return data_response(items, format, ACTOR_COLUMNS, "actors")
    return render(request, "actors.html", title="Actors", actors=items[offset: offset + PAGE], sort=sort,
                  params=params, stats=_stats(request), **window(offset, PAGE, len(items)))


ACTOR_PAGE = 100


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, offset: int = Query(0, ge=0, le=1_000_000)):
    if len(actor_id) > 300:
        raise HTTPException(404, "no such actor")
    led = _ledger(request)
    cands = actor_lookup.candidates(led.conn, actor_id)
    one = actor_lookup.the_one(cands)
    if one is None:
        if not cands:
            raise HTTPException(404, "no such actor")
        return render(request, "actor_choice.html", title=f"Which actor: {actor_id}?", q=actor_id, candidates=cands,
                      stats=_stats(request))
    canonical, ids = actor_lookup.same_person(led.conn, one["id"])
    if canonical != actor_id:
        return RedirectResponse("/actors/" + _urlpath(canonical), status_code=307)
    a = led.actor(canonical)
    if a is None:
        raise HTTPException(404, "no such actor")
    merged = [m for m in (led.actor(i) for i in ids[1:]) if m]
    for m in merged:
        a["statements"] = (a.get("statements") or []) + (m.get("statements") or [])
        for k, n in (m.get("counts") or {}).items():
            a.setdefault("counts", {})[k] = a["counts"].get(k, 0) + n
    sts = sorted(a.get("statements") or [], key=lambda r: r.get("date") or "", reverse=True)
    quoted: dict[str, list] = {}
    for i in ids:
        for text, n in actor_lookup.quoted_as(led.conn, i):
            quoted.setdefault(text.casefold(), [text, 0])[1] += n
    return render(request, "actor.html", title=(a.get("actor") or {}).get("name"), a=a,
                  merged=[m["actor"] for m in merged], quoted_as=sorted(quoted.values(), key=lambda q: -q[1])[:20],
                  aliases=actor_lookup.aliases_of(canonical),
                  statements=sts[offset: offset + ACTOR_PAGE], n_statements=len(sts), offset=offset,
                  page=ACTOR_PAGE, more=offset + ACTOR_PAGE < len(sts), stats=_stats(request))


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request):
    outs = cached(request.app, "outlets")
    return render(request, "outlets.html", title="Outlet framing", outlets=outs, chart=outlet_chart_data(outs),
                  stats=_stats(request))


SEARCH_MAX = 1000  # statements a search lists at most (ranked best first)
SEARCH_COLUMNS = ["statement_id", "rank", "actor", "source_text", "cue", "text", "outlet", "date", "article_id",
                  "article_title", "url"]


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet_page(request: Request, name: str, offset: int = Query(0, ge=0, le=1_000_000)):
    led = _ledger(request)
    o = outlet_report(led.conn, name) if len(name) <= 200 else None
    if o is None:
        raise HTTPException(404, "no such outlet")
    items = cached(request.app, "disputes", limit=ALL, offset=0, outlet=o["outlet"], since=None, until=None,
                   actor=None)
    shown = items[offset: offset + BOARD_PAGE]
    verdicts = reviews.current(led.conn, [d["proposition"]["id"] for d in shown])
    chart = {"labels": [human_date(m["month"]) if m["month"] else "undated" for m in o["months"]],
             "framing": {k: [m[k] for m in o["months"]] for k in ("neutral", "distancing", "endorsing")}}
    return render(request, "outlet.html", title=o["outlet"], o=o, chart=chart,
                  disputes=[dispute_view(d, verdict=verdicts.get(d["proposition"]["id"])) for d in shown],
                  stats=_stats(request), **window(offset, BOARD_PAGE, len(items)))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=500), offset: int = Query(0, ge=0, le=1_000_000),
                format: Optional[str] = FormatQ()):
    q = q.strip()
    results, claims = [], []
    if q:
        led = _ledger(request)
        results = led.search(q, limit=SEARCH_MAX)
        if format:
            return data_response(results, format, SEARCH_COLUMNS, "search")
        claims = led.claims(q, limit=10)
    return render(request, "search.html", title=f"Search: {q}" if q else "Search", q=q,
                  results=results[offset: offset + PAGE], capped=len(results) >= SEARCH_MAX, claims=claims,
                  params={"q": q}, stats=_stats(request), **window(offset, PAGE, len(results)))


ANALYZE_OFF = "On-the-fly analysis is off on this server (start it with --allow-analyze)."


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request):
    error = None if request.app.state.allow_analyze else ANALYZE_OFF
    return render(request, "analyze.html", title="Analyze an article", form={}, error=error, stats=_stats(request))


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_post(request: Request, text: str = Form("", max_length=MAX_TEXT),
                       outlet: str = Form("", max_length=200), published: str = Form("", max_length=40),
                       title: str = Form("", max_length=1000), store: str = Form("", max_length=10)):
    """The paste box. Its work runs on the event loop's executor, never on the request thread pool
    (whose few threads the read pages share: ``app.REQUEST_THREADS``), under the analyzer's limits."""
    import asyncio
    import functools

    from .. import service

    call = functools.partial(_analyze_post, request, text, outlet, published, title, store)
    try:
        return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(None, call), service.ANALYZE_SECONDS)
    except asyncio.TimeoutError:
        form = {"text": text, "outlet": outlet, "published": published, "title": title}
        return render(request, "analyze.html", status=503, title="Analyze an article", form=form, stats=None,
                      error=f"The analysis took longer than {service.ANALYZE_SECONDS:g} s: paste a shorter text.")


def _analyze_post(request: Request, text: str, outlet: str, published: str, title: str, store: str):
    from ..service import AnalyzerBusy, analyze_text

    form = {"text": text, "outlet": outlet, "published": published, "title": title}
    if not request.app.state.allow_analyze:
        return render(request, "analyze.html", status=403, title="Analyze an article", form=form,
                      error=ANALYZE_OFF, stats=_stats(request))
    if not text.strip():
        return render(request, "analyze.html", status=422, title="Analyze an article", form=form,
                      error="Paste the text of an article first.", stats=_stats(request))
    try:
        pub = checked_date(published.strip() or None)
        a = analyze_text(text, outlet=outlet.strip() or None, published=pub, title=title.strip() or None)
    except HTTPException as e:
        return render(request, "analyze.html", status=422, title="Analyze an article", form=form,
                      error=str(e.detail), stats=_stats(request))
    except AnalyzerBusy as e:
        return render(request, "analyze.html", status=503, title="Analyze an article", form=form,
                      error=str(e), stats=_stats(request))
    except ValueError as e:
        return render(request, "analyze.html", status=422, title="Analyze an article", form=form,
                      error=str(e), stats=_stats(request))
    stored = None
    if store and request.app.state.allow_ingest:
        import sqlite3

        from ..ledger import LedgerError

        try:
            result = request.app.state.ledgers.write(lambda led: led.add_analysis(a))
        except LedgerError as e:
            return render(request, "analyze.html", status=409, title="Analyze an article", form=form,
                          error=f"Not stored: {e}", stats=_stats(request))
        except sqlite3.OperationalError as e:  # a full disk: the ledger is unchanged
            return render(request, "analyze.html", status=507, title="Analyze an article", form=form,
                          error=f"Not stored: the ledger refused the write ({e})", stats=_stats(request))
        stored = {"result": result, "id": a.article.id}
        request.app.state.cache.clear()
    v = article_view(analysis_article(a))
    return render(request, "article.html", title=v.get("title") or "Analysis", art=v, live=True, form=form,
                  stored=stored, stats=_stats(request))
