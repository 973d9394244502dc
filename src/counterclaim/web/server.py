"""Run the app with uvicorn: ``serve`` (the ``serve`` command), ``running`` (a background thread on
a free loopback port, for screenshots and tests) and ``python -m counterclaim.web.server`` (a
child process over ``$COUNTERCLAIM_DB``, for the load test).

Every server here uses ``SecureH11Protocol`` (security headers on uvicorn's own 400s) and stops
within ``GRACEFUL_SECONDS`` of SIGTERM or Ctrl-C: requests in flight get that long to finish,
idle keep-alive connections are closed at once.
"""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

GRACEFUL_SECONDS = 5
KEEP_ALIVE_SECONDS = 30


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config_kwargs() -> dict:
    """uvicorn settings every Counterclaim server shares."""
    from .protocol import SecureH11Protocol

    return {"http": SecureH11Protocol, "log_level": "warning", "server_header": False, "proxy_headers": False,
            "timeout_graceful_shutdown": GRACEFUL_SECONDS, "timeout_keep_alive": KEEP_ALIVE_SECONDS}


def serve(app, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``app`` in the foreground until SIGTERM or Ctrl-C."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, **config_kwargs())


@contextmanager
def running(app, port: int = 0, timeout: float = 30.0) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 while the block runs; yields the base URL."""
    import uvicorn

    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="on", **config_kwargs())
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the web server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main(argv=None) -> None:
    """``python -m counterclaim.web.server PORT [WORKERS]``: the read-only app over $COUNTERCLAIM_DB
    on 127.0.0.1 (the load test's server)."""
    import sys

    import uvicorn

    args = sys.argv[1:] if argv is None else argv
    port = int(args[0])
    workers = int(args[1]) if len(args) > 1 else 1
    uvicorn.run("counterclaim.web.app:app_from_env", factory=True, host="127.0.0.1", port=port, workers=workers,
                **config_kwargs())


if __name__ == "__main__":
    main()
