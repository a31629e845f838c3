"""The query catalogue: every question documented, tested against golden results that were
checked by hand against the plan texts, with safe parameter binding."""

from __future__ import annotations

import csv
import difflib
import io
import json
import re

import pytest
from golden import REFRESH, case_file, cases, plan_expectations, render_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.errors import QueryError
from kennisgraaf.namespaces import PREFIXES

runner = CliRunner()


def test_every_query_has_a_dutch_header_and_a_golden_case(catalogue):
    covered = {case["query"] for case in cases()}
    problems = []
    for name, query in catalogue.queries.items():
        if not (query.title and query.question and query.returns and query.example):
            problems.append(f"{name}: header mist Titel, Vraag, Geeft of Voorbeeld")
        if name not in covered:
            problems.append(f"{name}: geen geval in tests/expected/queries/manifest.json")
        if not query.example.startswith(f"kennisgraaf query {name}"):
            problems.append(f"{name}: voorbeeld roept de query niet aan: {query.example}")
    assert not problems, "\n".join(problems)
    assert len(catalogue.queries) >= 15


def test_every_prefix_used_in_queries_is_bound_by_the_project(folder_2026):
    declared = re.compile(r"^PREFIX\s+([\w-]*):\s*<([^>]+)>", re.M)
    for path in sorted(folder_2026.queries_dir.rglob("*.rq")):
        for prefix, iri in declared.findall(path.read_text(encoding="utf-8")):
            assert PREFIXES.get(prefix) == iri, f"{path.name}: PREFIX {prefix}: <{iri}> is not the project's"


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["file"])
def test_query_matches_golden_file(store, catalogue, case):
    expected_path = case_file(case)
    assert expected_path.exists(), f"golden file missing: {expected_path.name}; run: {REFRESH}"
    expected = expected_path.read_text(encoding="utf-8")
    actual = render_case(store, catalogue, case)
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "actual"))
        pytest.fail(f"{case['query']} differs from {expected_path.name}:\n{diff}\nrefresh with: {REFRESH}")
    assert list(csv.reader(io.StringIO(actual)))[1:], f"{case['file']}: a golden result should not be empty"


@pytest.mark.parametrize("typed", ["Waterkwaliteit", "waterkwaliteit", "WATERKWALITEIT", "wk"])
def test_theme_parameter_accepts_label_case_and_abbreviation(store, catalogue, typed):
    table = catalogue.run(store, "producten-van-thema", {"thema": typed})
    assert len(table.rows) == plan_expectations("waterkwaliteit")["products"]


@pytest.mark.parametrize("typed", ["RIVM", "rivm", "Rijksinstituut voor Volksgezondheid en Milieu"])
def test_organisation_parameter_accepts_abbreviation_and_name(store, catalogue, typed):
    assert catalogue.run(store, "overleggen-van-organisatie", {"organisatie": typed}) is not None


def test_unknown_value_suggests_closest_matches(store, catalogue):
    with pytest.raises(QueryError, match="onbekend thema 'waterkwalitijt'.*Waterkwaliteit"):
        catalogue.run(store, "producten-van-thema", {"thema": "waterkwalitijt"})


def test_unknown_query_and_parameter_list_the_valid_ones(store, catalogue):
    with pytest.raises(QueryError, match="Beschikbaar: .*producten-van-thema"):
        catalogue.get("producten-van-tema")
    with pytest.raises(QueryError, match="geldig: thema"):
        catalogue.run(store, "producten-van-thema", {"onderwerp": "pfas"})
    with pytest.raises(QueryError, match="vraagt parameter 'thema'"):
        catalogue.run(store, "producten-van-thema", {})


