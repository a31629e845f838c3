"""Helpers for the HTTP tests: a plain HTTP client, and a stub endpoint with canned answers.

Everything listens on 127.0.0.1 with an ephemeral port; nothing reaches the network.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test sees the 3xx itself


_opener = urllib.request.build_opener(_NoRedirect)


def http(
    method: str, url: str, body: bytes | str | None = None, headers: dict | None = None, timeout: float = 30
) -> Response:
    """One request; HTTP errors (and redirects) are returned as responses, not raised or followed."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with _opener.open(request, timeout=timeout) as response:
            return Response(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as err:
        return Response(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read())


def form(**fields) -> bytes:
    return urllib.parse.urlencode(fields).encode("utf-8")


@dataclass
class Canned:
    status: int = 200
    content_type: str = "application/sparql-results+json"
    body: bytes = b""
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


class StubEndpoint:
    """A tiny HTTP server that records each request and answers with `self.answer`."""

    def __init__(self):
        self.answer = Canned()
        self.requests: list[dict] = []
        self.require_basic: str | None = None  # "Basic base64(user:pass)" when auth is wanted
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                stub.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                if stub.require_basic and self.headers.get("Authorization") != stub.require_basic:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="stub"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                answer = stub.answer
                if answer.delay:
                    stub.stop_waiting.wait(answer.delay)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(answer.body)

            do_PUT = do_POST  # noqa: N815

        self.stop_waiting = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.stop_waiting.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(5)
