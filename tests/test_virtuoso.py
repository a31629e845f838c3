"""Publishing to a real triple store, and the whole query catalogue through `--endpoint`.

A fresh Virtuoso (Debian's virtuoso-opensource) runs on free localhost ports for this
module. The 2026 build is published with `kennisgraaf publish` (Graph Store Protocol,
Digest auth), every golden query case runs through `kennisgraaf query --endpoint` and
must give the same rows as the local build, and publishing again leaves the same triples.

Rows are compared as multisets of normalised RDF terms. What is normalised, and why:
numbers by value (Virtuoso writes 15000.0 as 15000); GROUP_CONCAT columns as sorted lists
without language tag (SPARQL promises no order, and its result is a simple literal —
Oxigraph keeps a shared language tag); and a column that is boolean in the local result
may be 0/1 integers remotely, because Virtuoso 7 has no computed booleans (EXISTS, true).
Everything else — IRIs, strings, language tags, datatypes, row counts — must match exactly.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
import pytest
from golden import cases
from typer.testing import CliRunner
from virtuoso_helpers import running_virtuoso

from kennisgraaf.cli import (
    app,
    commands,  # noqa: F401
)
from kennisgraaf.namespaces import GRAPH_BASE, XSD
from kennisgraaf.publish import RECORD_GRAPH, GraphStore
from kennisgraaf.remote import RemoteStore

runner = CliRunner()
CASES = cases()
NUMERIC = {
    XSD + t
    for t in (
        "integer",
        "decimal",
        "double",
        "float",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
    )
}
GRAPH_COUNTS = """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?base)) } GROUP BY ?g
"""
_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?[?$]\w+\s*"
    r"(?:;\s*SEPARATOR\s*=\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'))?\s*\)\s*AS\s+[?$](\w+)",
    re.I,
)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def publish_cli(virtuoso, cache_dir, *extra):
    result = runner.invoke(
        app,
        [
            "publish",
            "--store",
            virtuoso.graph_store,
            "--user",
            virtuoso.user,
            "--password-env",
            "KG_TEST_WW",
            "--cache-dir",
            str(cache_dir),
            "--format",
            "json",
            "--quiet",
            *extra,
        ],
        env={"KG_TEST_WW": virtuoso.password},
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def published(virtuoso, build_2026, cache_dir):
    return publish_cli(virtuoso, cache_dir)


def graph_counts(store) -> dict[str, int]:
    rows = store.select(GRAPH_COUNTS, {"base": ox.Literal(GRAPH_BASE)}).rows
    return {row["g"].value: int(row["n"].value) for row in rows}


# -- publish ------------------------------------------------------------------------------


def test_publish_puts_every_named_graph_with_all_its_triples(published, virtuoso, store):
    local = graph_counts(store)
    remote = graph_counts(RemoteStore(virtuoso.sparql))
    assert GRAPH_BASE + "inferred" in local, "the inferred triples must be a graph of their own"
    assert remote.pop(RECORD_GRAPH) > 0, "publish records what it published"
    assert remote == local
    assert {row["graaf"] for row in published} == {g[len(GRAPH_BASE) :] for g in local}
    assert sum(row["triples"] for row in published) == sum(local.values())


def test_republishing_twice_leaves_the_same_triples(published, virtuoso, cache_dir):
    remote = RemoteStore(virtuoso.sparql)
    first = graph_counts(remote)
    for _ in range(2):
        again = publish_cli(virtuoso, cache_dir)
        assert {row["actie"] for row in again} == {"vervangen"}
        assert graph_counts(remote) == first
    assert sum(first.values()) == sum(graph_counts(remote).values())


def test_publish_removes_a_graph_it_published_before_and_no_other(published, virtuoso, cache_dir):
    """A plan file renamed since the last publish must not leave its old graph behind."""
    gsp = GraphStore(virtuoso.graph_store, user=virtuoso.user, password=virtuoso.password)
    stale, foreign = GRAPH_BASE + "plans/2026/hernoemd", "http://example.org/ander"
    triple = ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal("x"))
    gsp.put(stale, [triple])
    gsp.put(foreign, [triple])
    record = gsp.get(RECORD_GRAPH)
    record.append(
        ox.Triple(ox.NamedNode(RECORD_GRAPH), ox.NamedNode("http://purl.org/dc/terms/hasPart"), ox.NamedNode(stale))
    )
    gsp.put(RECORD_GRAPH, record)

    rows = publish_cli(virtuoso, cache_dir)
    assert ["plans/2026/hernoemd", 0, "verwijderd"] in [[r["graaf"], r["triples"], r["actie"]] for r in rows]
    assert gsp.get(stale) is None
    assert gsp.get(foreign) == [triple], "a graph kennisgraaf did not publish is never touched"
    gsp.delete(foreign)


def test_publish_with_a_wrong_password_says_so(virtuoso, build_2026, cache_dir):
    result = runner.invoke(
        app,
        [
            "publish",
            "--store",
            virtuoso.graph_store,
            "--user",
            "dba",
            "--password-env",
            "KG_TEST_WW",
            "--cache-dir",
            str(cache_dir),
            "--quiet",
        ],
        env={"KG_TEST_WW": "fout"},
    )
    assert result.exit_code == 2
    assert "HTTP 401" in result.output and "--password-env" in result.output
    assert "Traceback" not in result.output


# -- the catalogue through --endpoint -----------------------------------------------------


def concat_columns(text: str) -> dict[str, str]:
    """GROUP_CONCAT result variable → its separator (a space when none is given)."""
    found = {}
    for separator, name in _CONCAT.findall(text):
        found[name] = json.loads(separator) if separator.startswith('"') else (separator[1:-1] if separator else " ")
    return found


def boolean_columns(results) -> set[str]:
    """Columns whose every bound value is an xsd:boolean."""
    out = set()
    for index, _ in enumerate(results.variables):
        values = [row[index] for row in results if row[index] is not None]
        if values and all(isinstance(v, ox.Literal) and v.datatype.value == XSD + "boolean" for v in values):
            out.add(results.variables[index].value)
    return out


def term_key(term, name: str, concat: dict[str, str], booleans: set[str]):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    value, datatype = term.value, term.datatype.value
    if name in concat:
        return ("list", tuple(sorted(value.split(concat[name]))))
    if datatype == XSD + "boolean" or (name in booleans and datatype in NUMERIC and value in ("0", "1")):
        return ("boolean", value in ("true", "1"))
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(value).normalize())
        except InvalidOperation:
            return ("number?", value)
    return ("literal", value, (term.language or "").lower(), datatype)


def normalised(results, concat: dict[str, str], booleans: set[str]) -> Counter:
    names = [v.value for v in results.variables]
    return Counter(tuple(term_key(row[n], n, concat, booleans) for n in names) for row in results)


def run_query(case: dict, *store_args: str):
    args = ["query", case["query"], "--format", "json", "--quiet", *store_args]
    for key, value in case.get("params", {}).items():
        args += ["-p", f"{key}={value}"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, f"{' '.join(args)}\n{result.output}"
    return result.stdout


def test_every_named_query_has_a_case_to_run_remotely(catalogue):
    names = set(catalogue.queries)
    assert names <= {case["query"] for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"].rsplit(".", 1)[0])
def test_named_query_through_endpoint_matches_local_build(case, published, virtuoso, cache_dir, catalogue):
    local_text = run_query(case, "--cache-dir", str(cache_dir))
    remote_text = run_query(case, "--endpoint", virtuoso.sparql)
    local = ox.parse_query_results(local_text, format=ox.QueryResultsFormat.JSON)
    remote = ox.parse_query_results(remote_text, format=ox.QueryResultsFormat.JSON)
    if isinstance(local, ox.QueryBoolean):
        assert bool(remote) == bool(local)
        return
    concat = concat_columns(catalogue.get(case["query"]).text)
    local_rows = list(local)
    remote_rows = list(remote)
    assert [v.value for v in remote.variables] == [v.value for v in local.variables]
    booleans = boolean_columns(_Rows(local.variables, local_rows))
    mine = normalised(_Rows(local.variables, local_rows), concat, booleans)
    theirs = normalised(_Rows(remote.variables, remote_rows), concat, booleans)
    only_local, only_remote = mine - theirs, theirs - mine
    assert not only_local and not only_remote, (
        f"{case['query']}: {len(local_rows)} rijen lokaal, {len(remote_rows)} via Virtuoso\n"
        + "".join(f"  alleen lokaal:   {row}\n" for row in list(only_local)[:8])
        + "".join(f"  alleen Virtuoso: {row}\n" for row in list(only_remote)[:8])
    )


class _Rows(list):
    """Solutions read once, with their variables, so they can be walked more than once."""

    def __init__(self, variables, rows):
        super().__init__(rows)
        self.variables = variables


def test_ask_and_construct_through_endpoint(published, virtuoso, store):
    remote = RemoteStore(virtuoso.sparql)
    assert remote.ask("ASK { thema:waterkwaliteit a kn:Thema }") is True
    assert remote.ask("ASK { thema:waterkwaliteit a kn:Kennisproduct }") is False
    construct = "CONSTRUCT { ?t skos:prefLabel ?n } WHERE { ?t a kn:Thema ; skos:prefLabel ?n }"
    assert set(remote.construct(construct)) == set(store.construct(construct))
    result = runner.invoke(
        app, ["sparql", "ASK { thema:waterkwaliteit a kn:Thema }", "--endpoint", virtuoso.sparql, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True


@pytest.mark.parametrize(
    "args",
    [
        ["overlap", "--format", "json"],
        ["gaps", "--format", "json"],
        ["rapport", "--format", "md"],
        ["view", "themas", "--out", "{out}/themas.html"],
    ],
    ids=["overlap", "gaps", "rapport", "view"],
)
def test_analysis_report_and_view_through_endpoint_match_local(args, published, virtuoso, cache_dir, tmp_path):
    """The other commands that take --endpoint give the same output from Virtuoso."""
    outputs = []
    stores = (("lokaal", ["--cache-dir", str(cache_dir)]), ("virtuoso", ["--endpoint", virtuoso.sparql]))
    for where, store_args in stores:
        folder = tmp_path / where
        folder.mkdir()
        command = [a.replace("{out}", str(folder)) for a in args] + ["--quiet", *store_args]
        result = runner.invoke(app, command)
        assert result.exit_code == 0, f"{' '.join(command)}\n{result.output}"
        written = sorted(folder.iterdir())
        outputs.append(written[0].read_text(encoding="utf-8") if written else result.stdout)
    assert outputs[0].strip(), "the local command gave no output"
    assert outputs[1] == outputs[0]
