"""Regression: `--endpoint` and `publish` trusted the other side.

A server dripping one byte every few seconds hung the command for ever (the timeout was
per socket read); a 302 turned a POST into a GET without a word; and eight malformed
answers ended in tracebacks (bad status line, truncated body, bad chunking, more than 100
headers, a JSON `uri` without `value`, invalid UTF-8, an undeclared variable, a huge
answer). Each is now one Dutch StoreError line, and the CLI exits with code 2.
"""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.errors import StoreError
from kennisgraaf.publish import GraphStore
from kennisgraaf.remote import MAX_ANSWER_BYTES, RemoteStore


class RawServer:
    """Answers every connection with `self.answer(conn)`: raw bytes, however broken."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.answer = lambda conn: None
        self.requests: list[bytes] = []
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        with conn:
            conn.settimeout(5)
            try:
                self.requests.append(conn.recv(65536).split(b"\r\n", 1)[0])
                self.answer(conn)
            except OSError:
                pass

    def close(self):
        self.sock.close()


@pytest.fixture
def raw():
    server = RawServer()
    yield server
    server.close()


def canned(data: bytes):
    return lambda conn: conn.sendall(data)


def response(body: bytes, content_type: str = "application/sparql-results+json") -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def results(bindings: list, variables=("x",)) -> bytes:
    return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}}).encode()


MALFORMED = {
    "bad-status-line": canned(b"HTTP/1.1 abc nonsense\r\n\r\n"),
    "truncated-body": canned(
        b'HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 1000\r\n\r\n{"head": '
    ),
    "bad-chunking": canned(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
    ),
    "too-many-headers": canned(
        b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: 1\r\n" % i for i in range(150)) + b"Content-Length: 0\r\n\r\n"
    ),
    "uri-without-value": canned(response(results([{"x": {"type": "uri"}}]))),
    "invalid-utf8": canned(
        response(
            b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "\xff\xfe"}}]}}'
        )
    ),
    "undeclared-variable": canned(response(results([{"y": {"type": "literal", "value": "1"}}]))),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_answers_are_one_store_error(raw, name):
    raw.answer = MALFORMED[name]
    with pytest.raises(StoreError) as caught:
        RemoteStore(raw.url, timeout=5).select("SELECT ?x WHERE { ?x ?p ?o }")
    message = str(caught.value)
    assert "\n" not in message and raw.url in message


@pytest.mark.parametrize("name", ["bad-status-line", "uri-without-value", "invalid-utf8"])
def test_malformed_answers_through_the_cli(raw, name):
    raw.answer = MALFORMED[name]
    result = CliRunner().invoke(app, ["sparql", "--endpoint", raw.url, "SELECT ?x WHERE { ?x ?p ?o }"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "fout:" in result.output and "Traceback" not in result.output


def _huge(conn):
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 300000000\r\n\r\n"
    )
    block = b" " * 65536
    for _ in range(300_000_000 // len(block)):
        conn.sendall(block)


def test_a_huge_answer_is_cut_off_at_the_cap(raw):
    assert MAX_ANSWER_BYTES <= 100 * 1024 * 1024
    raw.answer = _huge
    with pytest.raises(StoreError, match="groter dan 2 MB"):
        RemoteStore(raw.url, timeout=20, max_bytes=2 * 1024 * 1024).select("SELECT ?x WHERE { ?x ?p ?o }")


def _drip(conn):
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n":
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


def test_a_dripping_server_meets_the_total_deadline(raw):
    raw.answer = _drip
    started = time.monotonic()
    with pytest.raises(StoreError, match="binnen 1 s geen antwoord"):
        RemoteStore(raw.url, timeout=1).select("SELECT ?x WHERE { ?x ?p ?o }")
    assert time.monotonic() - started < 3


def test_the_cli_has_a_total_timeout_for_the_endpoint(raw):
    raw.answer = _drip
    started = time.monotonic()
    result = CliRunner().invoke(app, ["sparql", "--endpoint", raw.url, "--timeout", "1", "ASK { ?s ?p ?o }"])
    assert result.exit_code == 2 and "binnen 1 s" in result.output, result.output
    assert time.monotonic() - started < 3


def test_a_redirect_is_not_followed_for_post(raw):
    raw.answer = canned(b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elders\r\nContent-Length: 0\r\n\r\n")
    with pytest.raises(StoreError, match="stuurt door.*POST"):
        RemoteStore(raw.url, timeout=5).ask("ASK { ?s ?p ?o }")
    assert raw.requests == [b"POST /sparql HTTP/1.1"]
    with pytest.raises(StoreError, match="stuurt door.*PUT"):
        GraphStore(raw.url, timeout=5).put("urn:g", [])


def test_a_redirect_is_followed_for_get(raw):
    target = RawServer()
    try:
        target.answer = canned(response(b"<urn:a> <urn:b> <urn:c> .\n", "application/n-triples"))
        raw.answer = canned(f"HTTP/1.1 302 Found\r\nLocation: {target.url}\r\nContent-Length: 0\r\n\r\n".encode())
        triples = GraphStore(raw.url, timeout=5).get("urn:g")
        assert len(triples) == 1
        assert target.requests and target.requests[0].startswith(b"GET ")
    finally:
        target.close()
