"""Messages a regisseur met in English, with internal ids, or wrong Dutch: each fixed here."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.errors import QueryError

runner = CliRunner()


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        ("thema", "watr", "onbekend thema 'watr'"),
        ("kwartaal", "Q9", "onbekend kwartaal 'Q9'"),
        ("item", "xyzzy-niets", "onbekend item 'xyzzy-niets'"),
        ("organisatie", "Bestaat Niet BV", "onbekende organisatie 'Bestaat Niet BV'"),
    ],
)
def test_unknown_values_in_correct_dutch(store, kind, raw, message):
    from kennisgraaf.resolve import resolve

    with pytest.raises(QueryError, match=message):
        resolve(store, kind, raw)


def test_suggestions_are_names_not_internal_ids(store):
    from kennisgraaf.resolve import resolve

    with pytest.raises(QueryError) as caught:
        resolve(store, "item", "kennisnetwerkdagx")
    assert "zzs-2026-" not in str(caught.value) and "wk-2026-" not in str(caught.value)
    assert "bedoelde u: '" in str(caught.value)


def test_a_name_inside_item_names_finds_them_all(store, catalogue):
    """`query waar-staat-dit -p item=Staalslakken` said "onbekende item" though the handover
    "Staalslakken > Bodem en ondergrond" carries the name."""
    rows = catalogue.run(store, "waar-staat-dit", {"item": "Staalslakken"}).rows
    assert rows and all("Staalslakken" in row[0] for row in rows)


def test_sparql_error_names_the_unknown_prefix(build_2026, cache_dir):
    result = runner.invoke(app, ["sparql", "SELECT * WHERE { ?s a foo:Bar }", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code != 0
    assert "onbekend prefix foo:" in result.output and "onverwacht teken" not in result.output
    result = runner.invoke(app, ["sparql", "SELECT * WHERE { ?s ?p", "-q", "--cache-dir", str(cache_dir)])
    assert "regel 1, kolom" in result.output and "error at" not in result.output


def test_404_page_is_dutch(build_2026, folder_2026):
    import urllib.error
    import urllib.request

    from kennisgraaf.serve import KennisgraafServer, ServeConfig

    config = ServeConfig(graph_file=build_2026.entry.graph_file, queries_dir=folder_2026.queries_dir, port=0, workers=1)
    with KennisgraafServer(config) as running, pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(running.url + "bestaat/niet", timeout=30)
    page = caught.value.read().decode("utf-8")
    assert caught.value.code == 404
    assert "Niet gevonden" in page and "Not Found" not in page


def test_serve_on_a_busy_port_says_so_at_once_in_dutch(build_2026, cache_dir):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = time.perf_counter()
        result = runner.invoke(app, ["serve", "--port", str(port), "-q", "--cache-dir", str(cache_dir)])
        seconds = time.perf_counter() - started
    assert result.exit_code != 0
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in result.output
    assert "weergaven" not in result.output and seconds < 30  # no site was built first (that took 2 s)


def test_open_without_a_browser_says_so(build_2026, cache_dir, tmp_path, monkeypatch):
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: False)
    out = tmp_path / "t.html"
    result = runner.invoke(app, ["view", "themas", "--out", str(out), "--open", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0
    assert "geen webbrowser gevonden" in result.output and out.as_uri() in result.output


def test_resource_pages_name_standard_terms_in_dutch(store):
    from kennisgraaf.serve.resources import resource_view

    view = resource_view(store, "https://w3id.org/kennisgraaf/id/thema/waterkwaliteit")
    predicates = {s.predicate.text for s in view.outgoing}
    assert "naam" in predicates and not any(p.startswith("skos:") for p in predicates)
    plan = store.select("SELECT ?plan WHERE { ?plan kn:stakeholder ?o }").rows[0]["plan"].value
    plan_predicates = {s.predicate.text for s in resource_view(store, plan).outgoing}
    assert "belanghebbende" in plan_predicates and "stakeholder" not in plan_predicates


def test_console_script_help_is_dutch_whatever_the_locale():
    script = Path(sys.executable).parent / "kennisgraaf"
    result = subprocess.run(
        [str(script), "-h"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "COLUMNS": "80"},
    )
    assert result.returncode == 0 and "Gebruik:" in result.stdout and "Usage:" not in result.stdout
