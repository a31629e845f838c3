"""Regression: the endpoint was not bounded.

`Content-Length: -1` was read to the end of the stream (a 50 MB body stalled probes for
11 s); a stalled body answered 500 after 30 s; `/id/` paths with NUL or a non-UTF-8 byte
answered 500; a worker could grow to 4 GB on one ORDER BY; a 313 MB answer was built in
full; a cheap ASK waited ~10 s behind heavy queries; CORS let any web page read the
server. Every answer here is a 4xx/5xx with a Dutch message, quickly, and no traceback.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse

import pytest
from serve_helpers import http

from kennisgraaf.serve import KennisgraafServer, ServeConfig
from kennisgraaf.serve.worker import MB

ASK = "ASK { thema:waterkwaliteit a kn:Thema }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
HUGE_SORT = "SELECT ?a ?d ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?a ?d LIMIT 1"


@pytest.fixture(scope="module")
def log_lines():
    return []


@pytest.fixture(scope="module")
def bounded(build_2026, folder_2026, log_lines):
    config = ServeConfig(
        graph_file=build_2026.entry.graph_file,
        queries_dir=folder_2026.queries_dir,
        port=0,
        workers=1,
        timeout=8.0,
        max_body=10_000,
        body_timeout=1.0,
        max_memory=512 * MB,
        max_bytes=20_000,
        log=log_lines.append,
    )
    with KennisgraafServer(config) as running:
        yield running


def raw(server, request: bytes, *, wait: float = 15.0, then: bytes | None = None, pause: float = 0.0) -> bytes:
    """Send raw bytes (optionally more after a pause); the server's whole answer."""
    host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(request)
        if then is not None:
            time.sleep(pause)
            try:
                sock.sendall(then)
            except OSError:
                pass
        chunks = []
        while True:
            try:
                data = sock.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not data:
                break
            chunks.append(data)
            if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                break
        return b"".join(chunks)


def _complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def post_head(length_lines: str) -> bytes:
    return (
        f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n{length_lines}\r\n"
    ).encode()


@pytest.mark.parametrize("length", ["-1", "+5", "1e3", "0x10", " ", "99999999999999999999999"])
def test_invalid_content_length_is_400_at_once(bounded, length):
    started = time.monotonic()
    answer = raw(bounded, post_head(f"Content-Length: {length}\r\n") + b"ASK {}")
    assert status_of(answer) == 400, answer[:200]
    assert b"Content-Length" in answer
    assert time.monotonic() - started < 3


def test_duplicate_lengths_are_400(bounded):
    answer = raw(bounded, post_head("Content-Length: 6\r\nContent-Length: 6\r\n") + b"ASK {}")
    assert status_of(answer) == 400
    answer = raw(bounded, post_head("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n") + b"ASK {}")
    assert status_of(answer) == 400


def test_chunked_body_is_read_and_capped(bounded):
    query = ASK.encode()
    ok = raw(
        bounded,
        post_head("Transfer-Encoding: chunked\r\nAccept: application/sparql-results+json\r\n")
        + f"{len(query):x}\r\n".encode()
        + query
        + b"\r\n0\r\n\r\n",
    )
    assert status_of(ok) == 200, ok[-300:]
    assert b"true" in ok
    big = b"#" * 8000
    started = time.monotonic()
    refused = raw(
        bounded,
        post_head("Transfer-Encoding: chunked\r\n") + (f"{len(big):x}\r\n".encode() + big + b"\r\n") * 3 + b"0\r\n\r\n",
    )
    assert status_of(refused) == 413 and b"te groot" in refused
    assert time.monotonic() - started < 3


def test_stalled_body_is_408_within_the_body_time_limit(bounded, log_lines):
    started = time.monotonic()
    answer = raw(bounded, post_head("Content-Length: 100\r\n") + b"ASK {", wait=20)
    assert status_of(answer) == 408, answer[:200]
    assert b"binnen" in answer
    assert time.monotonic() - started < 5
    assert not any("Traceback" in line for line in log_lines)


def test_slow_drip_body_is_cut_off_by_the_total_deadline(bounded):
    """One byte at a time, each well within a per-read timeout: the whole body has a deadline."""
    host, port = urllib.parse.urlsplit(bounded.url).netloc.split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(post_head("Content-Length: 50\r\n"))
        answer = b""
        for _ in range(50):
            try:
                sock.sendall(b" ")
            except OSError:
                break
            time.sleep(0.2)
            sock.setblocking(False)
            try:
                answer += sock.recv(65536)
            except (BlockingIOError, OSError):
                pass
            sock.setblocking(True)
            if answer:
                break
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
    assert time.monotonic() - started < 4


@pytest.mark.parametrize("path", ["/id/thema/a%00b", "/id/thema/%FF", "/id/thema/%C3", "/site/%00", "/id/%0a"])
def test_bad_bytes_in_paths_are_400(bounded, path):
    response = http("GET", bounded.url.rstrip("/") + path)
    assert response.status == 400, response.body[:200]
    assert "ongeldig pad" in response.text


def test_raw_non_utf8_byte_in_the_request_line_is_400(bounded, capfd):
    answer = raw(bounded, b"GET /id/thema/\xff HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status_of(answer) == 400
    assert "Traceback" not in capfd.readouterr().err


def test_a_worker_over_its_memory_limit_answers_503_and_is_replaced(bounded):
    started = time.monotonic()
    response = http(
        "GET",
        bounded.url + "sparql?" + urllib.parse.urlencode({"query": HUGE_SORT}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status == 503, response.text
    assert "geheugen" in response.text
    assert time.monotonic() - started < 8  # the memory limit, not the time limit, stopped it
    assert _eventually_ok(bounded)


def test_answer_size_is_bounded_in_bytes(bounded):
    query = "SELECT ?x WHERE { ?s ?p ?o BIND(CONCAT(STR(?s), STR(?s), STR(?s)) AS ?x) } LIMIT 500"
    response = http(
        "GET",
        bounded.url + "sparql?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status == 422, response.status
    assert "bytes" in response.text and "te groot" in response.text


def test_a_full_pool_answers_503_with_retry_after_at_once(bounded):
    assert _eventually_ok(bounded)
    heavy = threading.Thread(
        target=http, args=("GET", bounded.url + "sparql?" + urllib.parse.urlencode({"query": SLOW})), daemon=True
    )
    heavy.start()
    time.sleep(0.5)  # the one worker is now busy
    started = time.monotonic()
    response = http("GET", bounded.url + "sparql?" + urllib.parse.urlencode({"query": ASK}))
    assert response.status == 503, response.text
    assert response.headers.get("retry-after")
    assert "bezet" in response.text
    assert time.monotonic() - started < 1.0
    heavy.join(20)
    assert _eventually_ok(bounded)


def _eventually_ok(server, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = http("GET", server.url + "sparql?" + urllib.parse.urlencode({"query": ASK}))
        if response.status == 200:
            return True
        time.sleep(0.3)
    return False
