"""Regression: when the 6th PUT failed, the store was left half new, half old, and only the
progress lines (hidden by -q) said which graphs had been replaced. Now the error lists
exactly which graphs were replaced and which not, and a re-run sends only the rest
(`--all` sends everything)."""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.publish import RECORD_GRAPH, graphs_in


class FlakyGraphStore:
    """A Graph Store stub: records PUTs; the PUT number `fail_at` (1-based) answers 500."""

    def __init__(self):
        self.puts: list[str] = []
        self.fail_at: int | None = None
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _graph(self):
                return urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("graph", [""])[0]

            def do_GET(self):  # noqa: N802 - the record of an earlier publish: none
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_PUT(self):  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                stub.puts.append(self._graph())
                failing = stub.fail_at is not None and len(stub.puts) == stub.fail_at
                body = b"disk full" if failing else b""
                self.send_response(500 if failing else 201)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/data"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def flaky():
    stub = FlakyGraphStore()
    yield stub
    stub.close()


def publish(flaky, cache_dir, *extra):
    return CliRunner().invoke(
        app, ["publish", "--store", flaky.url, "--cache-dir", str(cache_dir), "-q", "--format", "json", *extra]
    )


def test_a_failed_put_says_what_was_and_was_not_replaced_and_a_rerun_finishes(flaky, build_2026, cache_dir):
    graphs = list(graphs_in(build_2026.entry.graph_file))
    assert len(graphs) > 6
    flaky.fail_at = 6
    failed = publish(flaky, cache_dir)
    assert failed.exit_code == 2, failed.output
    assert "Traceback" not in failed.output
    text = " ".join(failed.output.split())
    assert "publicatie onvolledig" in text and "HTTP 500" in text
    assert "Vervangen (5)" in text and f"Niet vervangen ({len(graphs) - 5})" in text
    short = graphs[5].rsplit("/graph/", 1)[-1]
    assert short in text.split("Niet vervangen", 1)[1]
    assert "--all" in text

    flaky.fail_at, flaky.puts = None, []
    resumed = publish(flaky, cache_dir)
    assert resumed.exit_code == 0, resumed.output
    assert flaky.puts == graphs[5:] + [RECORD_GRAPH]  # only what was missing, then the record
    rows = json.loads(resumed.stdout)
    assert sum(r["actie"] == "al vervangen (vorige poging)" for r in rows) == 5

    flaky.puts = []
    again = publish(flaky, cache_dir)
    assert again.exit_code == 0
    assert flaky.puts == graphs + [RECORD_GRAPH]  # a finished publish is not resumed


def test_all_sends_everything_after_a_failure(flaky, build_2026, cache_dir):
    graphs = list(graphs_in(build_2026.entry.graph_file))
    flaky.fail_at = 3
    assert publish(flaky, cache_dir).exit_code == 2
    flaky.fail_at, flaky.puts = None, []
    assert publish(flaky, cache_dir, "--all").exit_code == 0
    assert flaky.puts == graphs + [RECORD_GRAPH]
