"""uvicorn's HTTP/1.1 protocol with the app's security headers on the answers uvicorn gives itself.

A request uvicorn cannot parse (a 200 KB URL, 1 MB of headers, malformed bytes) never reaches the
app or its middleware: uvicorn answers ``400 Invalid HTTP request received.`` on its own. This
protocol adds the same Content-Security-Policy and other security headers to that answer.
"""
from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .security import SECURITY_HEADERS


class SecureH11Protocol(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close"),
                   *SECURITY_HEADERS]
        try:
            event = h11.Response(status_code=400, headers=headers, reason=b"Bad Request")
            self.transport.write(self.conn.send(event))
            self.transport.write(self.conn.send(h11.Data(data=msg.encode("ascii"))))
            self.transport.write(self.conn.send(h11.EndOfMessage()))
        except h11.LocalProtocolError:  # the connection's state allows no response any more
            pass
        self.transport.close()
