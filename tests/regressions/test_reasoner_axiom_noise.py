"""On arbitrary --data, what the reasoner knows about RDF, OWL and XSD themselves (xsd:string
a rdfs:Datatype, rdfs:label a owl:AnnotationProperty, ...) is no fact of the data: a count of
every triple over five data triples gave 53."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kennisgraaf.access import ensure_build
from kennisgraaf.cli import app
from kennisgraaf.store import OxigraphStore

FIVE = """@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a ex:p ex:b ; ex:q "tekst" ; rdfs:label "a"@nl .
ex:b ex:p ex:c ; ex:getal 3 .
"""
COUNT = "SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }"


@pytest.fixture
def five(tmp_path):
    (tmp_path / "data" / "graph").mkdir(parents=True)
    (tmp_path / "data" / "graph" / "vijf.ttl").write_text(FIVE, encoding="utf-8")
    return tmp_path / "data"


@pytest.mark.parametrize("reasoner", ["rules", "owlrl", "rdfs"])
def test_five_triples_count_five(five, tmp_path, reasoner):
    report = ensure_build(five, tmp_path / "cache", reasoner=reasoner)
    rows = OxigraphStore(report.entry.graph_file).select(COUNT).rows
    assert int(rows[0]["c"].value) == 5
    assert report.inferred == 0


def test_cli_count_over_arbitrary_data(five, tmp_path):
    result = CliRunner().invoke(
        app, ["sparql", COUNT, "--data", str(five), "--cache-dir", str(tmp_path / "c"), "--format", "csv", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["c", "5"]
