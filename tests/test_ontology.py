"""The ontology: every term documented in Dutch, and consistent under reasoning."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kennisgraaf.namespaces import KN
from kennisgraaf.reason import InconsistentGraph, infer


@pytest.fixture(scope="module")
def ontology(data_root) -> Graph:
    return Graph().parse(data_root / "ontology" / "kennisgraaf.ttl")


def own_terms(graph: Graph):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted({s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(KN)})


def test_every_term_has_dutch_and_english_label_and_a_definition(ontology):
    offenders = []
    for term in own_terms(ontology):
        langs = {label.language for label in ontology.objects(term, RDFS.label)}
        definitions = {d.language for d in ontology.objects(term, SKOS.definition)}
        if not {"nl", "en"} <= langs or "nl" not in definitions:
            offenders.append(f"{term}: labels {sorted(langs)}, definitie {sorted(definitions)}")
    assert not offenders, "\n".join(offenders)
    assert len(own_terms(ontology)) >= 40


def test_property_chains_are_declared(ontology):
    chained = {str(p) for p in ontology.subjects(OWL.propertyChainAxiom, None)}
    assert {KN.raaktOnderwerp, KN.werktMet, KN.vanThema, KN.noemtWet, KN.verwantMet} <= chained


def test_disjoint_classes_make_a_contradiction_fail_the_build(ontology):
    bad = Graph()
    for triple in ontology:
        bad.add(triple)
    node = URIRef("https://w3id.org/kennisgraaf/id/thema/x")
    bad.add((node, RDF.type, URIRef(KN.Thema)))
    bad.add((node, RDF.type, URIRef(KN.Kennisproduct)))
    with pytest.raises(InconsistentGraph, match="thema/x"):
        infer(bad)


def test_real_graph_is_consistent(store):
    assert not store.ask("ASK { ?x a owl:Nothing }")


def test_2026_data_has_no_shacl_or_integrity_errors(folder_2026):
    from kennisgraaf.load import load
    from kennisgraaf.validate import validate

    errors = [
        f"{v.source}: {v.label} {v.path}: {v.message}" for v in validate(load(folder_2026), folder_2026) if v.is_error
    ]
    assert not errors, "\n".join(errors)
