"""The FastAPI application factory: ``create_app(db_path, allow_ingest=False)``.

Read-only over the ledger unless ``allow_ingest`` is set. Static assets are served by Starlette's
``StaticFiles`` only (which refuses any path leaving its folder); ids from URLs are looked up in
the ledger, never joined into file paths. Interactive docs (Swagger UI, ReDoc) are off because
they load scripts from a CDN and inline; the OpenAPI document is at ``/openapi.json``.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Iterable, Optional, Union
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .deps import AggregateCache, LedgerPool
from .security import LOOPBACK_HOSTS, BodyLimit, HostCheck, SecurityHeaders, add_security_headers

STATIC = Path(__file__).parent / "static"
MAX_BODY = 1_000_000  # bytes, for POST /api/analyze and the paste box
# Threads serving requests at once (anyio's default is 40). The pages and the API are CPU work
# under one GIL: more threads than that only take turns at random, while fewer make requests wait
# in arrival order, which shortens the slowest waits under many clients (docs/web.md). On-the-fly
# analysis runs on the event loop's executor instead, so it never holds one of these.
REQUEST_THREADS = 8


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def _clean_errors(errors) -> list[dict]:
    """Validation errors without echoing the (possibly huge or hostile) input back."""
    out = []
    for e in errors:
        out.append({"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))})
    return out


class SameOrigin:
    """Refuses cross-site POSTs (a page elsewhere submitting a form to this local server): when
    an Origin header is present it must name this server's own host."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            headers = dict(scope.get("headers", []))
            origin = headers.get(b"origin")
            host = headers.get(b"host", b"").decode("latin-1")
            if origin is not None:
                o = origin.decode("latin-1")
                if o == "null" or urlsplit(o).netloc != host:
                    resp = JSONResponse({"error": "cross-origin request refused", "status": 403}, status_code=403)
                    await resp(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def create_app(db_path: Union[str, Path, None] = None, *, allow_ingest: bool = False, allow_review: bool = False,
               allowed_hosts: Optional[Iterable[str]] = LOOPBACK_HOSTS, max_body: int = MAX_BODY,
               allow_analyze: Optional[bool] = None) -> FastAPI:
    """The web app over the ledger at ``db_path`` (``$COUNTERCLAIM_DB`` or ./counterclaim.db when None).

    ``allow_analyze``: on-the-fly analysis (POST /api/analyze, the paste box), which costs the
    server seconds of CPU per request; None (the default) allows it exactly when ``allow_ingest``.

    ``allowed_hosts`` is the Host-header allow-list (default: loopback names only, which also stops
    DNS-rebinding attacks on a local server); pass ``None`` or ``["*"]`` to accept any.
    ``allow_review`` lets the claim pages store verdicts (a form posted from the page itself).
    """
    from ..ledger.store import resolve_path

    path = resolve_path(db_path)
    if allow_ingest or allow_review:
        from ..ledger import Ledger
        Ledger(path).close()  # create and migrate it when missing
    elif not path.exists():
        raise FileNotFoundError(f"no ledger at {path} (build one with `counterclaim ingest`, or pass --db)")
    # Open once now so that a file that is not a ledger fails here, with the Ledger's own reason.
    from ..ledger import Ledger
    Ledger(path, readonly=True).close()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield
        app.state.ledgers.close()
        app.state.cache.close()

    app = FastAPI(title="Counterclaim", lifespan=lifespan, version=__version__,
                  description="Who claims what, who denies it, and how each outlet reports it: "
                              "the ledger's HTTP API (read-only unless the server runs with --allow-ingest).",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    from .pages import make_env

    app.state.db_path = path
    app.state.allow_ingest = allow_ingest
    app.state.allow_analyze = allow_ingest if allow_analyze is None else bool(allow_analyze)
    app.state.allow_review = allow_review
    app.state.ledgers = LedgerPool(path)
    app.state.env = make_env()
    app.state.cache = AggregateCache(path)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _is_api(request) or request.url.path.startswith("/static/"):
            return JSONResponse({"error": str(exc.detail), "status": exc.status_code}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return _html_error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = _clean_errors(exc.errors())
        if _is_api(request):
            msg = "malformed request"
            if errors:
                msg = f"malformed request: {errors[0]['msg']} ({'.'.join(errors[0]['loc'])})"
            return JSONResponse({"error": msg, "status": 422, "details": errors}, status_code=422)
        if any(e["loc"][:1] == ["path"] for e in errors):
            return _html_error(request, 404, "Not found")
        return _html_error(request, 400, "Bad request: " + "; ".join(e["msg"] for e in errors))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):  # a bug: say so plainly, never leak a traceback
        if _is_api(request):
            return add_security_headers(JSONResponse({"error": "internal error", "status": 500}, status_code=500))
        return add_security_headers(_html_error(request, 500, "Internal error"))

    # Warm what every page needs (footer counts, outlet names) now rather than on the first visit.
    try:
        from .pages import warm

        warm(app)
    except Exception:  # a ledger that cannot answer yet is still served; the pages will say why
        app.state.cache.clear()

    from .api import router as api_router
    from .pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(STATIC), follow_symlink=False), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    # Outermost last: security headers wrap everything, including the 413/400/403 refusals.
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SameOrigin)
    hosts = list(allowed_hosts) if allowed_hosts else ["*"]
    app.add_middleware(HostCheck, allowed=hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _html_error(request: Request, status: int, message: str):
    from .pages import render

    try:
        return render(request, "error.html", status=status, title=f"{status}", code=status, message=message,
                      stats=None)
    except Exception:
        return Response(f"{status} {message}", status_code=status, media_type="text/plain")


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory counterclaim.web.app:app_from_env`` (several worker processes):
    the ledger is ``$COUNTERCLAIM_DB``, read-only, loopback host names only."""
    return create_app(None)
