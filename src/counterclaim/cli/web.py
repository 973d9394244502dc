"""`counterclaim serve`, and the web tooling `screenshots`, `web-times`, `web-load` (``counterclaim.dev``)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .output import err as _err

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
    app.command("screenshots")(screenshots_cmd)
    app.command("web-times")(web_times_cmd)
    app.command("web-load")(web_load_cmd)


def _app_or_exit(db: Optional[Path], allow_ingest: bool = False, allowed_hosts=None, allow_analyze=None,
                 allow_review: bool = False):
    from ..ledger import LedgerError
    from ..web import create_app
    from ..web.security import LOOPBACK_HOSTS

    try:
        return create_app(db, allow_ingest=allow_ingest, allow_analyze=allow_analyze, allow_review=allow_review,
                          allowed_hosts=allowed_hosts if allowed_hosts is not None else LOOPBACK_HOSTS)
    except (FileNotFoundError, LedgerError) as e:
        _err(str(e))
        raise typer.Exit(2)


def serve_cmd(
    db: Optional[Path] = typer.Option(None, "--db", help="Ledger file (default $COUNTERCLAIM_DB or ./counterclaim.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind. Loopback by default; anything else "
                                                         "exposes the ledger to the network."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    allow_ingest: bool = typer.Option(False, "--allow-ingest", help="Let the paste box and POST /api/ingest store "
                                                                    "articles in the ledger (read-only otherwise)."),
    allow_review: bool = typer.Option(False, "--allow-review",
                                      help="Let claim pages record verdicts (a form posted from the page itself)."),
    allow_analyze: Optional[bool] = typer.Option(None, "--allow-analyze/--no-analyze",
                                                 help="Let the paste box and POST /api/analyze analyze texts on the fly "
                                                      "(default: only with --allow-ingest)."),
    allowed_host: List[str] = typer.Option([], "--allowed-host", help="Extra Host header values to accept "
                                                                      "(the server's public name when not on loopback)."),
    preload: bool = typer.Option(True, "--preload/--no-preload", help="Load the language model at start so that "
                                                                       "the first paste-box analysis is fast."),
) -> None:
    """Serve the web UI and the HTTP API over a ledger (read-only unless --allow-ingest)."""
    from ..web.security import LOOPBACK_HOSTS

    hosts = list(LOOPBACK_HOSTS) + list(allowed_host)
    if host not in LOOPBACK:
        typer.secho(f"counterclaim: warning: binding {host}: the ledger is reachable from the network, "
                    f"without authentication", fg=typer.colors.YELLOW, err=True)
        if not allowed_host:
            hosts = ["*"]
    app = _app_or_exit(db, allow_ingest=allow_ingest, allowed_hosts=hosts, allow_analyze=allow_analyze,
                       allow_review=allow_review)
    if preload and app.state.allow_analyze:
        import threading

        from ..service import preload_model
        threading.Thread(target=preload_model, name="preload-model", daemon=True).start()
    mode = ("read-write (ingest allowed)" if allow_ingest else "read-only") + \
        ("" if app.state.allow_analyze else ", on-the-fly analysis off")
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Counterclaim on http://{shown}:{port}/ over {app.state.db_path} ({mode}); Ctrl-C stops it.", err=True)
    from ..web.server import serve
    serve(app, host=host, port=port)


def screenshots_cmd(
    db: Optional[Path] = typer.Option(None, "--db", help="Ledger file to show."),
    out: Path = typer.Option(Path("docs/img"), "--out", help="Folder for the PNGs."),
    chromium: str = typer.Option("/usr/bin/chromium", "--chromium", help="Chromium executable."),
    width: int = typer.Option(1360, "--width"),
) -> None:
    """Screenshot the dispute board, a proposition, an article and the outlet page with Playwright."""
    from ..dev.screenshots import take_screenshots

    app = _app_or_exit(db)
    if not Path(chromium).exists():
        _err(f"no Chromium at {chromium} (Debian: apt-get install chromium; or pass --chromium)")
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    for name, path in take_screenshots(app, out, chromium=chromium, width=width):
        typer.echo(f"{path}  ({name})")


def web_times_cmd(
    db: Optional[Path] = typer.Option(None, "--db", help="Ledger file."),
    per_page: int = typer.Option(20, "--samples", min=1, max=1000, help="Distinct ids to request per page kind."),
    repeat: int = typer.Option(3, "--repeat", min=1, max=100, help="Requests per URL (the first warms caches)."),
    fmt: str = typer.Option("table", "--format", help="table | json"),
) -> None:
    """Server time of every page kind (median, p95, max over real ids), measured in-process."""
    from ..dev.web_bench import page_times, print_page_times

    app = _app_or_exit(db)
    res = page_times(app, samples=per_page, repeat=repeat)
    if fmt == "json":
        import json
        typer.echo(json.dumps(res, indent=2))
    else:
        print_page_times(res)


def web_load_cmd(
    db: Optional[Path] = typer.Option(None, "--db", help="Ledger file."),
    clients: int = typer.Option(50, "--clients", min=1, max=500),
    duration: float = typer.Option(30.0, "--duration", min=1, max=600, help="Seconds."),
    max_requests: int = typer.Option(200_000, "--max-requests", min=1, help="Stop after this many requests."),
    timeout: float = typer.Option(10.0, "--timeout", help="Per-request timeout, seconds."),
    workers: int = typer.Option(1, "--workers", min=1, max=16, help="uvicorn worker processes."),
    fmt: str = typer.Option("table", "--format", help="table | json"),
    kind: List[str] = typer.Option([], "--kind", help="Only URLs of this kind (repeatable), e.g. 'api statements'."),
) -> None:
    """Bounded load test on loopback: N concurrent clients for T seconds over real page and API URLs."""
    from ..dev.web_bench import print_load, run_load

    _app_or_exit(db)  # fail early, with the reason, on a missing or bad ledger
    try:
        res = run_load(db, clients=clients, duration=duration, max_requests=max_requests, timeout=timeout,
                       workers=workers, kinds=kind or None)
    except ValueError as e:
        _err(str(e))
        raise typer.Exit(2)
    if fmt == "json":
        import json
        typer.echo(json.dumps(res, indent=2))
    else:
        print_load(res)
    if res["errors"]:
        raise typer.Exit(1)
