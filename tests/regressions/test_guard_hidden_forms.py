"""Regression: text tricks hid SERVICE (and updates) from the text-based guard.

An IRI with an escape and `#` (`<http://x/\\u0041#>`), an IRI with a raw no-break space,
or a prefixed name with an escaped quote (`kn:a\\'b`) made the old guard read the rest of
the line as a comment or a string, while Oxigraph still executed the SERVICE after it
and connected to any URL (server-side request forgery). The guard now decides on the
parsed query. Here a socket listener on localhost records every connection, and
hypothesis generates hiding contexts around SERVICE, LOAD, INSERT and DROP: nothing may
ever connect, and the graph never changes.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisgraaf.errors import QueryError
from kennisgraaf.serve.worker import Job, Limits, execute
from kennisgraaf.store import OxigraphStore


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections (and closes each at once)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self):
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    running = Listener()
    yield running
    running.close()


@pytest.fixture(scope="module")
def small_store():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"), ox.NamedNode("urn:g")))
    return store


#: text before the forbidden part that fooled the old guard, or that a guard could misread
HIDERS = [
    "?s ?p <http://x/\\u0041#> .",
    "?s ?p <http://x/\u00a0#> .",
    "?s ?p kn:a\\'b .",
    "?s ?p kn:a\\#b .",
    '?s ?p "a\\"#" .',
    "?s ?p '''x'#''' .",
    '?s ?p """#""" .',
    "?s ?p <http://x/#\\u0022> .",
    '?s ?p "\\u0022" .',
    "# } \n",
    "?s ?p ?o #\\\n",
    "?s ?p <urn:x\\u003e> .",
    '?s ?p ?o . FILTER(?o != "#") ',
    "",
]


def forbidden(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SERVICE <{url}> {{ ?a ?b ?c }}",
        f"service silent <{url}> {{ ?a ?b ?c }}",
        f"SERVICE#x\n<{url}>{{ ?a ?b ?c }}",
        f"\\u0053ERVICE <{url}> {{ ?a ?b ?c }}",
        f"SERVICE <http://127.0.0.1:{port}/\\u0073parql> {{ ?a ?b ?c }}",
        f"OPTIONAL {{ SERVICE <{url}> {{ ?a ?b ?c }} }}",
        f"FILTER EXISTS {{ SERVICE <{url}> {{ ?a ?b ?c }} }}",
        f"{{ SELECT * {{ SERVICE <{url}> {{ ?a ?b ?c }} }} }}",
    ]


def wrappers(port: int) -> list[str]:
    """Whole queries, with `{hider}` and `{bad}` as holes (updates need no WHERE group)."""
    url = f"http://127.0.0.1:{port}/data.ttl"
    return [
        "SELECT * WHERE {{ {hider} {bad} }}",
        "ASK {{ {hider} {bad} }}",
        "CONSTRUCT {{ ?a ?b ?c }} WHERE {{ {hider} {bad} }}",
        "SELECT * WHERE {{ {hider} }} ; LOAD <" + url + ">",
        "LOAD <" + url + "> # {hider}",
        "SELECT * {{ {hider} }} INSERT DATA {{ <urn:x> <urn:y> <urn:z> }}",
        "DROP ALL # {hider} {bad}",
        "INSERT DATA {{ <urn:x> <urn:y> <urn:z> }} # SELECT * {{ {hider} }}",
    ]


def build_query(data, port: int) -> str:
    template = data.draw(st.sampled_from(wrappers(port)))
    hider = data.draw(st.sampled_from(HIDERS))
    bad = data.draw(st.sampled_from(forbidden(port)))
    spaces = data.draw(st.sampled_from(["", " ", "\n", "\t", " # c\n"]))
    return template.format(hider=hider + spaces, bad=bad)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_hidden_service_or_update_runs_in_the_local_store(data, listener, small_store):
    query = build_query(data, listener.port)
    before = listener.connections
    store = OxigraphStore(store=small_store)
    try:
        store.run(query)
    except QueryError:
        pass
    assert listener.connections == before, f"the store connected out for: {query!r}"
    assert len(small_store) == 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_hidden_service_runs_in_a_server_worker(data, listener, small_store):
    """The very function a server worker runs for each /sparql request."""
    query = build_query(data, listener.port)
    before = listener.connections
    outcome = execute(small_store, Job(query, "application/sparql-results+json"), Limits())
    assert listener.connections == before, f"the worker connected out for: {query!r}"
    assert outcome.status in (200, 400, 403), outcome.body
    assert len(small_store) == 1


@pytest.mark.parametrize(
    "hider",
    ["?s ?p <http://x/\\u0041#> .", "?s ?p <http://x/\u00a0#> .", "?s ?p kn:a\\'b ."],
    ids=["escape-and-hash", "no-break-space", "escaped-quote"],
)
def test_the_three_reported_tricks_through_the_cli(hider, listener, build_2026, cache_dir, tmp_path):
    query = f"SELECT * WHERE {{ {hider} SERVICE <http://127.0.0.1:{listener.port}/> {{ ?a ?b ?c }} }}"
    rq = tmp_path / "trick.rq"
    rq.write_text(query, encoding="utf-8")
    before = listener.connections
    for args in (["sparql", query], ["query", "--file", str(rq)]):
        result = run_cli(*args, "--cache-dir", str(cache_dir), "-q")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("fout:"), result.stderr
    assert listener.connections == before


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """The real CLI in a child process: a crash (SIGSEGV) must not take pytest with it."""
    return subprocess.run(
        [sys.executable, "-c", "from kennisgraaf.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("opening", ["(", "{", "["])
def test_deep_nesting_is_refused_before_parsing(opening, build_2026, cache_dir):
    """5,000 nested brackets crashed the CLI with SIGSEGV (exit 139)."""
    closing = {"(": ")", "{": "}", "[": "]"}[opening]
    inner = {
        "(": "FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ")",
        "{": "{" * 5000 + "}" * 5000,
        "[": "?s ?p " + "[ ?q " * 5000 + "1" + " ]" * 5000,
    }[opening]
    assert inner.count(opening) >= 5000 and inner.count(closing) >= 5000
    result = run_cli("sparql", f"SELECT * WHERE {{ {inner} }}", "--cache-dir", str(cache_dir), "-q")
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert "te diep genest" in result.stderr
    assert "Traceback" not in result.stderr


def test_deep_nesting_does_not_kill_a_server_worker(small_store):
    outcome = execute(small_store, Job("SELECT * WHERE { " + "{" * 5000 + "}" * 5000 + " }"), Limits())
    assert outcome.status == 400 and b"te diep genest" in outcome.body


def test_from_on_a_file_is_refused_but_graph_names_are_fine(small_store):
    store = OxigraphStore(store=small_store)
    with pytest.raises(QueryError, match="FROM <file:///etc/passwd>"):
        store.run("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="FROM <file:"):
        store.run("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(store.run("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }").rows) == 1


def test_labels_that_look_like_keywords_are_no_false_alarm(small_store):
    store = OxigraphStore(store=small_store)
    result = store.run('SELECT ?x WHERE { BIND("SERVICE <http://a> {} ; DROP ALL # insert" AS ?x) }')
    assert result.rows[0]["x"].value.startswith("SERVICE")
