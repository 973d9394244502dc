"""HTTP hardening as plain ASGI middleware: security headers, request body limit, server timing.

- Every response carries a strict Content-Security-Policy (no inline script, no plugins, no
  framing, no <base>), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: same-origin``
  (nothing sent to other sites; ``no-referrer`` would make browsers send ``Origin: null`` on the
  app's own form posts, which the same-origin check in app.py must refuse).
- Request bodies over ``max_body`` bytes get ``413`` with a JSON error before the app sees them
  (declared Content-Length checked up front; chunked bodies counted as they arrive).
- ``Server-Timing: app;dur=…`` reports the server's own time per request (what the page-time
  benchmark reads).
"""
from __future__ import annotations

import json
import time
from typing import Iterable

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]

def add_security_headers(response):
    """``response`` with the security headers set: for the 500 answers Starlette makes outside the
    middleware stack (its ServerErrorMiddleware wraps SecurityHeaders)."""
    for k, v in SECURITY_HEADERS:
        response.headers[k.decode("latin-1")] = v.decode("latin-1")
    return response


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class SecurityHeaders:
    """Adds the security headers and a Server-Timing header to every HTTP response."""

    def __init__(self, app, headers: Iterable[tuple[bytes, bytes]] = SECURITY_HEADERS) -> None:
        self.app = app
        self.headers = list(headers)
        self._names = {k for k, _ in self.headers}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()

        async def send_wrapped(message) -> None:
            if message["type"] == "http.response.start":
                hs = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self._names]
                hs.extend(self.headers)
                hs.append((b"server-timing", f"app;dur={(time.perf_counter() - t0) * 1000:.1f}".encode()))
                message = {**message, "headers": hs}
            await send(message)

        await self.app(scope, receive, send_wrapped)


async def _json_error(send, status: int, msg: str) -> None:
    body = json.dumps({"error": msg, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuses request bodies over ``max_body`` bytes with 413 and a JSON error."""

    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.max_body
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    n = int(v)
                except ValueError:
                    await _json_error(send, 400, "malformed Content-Length header")
                    return
                if n > limit:
                    await _json_error(send, 413, f"request body too large ({n:,} bytes; limit {limit:,})")
                    return
        # Count what actually arrives (chunked bodies, lying Content-Length): buffer up to the limit.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await _json_error(send, 413, f"request body too large (over {limit:,} bytes)")
                return
            chunks.append(body)
            more = message.get("more_body", False)
        data = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class HostCheck:
    """Refuses requests whose Host header is not in ``allowed`` (``*`` accepts any) with 400: a
    server on loopback then answers only to loopback names, which defeats DNS rebinding. Unlike a
    plain split on ':' it understands bracketed IPv6 hosts ([::1]:8000)."""

    def __init__(self, app, allowed: Iterable[str]) -> None:
        from urllib.parse import urlsplit

        self.app = app
        self._split = urlsplit
        self.any = "*" in allowed
        self.allowed = {h.strip("[]").lower() for h in allowed}

    def host_ok(self, raw: str) -> bool:
        try:
            name = self._split("//" + raw).hostname
        except ValueError:
            return False
        return bool(name) and name.lower() in self.allowed

    async def __call__(self, scope, receive, send) -> None:
        if self.any or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = ""
        for k, v in scope.get("headers", []):
            if k == b"host":
                raw = v.decode("latin-1")
                break
        if not self.host_ok(raw):
            if scope["type"] == "http":
                await _json_error(send, 400, "invalid Host header")
            return
        await self.app(scope, receive, send)
