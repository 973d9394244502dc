"""Web measurements: server time per page kind (in-process) and a bounded loopback load test.

Both request real URLs drawn from the ledger itself (its disputes, propositions, articles, actors,
and words of its propositions for search), never a fixed list.
"""
from __future__ import annotations

import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Optional


def _q(s: str) -> str:
    return urllib.parse.quote(str(s), safe=":@")


def sample_urls(ledger, samples: int = 20, seed: int = 7) -> dict[str, list[str]]:
    """Page and API URLs by kind, with up to ``samples`` real ids each."""
    rnd = random.Random(seed)
    props = ledger.propositions(limit=500)
    disputes = ledger.disputes(limit=samples)
    arts = ledger.articles(limit=2000)
    actors = ledger.actors(limit=500)

    def pick(xs: list, n: int) -> list:
        xs = list(xs)
        return xs if len(xs) <= n else rnd.sample(xs, n)

    pids = [d["proposition"]["id"] for d in disputes]
    pids += [(p.get("proposition") or p).get("id") for p in pick(props, samples)]
    pids = list(dict.fromkeys(x for x in pids if x is not None))[: samples]
    # the largest articles are the slowest to render: always include some
    by_size = sorted(arts, key=lambda a: -(a.get("n_statements") or 0))
    aids = list(dict.fromkeys([a["id"] for a in by_size[: max(1, samples // 4)]] +
                              [a["id"] for a in pick(arts, samples)]))[: samples]
    acts = [a["id"] for a in actors[: max(1, samples // 2)]] + [a["id"] for a in pick(actors, samples)]
    acts = list(dict.fromkeys(acts))[: samples]
    words: list[str] = []
    for p in props[:200]:
        gist = (p.get("proposition") or p).get("gist") or ""
        words.extend(w for w in gist.split() if len(w) > 4 and w.isalpha())
    words = list(dict.fromkeys(words))
    terms = pick(words, samples) or ["said"]
    outlets = [o["outlet"] for o in ledger.outlets() if o.get("outlet")]
    from ..web.pages import BOARD_PAGE

    n_disp_pages = max(1, min(3, (ledger.stats().get("disputes") or 0) // BOARD_PAGE + 1))
    return {
        "dispute board": ["/"] + [f"/?offset={BOARD_PAGE * k}" for k in range(1, n_disp_pages)]
                         + [f"/?outlet={urllib.parse.quote(o)}" for o in outlets[:3]],
        "proposition": [f"/propositions/{i}" for i in pids],
        "propositions list": ["/propositions", "/propositions?offset=30"],
        "article": [f"/articles/{_q(i)}" for i in aids],
        "articles list": ["/articles"] + [f"/articles?outlet={urllib.parse.quote(o)}" for o in outlets[:3]],
        "actor": [f"/actors/{_q(i)}" for i in acts],
        "actors list": ["/actors"],
        "outlets": ["/outlets"],
        "search": [f"/search?q={urllib.parse.quote(t)}" for t in terms],
        "analyze form": ["/analyze"],
        "api disputes": ["/api/disputes", "/api/disputes?limit=200"],
        "api proposition": [f"/api/propositions/{i}" for i in pids],
        "api article": [f"/api/articles/{_q(i)}" for i in aids],
        "api statements": ["/api/statements?limit=200"] + statement_pages(ledger, samples, rnd),
        "api search": [f"/api/search?q={urllib.parse.quote(t)}" for t in terms],
        "api outlets": ["/api/outlets"],
    }


def statement_pages(ledger, samples: int, rnd: random.Random) -> list[str]:
    """/api/statements pages at offsets across the whole ledger (and past its end), some filtered:
    what a client paging through every statement asks for."""
    n = ledger.stats().get("statements") or 0
    outlets = [o["outlet"] for o in ledger.outlets() if o.get("outlet")][:3]
    out = []
    for _ in range(samples):
        offset = rnd.choice([0, rnd.randrange(max(n, 1)), max(n - 50, 0), n + 1000, 1_000_000])
        limit = rnd.choice([50, 200, 500])
        extra = rnd.choice(["", "&disputed_only=true", "&since=2016-01-01"] +
                           [f"&outlet={urllib.parse.quote(o)}" for o in outlets])
        out.append(f"/api/statements?limit={limit}&offset={offset}{extra}")
    return out


def _pct(xs: list[float], p: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(round(p / 100.0 * len(xs) + 0.5)) - 1))
    return xs[k]


def _server_ms(resp) -> Optional[float]:
    return _server_ms_header(resp.headers.get("server-timing", ""))


def _server_ms_header(st: str) -> Optional[float]:
    for part in st.split(","):
        part = part.strip()
        if part.startswith("app;dur="):
            try:
                return float(part.split("=", 1)[1])
            except ValueError:
                return None
    return None


def page_times(app, samples: int = 20, repeat: int = 3) -> dict:
    """Request every sampled URL ``repeat`` times in-process; server time from Server-Timing."""
    from fastapi.testclient import TestClient

    led = app.state.ledgers.get()
    urls = sample_urls(led, samples=samples)
    out: dict = {"ledger": str(app.state.db_path), "stats": led.stats(), "kinds": {}}
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for kind, us in urls.items():
            cold, warm, bad = [], [], []
            for u in us:
                for r in range(repeat):
                    resp = client.get(u)
                    if resp.status_code != 200:
                        bad.append(f"{u} -> {resp.status_code}")
                        break
                    ms = _server_ms(resp) or 0.0
                    (cold if r == 0 else warm).append(ms)
            allv = cold + warm
            out["kinds"][kind] = {
                "urls": len(us), "requests": len(allv), "errors": bad[:5], "n_errors": len(bad),
                "cold_max_ms": round(max(cold), 1) if cold else None,
                "median_ms": round(statistics.median(allv), 1) if allv else None,
                "p95_ms": round(_pct(allv, 95), 1) if allv else None,
                "max_ms": round(max(allv), 1) if allv else None,
            }
    out["max_ms"] = max((k["max_ms"] or 0) for k in out["kinds"].values()) if out["kinds"] else None
    return out


def print_page_times(res: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    s = res["stats"]
    t = Table(title=f"Server time per page · {res['ledger']} · {s.get('articles')} articles, "
                    f"{s.get('statements')} statements, {s.get('propositions')} propositions, "
                    f"{s.get('disputes')} disputes")
    for c in ("page", "urls", "requests", "median ms", "p95 ms", "max ms", "cold max ms", "errors"):
        t.add_column(c, justify="left" if c == "page" else "right")
    for kind, k in res["kinds"].items():
        t.add_row(kind, str(k["urls"]), str(k["requests"]), f"{k['median_ms']}", f"{k['p95_ms']}",
                  f"{k['max_ms']}", f"{k['cold_max_ms']}", str(k["n_errors"]))
    c = Console(width=max(Console().width, 110))
    c.print(t)
    c.print(f"slowest request overall: {res['max_ms']} ms")


# ------------------------------------------------------------------ load test

def start_server(db: Optional[Path], port: int, workers: int = 1) -> subprocess.Popen:
    """uvicorn in a child process on 127.0.0.1:port over the ledger ``db``."""
    from ..ledger.store import resolve_path

    env = dict(os.environ, COUNTERCLAIM_DB=str(resolve_path(db).resolve()))
    cmd = [sys.executable, "-m", "counterclaim.web.server", str(port), str(workers)]
    # stderr to a file, not a pipe: a pipe nobody reads fills up (uvicorn warns once per bad request)
    # and would stop the server mid-test
    with tempfile.TemporaryFile() as log:  # the child keeps its own descriptor of it
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError("the server did not start: " + log.read().decode(errors="replace")[-2000:])
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return proc
            except OSError:
                time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


class _Conn:
    """A minimal HTTP/1.1 keep-alive GET client on asyncio streams. The load generator shares the
    machine with the server: httpx costs several ms of CPU per request, this a fraction of one, so
    the figures measure the server rather than the client."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.reader = self.writer = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, dict]:
        return await asyncio.wait_for(self._get(path), self.timeout)

    async def _get(self, path: str) -> tuple[int, dict]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                          f"Accept: */*\r\n\r\n".encode("latin-1"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, headers


async def _load(host: str, port: int, urls: list[tuple[str, str]], clients: int, duration: float,
                max_requests: int, timeout: float) -> dict:
    lat: dict[str, list[float]] = {}
    server: list[float] = []
    errors: list[str] = []
    counter = {"n": 0}
    t_end = time.monotonic() + duration

    async def one_client(i: int) -> None:
        conn = _Conn(host, port, timeout)
        k = i
        try:
            while time.monotonic() < t_end and counter["n"] < max_requests:
                counter["n"] += 1
                kind, u = urls[k % len(urls)]
                k += clients
                t0 = time.perf_counter()
                try:
                    status, headers = await conn.get(u)
                    ok, why = status == 200, f"{u}: HTTP {status}"
                    ms = _server_ms_header(headers.get("server-timing", ""))
                    if ms is not None:
                        server.append(ms)
                except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as e:
                    ok, why = False, f"{u}: {type(e).__name__}: {e}"
                    await conn.close()
                lat.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
                if not ok:
                    errors.append(why)
        finally:
            await conn.close()

    t0 = time.monotonic()
    await asyncio.gather(*(one_client(i) for i in range(clients)))
    return {"lat": lat, "errors": errors, "elapsed": time.monotonic() - t0, "server": server}


def run_load(db: Optional[Path], clients: int = 50, duration: float = 30.0, max_requests: int = 200_000,
             timeout: float = 10.0, workers: int = 1, samples: int = 20, kinds: Optional[list[str]] = None) -> dict:
    """``kinds``: only these kinds of URL (``sample_urls``' keys, e.g. ``api statements``)."""
    from ..ledger import Ledger

    with Ledger(db, readonly=True) as led:
        by_kind = sample_urls(led, samples=samples)
        stats = led.stats()
    unknown = sorted(set(kinds or ()) - set(by_kind))
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}: use {', '.join(sorted(by_kind))}")
    urls = [(k, u) for k, us in by_kind.items() if k != "analyze form" and (not kinds or k in kinds) for u in us]
    random.Random(11).shuffle(urls)
    from ..web.server import free_port

    port = free_port()
    proc = start_server(db, port, workers=workers)
    try:
        raw = asyncio.run(_load("127.0.0.1", port, urls, clients, duration, max_requests, timeout))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    every = [x for v in raw["lat"].values() for x in v]
    n = len(every)
    return {
        "clients": clients, "duration_s": duration, "elapsed_s": round(raw["elapsed"], 1), "workers": workers,
        "max_requests": max_requests, "requests": n, "errors": len(raw["errors"]),
        "error_samples": raw["errors"][:10], "rps": round(n / raw["elapsed"], 1) if raw["elapsed"] else 0,
        "p50_ms": round(_pct(every, 50), 1), "p90_ms": round(_pct(every, 90), 1),
        "p99_ms": round(_pct(every, 99), 1), "max_ms": round(max(every), 1) if every else 0,
        "server_p50_ms": round(_pct(raw["server"], 50), 1), "server_p99_ms": round(_pct(raw["server"], 99), 1),
        "urls": len(urls), "kinds": sorted({k for k, _ in urls}), "stats": stats, "load_average": _loadavg(),
        "by_kind": {k: {"requests": len(v), "p50_ms": round(_pct(v, 50), 1), "p99_ms": round(_pct(v, 99), 1)}
                    for k, v in sorted(raw["lat"].items())},
    }


def _loadavg() -> Optional[list[float]]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def print_load(res: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    c = Console(width=max(Console().width, 110))
    c.print(f"[bold]load test[/]: {res['clients']} concurrent clients for {res['duration_s']} s "
            f"(cap {res['max_requests']:,} requests) over {res['urls']} real URLs, "
            f"{res['workers']} uvicorn worker(s), ledger of {res['stats'].get('articles')} articles")
    c.print(f"requests {res['requests']:,} in {res['elapsed_s']} s = {res['rps']} req/s · errors {res['errors']} · "
            f"p50 {res['p50_ms']} ms · p90 {res['p90_ms']} ms · p99 {res['p99_ms']} ms · max {res['max_ms']} ms")
    c.print(f"server's own time (Server-Timing): p50 {res['server_p50_ms']} ms · p99 {res['server_p99_ms']} ms "
            f"(the rest of the client latency is queueing); machine load average after the run: {res['load_average']}")
    t = Table()
    for col in ("kind", "requests", "p50 ms", "p99 ms"):
        t.add_column(col, justify="left" if col == "kind" else "right")
    for k, v in res["by_kind"].items():
        t.add_row(k, f"{v['requests']:,}", f"{v['p50_ms']}", f"{v['p99_ms']}")
    c.print(t)
    for e in res["error_samples"]:
        c.print(f"[red]error[/] {e}")
