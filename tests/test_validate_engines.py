"""shacl-rust against pySHACL, its oracle: the build takes its SHACL findings from shacl-rust,
so they must be pySHACL's, finding for finding (node, property, severity, message, value, file,
plan line), on the 2026 data, on a synthetic folder and on data with injected violations."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kennisgraaf.load import load
from kennisgraaf.namespaces import GRAPH_BASE
from kennisgraaf.sources import DataFolder
from kennisgraaf.validate import Facts, check_shapes, shapes_by_pyshacl, shapes_by_rust

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from synth import write_folder  # noqa: E402

PROLOGUE = """@prefix kn: <https://w3id.org/kennisgraaf/def#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix thema: <https://w3id.org/kennisgraaf/id/thema/> . @prefix plan: <https://w3id.org/kennisgraaf/id/plan/> .
@prefix ex: <https://w3id.org/kennisgraaf/id/product/test-> .
"""
#: violations of shapes that state their own sh:message (the fast path keeps these)
WITH_MESSAGE = """
ex:zonder-titel a kn:Kennisproduct ; kn:bronRegel 3 .
ex:dubbel a kn:Kennisproduct ; dcterms:title "Een" , "Twee" ; kn:budget -5.0 , 3.0 ; kn:bronRegel 4 ;
    kn:partner thema:waterkwaliteit ; kn:kwartaal thema:waterkwaliteit ; kn:wet ex:zonder-titel .
thema:test-talen a kn:Thema ; skos:prefLabel "Eén"@nl , "Twee"@nl , "Drei"@de .
"""
#: violations of shapes without one (pySHACL's own wording), and of a sh:node (pySHACL lists
#: the inner shape's findings too): pySHACL reports these
WITHOUT_MESSAGE = """
ex:planning a kn:Kennisproduct ; dcterms:title "P" ; kn:bronRegel 5 ; kn:planning 5 ;
    kn:startKwartaal thema:waterkwaliteit .
"""
NESTED = """
ex:vorm a kn:Kennisproduct ; dcterms:title "V" ; kn:bronRegel 6 ; kn:vorm <https://w3id.org/kennisgraaf/id/nergens> .
"""


def facts_with(data_root: Path, turtle: str = "") -> Facts:
    folder = DataFolder.resolve(data_root)
    store = load(folder)
    if turtle:
        store.load(PROLOGUE + turtle, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH_BASE + "test-fouten"))
    return Facts(store, folder)


def findings(violations) -> Counter:
    return Counter((v.severity, v.node, v.label, v.path, v.message, v.value, v.source, v.line) for v in violations)


def assert_same_as_pyshacl(facts: Facts) -> Counter:
    fast = shapes_by_rust(facts)
    assert fast is not None, "shacl-rust gaf een bevinding zonder eigen sh:message"
    expected = findings(shapes_by_pyshacl(facts))
    assert findings(fast) == expected
    return expected


def test_the_2026_data_gives_pyshacls_findings(data_root):
    found = assert_same_as_pyshacl(facts_with(data_root))
    assert sum(found.values()) > 10  # the warnings about products without vorm, status or planning


def test_a_synthetic_folder_gives_pyshacls_findings(tmp_path):
    write_folder(tmp_path / "synth", scale=2)
    folder = DataFolder.resolve(tmp_path / "synth")
    assert_same_as_pyshacl(Facts(load(folder), folder))


def test_injected_violations_give_pyshacls_findings(data_root):
    found = assert_same_as_pyshacl(facts_with(data_root, WITH_MESSAGE))
    errors = {(node.rsplit("/", 1)[-1], path) for severity, node, _, path, *_ in found if severity == "fout"}
    assert {
        ("test-zonder-titel", "dcterms:title"),
        ("test-zonder-titel", "kn:inPlan"),
        ("test-dubbel", "dcterms:title"),
        ("test-dubbel", "kn:budget"),
        ("test-dubbel", "kn:partner"),
        ("test-dubbel", "kn:kwartaal"),
        ("test-dubbel", "kn:wet"),
        ("test-talen", "skos:prefLabel"),
    } <= errors


@pytest.mark.parametrize(
    "turtle, node, paths",
    [
        (WITHOUT_MESSAGE, "test-planning", {"kn:planning", "kn:startKwartaal"}),
        (WITH_MESSAGE + WITHOUT_MESSAGE, "test-planning", {"kn:planning", "kn:startKwartaal"}),
        (NESTED, "test-vorm", {"kn:vorm"}),
    ],
)
def test_a_finding_in_pyshacls_own_words_comes_from_pyshacl(data_root, turtle, node, paths):
    facts = facts_with(data_root, turtle)
    assert shapes_by_rust(facts) is None
    found = findings(check_shapes(facts))
    assert found == findings(shapes_by_pyshacl(facts))
    assert {path for _, n, _, path, *_ in found if n.endswith(node)} >= paths
