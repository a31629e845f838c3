"""HTTP for the two clients of a triple store: `RemoteStore` (SPARQL 1.1 Protocol) and
`publish.GraphStore` (Graph Store Protocol) send through `fetch` and word a failure by
`status_error`, so a slow, broken or refusing server reads the same in every command.

Every call is bounded: a total deadline (not a per-packet timeout, which a server sending
one byte every few seconds never trips), a cap on the answer's size, redirects followed
for GET only (urllib would silently turn a POST into a GET), and every malformed answer
(bad status line, truncated or badly chunked body, too many headers) becomes one
StoreError line.
"""

from __future__ import annotations

import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from .errors import StoreError

MAX_ANSWER_BYTES = 100 * 1024 * 1024
#: media type of an RDF answer → how Oxigraph parses it
GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
#: what an HTTP error status means, in the words of the message
_STATUS_WORDS = {
    400: "verzoek geweigerd",
    401: "geen toegang",
    403: "geen toegang",
    404: "niet gevonden",
    405: "methode niet toegestaan",
}


class Deadline:
    """One total time limit for a request, its redirects and its authentication round trips.

    Every connection opened under it is shut down when the time is up, which ends any read
    that is still waiting, however slowly the server drips its bytes.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        return max(0.01, self.at - time.monotonic())

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _DeadlineMixin(http.client.HTTPConnection):
    """A connection whose socket timeout never outlasts the call's deadline, and whose socket
    the deadline can shut when time is up (http and https alike)."""

    def __init__(self, *args, deadline: Deadline, **kwargs):
        kwargs["timeout"] = min(kwargs.get("timeout") or deadline.left(), deadline.left())
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.track(self.sock)


class _Connection(_DeadlineMixin, http.client.HTTPConnection):
    pass


class _SecureConnection(_DeadlineMixin, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(functools.partial(_Connection, deadline=self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(functools.partial(_SecureConnection, deadline=self.deadline), req, context=self._context)


class _RedirectGetOnly(urllib.request.HTTPRedirectHandler):
    """Follow a redirect for GET and HEAD; for POST, PUT or DELETE say where it points instead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        method = req.get_method()
        if method not in ("GET", "HEAD"):
            raise StoreError(
                f"{req.full_url} stuurt door (HTTP {code}) naar {newurl}; een {method} wordt niet "
                "doorgestuurd (dat zou er stil een GET van maken): gebruik het nieuwe adres"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def http_opener(
    url: str, user: str | None = None, password: str | None = None, deadline: Deadline | None = None
) -> urllib.request.OpenerDirector:
    """An opener that answers a Basic or Digest challenge for `url` with these credentials.

    Shared with `publish`: Virtuoso asks for Digest on its -auth endpoints, Fuseki and
    GraphDB for Basic; urllib answers whichever the server offers. With a `deadline`,
    every connection it opens is bounded by it; redirects are followed for GET only.
    """
    handlers: list[urllib.request.BaseHandler] = [_RedirectGetOnly()]
    if deadline is not None:
        handlers += [_HTTPHandler(deadline), _HTTPSHandler(deadline)]
    if user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)]
    return urllib.request.build_opener(*handlers)


def read_capped(response, limit: int, what: str) -> bytes:
    """The whole body, or StoreError once it is larger than `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise StoreError(f"{what}: het antwoord is groter dan {limit // (1024 * 1024)} MB en is afgebroken")
        chunks.append(chunk)


def fetch(
    request: urllib.request.Request,
    *,
    url: str,
    user: str | None,
    password: str | None,
    timeout: float,
    max_bytes: int = MAX_ANSWER_BYTES,
    what: str = "",
) -> tuple[int, str, bytes]:
    """Send one request within a total deadline; (status, media type, body).

    HTTPError is passed on (with its body already read, capped) for the caller to word;
    every other failure becomes one StoreError line.
    """
    what = what or url
    deadline = Deadline(timeout)
    opener = http_opener(url, user, password, deadline)
    try:
        with opener.open(request, timeout=timeout) as response:
            body = read_capped(response, max_bytes, what)
            if deadline.expired:
                raise TimeoutError
            return response.status, media_type(response.headers.get("Content-Type")), body
    except urllib.error.HTTPError as err:
        try:
            err.capped_body = read_capped(err, 64 * 1024, what)  # type: ignore[attr-defined]
        except (OSError, http.client.HTTPException, ValueError, StoreError):
            err.capped_body = b""  # type: ignore[attr-defined]
        raise
    except TimeoutError:
        raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError) or deadline.expired:
            raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
        raise StoreError(f"{what} is niet bereikbaar: {err.reason}") from None
    except (http.client.HTTPException, ValueError) as err:
        if deadline.expired:
            raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
        kind = type(err).__name__
        detail = " ".join(str(err).split())[:160]
        raise StoreError(f"{what}: ongeldig HTTP-antwoord ({kind}{': ' + detail if detail else ''})") from None
    except OSError as err:
        if deadline.expired:
            raise StoreError(f"{what} gaf binnen {timeout:g} s geen antwoord (totale tijdslimiet)") from None
        raise StoreError(f"{what} is niet bereikbaar: {err}") from None
    finally:
        deadline.cancel()


def check_url(url: str, what: str = "endpoint") -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"{what} moet een http(s)-URL zijn, niet {url!r}")
    return url


def media_type(content_type: str | None) -> str:
    """`application/sparql-results+json; charset=utf-8` → `application/sparql-results+json`."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def error_text(body: bytes, limit: int = 400) -> str:
    """The first lines of an error body, readable on one terminal line."""
    text = body.decode("utf-8", errors="replace").strip()
    text = " ".join(text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


def status_error(what: str, err: urllib.error.HTTPError, hint: str = "") -> str:
    """The one wording of an error status: `<what>: HTTP 403 (geen toegang): <body>[ — hint]`.

    `what` names the request ("<endpoint>: query", "<store>: PUT plan/x"); the detail is the
    first part of the server's error body (read and capped by `fetch`), else its reason.
    """
    detail = error_text(getattr(err, "capped_body", b"")) or str(err.reason)
    meaning = _STATUS_WORDS.get(err.code) or ("serverfout" if err.code >= 500 else "mislukt")
    return f"{what}: HTTP {err.code} ({meaning}): {detail}{hint}"