BIND_ECHO = "SELECT ?echo WHERE { BIND(?waarde AS ?echo) }"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_string_stays_one_literal(store, text):
    """Whatever a user types, it is bound as one literal: it cannot add patterns or close the query."""
    import pyoxigraph as ox

    from kennisgraaf.resolve import resolve

    term = resolve(store, "tekst", text)
    rows = store.select(BIND_ECHO, {"waarde": term}).rows
    assert [r["echo"].value for r in rows] == [text]
    assert isinstance(rows[0]["echo"], ox.Literal)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_string_as_entity_parameter_resolves_or_fails_cleanly(store, catalogue, text):
    try:
        table = catalogue.run(store, "producten-met-organisatie", {"organisatie": text})
    except QueryError:
        return
    assert table.columns == ["thema", "titel", "vorm", "planning", "regel"]


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_csv_has_header_and_json_is_sparql_results(build_2026, cache_dir):
    result = invoke("query", "regisseurs", "--format", "csv", "--cache-dir", cache_dir, "-q")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["thema", "regisseur", "email"]
    result = invoke("query", "regisseurs", "--format", "json", "--cache-dir", cache_dir, "-q")
    payload = json.loads(result.stdout)
    assert payload["head"]["vars"] == ["thema", "regisseur", "email"]
    assert {b["thema"]["type"] for b in payload["results"]["bindings"]} == {"literal"}
    result = invoke("query", "regisseurs", "--format", "md", "--cache-dir", cache_dir, "-q")
    assert result.stdout.splitlines()[2].startswith("| thema | regisseur | email |")


def test_cli_list_shows_every_query(catalogue):
    result = invoke("query", "--list", "--format", "csv")
    assert result.exit_code == 0
    names = {row[0] for row in csv.reader(io.StringIO(result.stdout))}
    assert set(catalogue.queries) <= names


def test_cli_own_query_with_predeclared_prefixes(build_2026, cache_dir, tmp_path):
    result = invoke(
        "sparql",
        "SELECT ?n WHERE { thema:waterkwaliteit skos:prefLabel ?n }",
        "--format",
        "csv",
        "--cache-dir",
        cache_dir,
        "-q",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["n", "Waterkwaliteit"]
    own = tmp_path / "mijnvraag.rq"
    own.write_text("ASK { ?p a kn:Kennisproduct }")
    result = invoke("query", "--file", own, "--cache-dir", cache_dir, "-q", "--format", "csv")
    assert result.stdout.splitlines() == ["antwoord", "ja"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("SELECT ?s WHERE { ?s ?p ", "SPARQL-fout: regel 1, kolom"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "alleen-lezen: INSERT"),
        ("DELETE WHERE { ?s ?p ?o }", "alleen-lezen: DELETE"),
        ("LOAD <file:///etc/passwd>", "alleen-lezen: LOAD"),
        ("CLEAR ALL", "alleen-lezen: CLEAR"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "SERVICE"),
    ],
)
def test_cli_refuses_bad_and_update_queries_in_one_line(build_2026, cache_dir, text, message):
    result = invoke("sparql", text, "--cache-dir", cache_dir, "-q")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_explain_lists_prefixes():
    result = invoke("sparql", "--explain", "--format", "csv")
    assert result.exit_code == 0
    assert "kn:,https://w3id.org/kennisgraaf/def#" in result.stdout


def test_every_internal_query_parses_and_passes_the_guard():
    from kennisgraaf import sparql
    from kennisgraaf.sparql_guard import check_read_only

    assert sparql.names(), "no internal queries found"
    for name in sparql.names():
        check_read_only(sparql.text(name))


def test_every_theme_resolver_words_an_unknown_name_the_same_way(store, folder_2026):
    """One wording (resolve.unknown_name) for a query parameter, --thema of the analyses and
    --thema of the workbook commands: the same typo gets the same sentence and suggestion."""
    from kennisgraaf.analysis.network import find_theme, load_network
    from kennisgraaf.authoring.plans import resolve_theme
    from kennisgraaf.authoring.registers import Registers
    from kennisgraaf.errors import KennisgraafError
    from kennisgraaf.resolve import resolve

    typed = "Waterkwalitijt"
    messages = []
    for attempt in (
        lambda: resolve(store, "thema", typed),
        lambda: find_theme(load_network(store), typed),
        lambda: resolve_theme(Registers.load(folder_2026), typed),
    ):
        with pytest.raises(KennisgraafError) as caught:
            attempt()
        messages.append(str(caught.value))
    sentence = f"onbekend thema {typed!r}; bedoelde u: 'Waterkwaliteit"
    assert all(sentence in m for m in messages), messages
    assert messages[0].startswith("thema: ") and messages[2].startswith("--thema: ")
