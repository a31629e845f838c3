"""The rule engine against owlrl, its oracle: the same inferred triples, on the 2026 data, on
a 10 k plan-shaped graph and on one small graph per kind of axiom; and what `materialise`
promises its callers (only new triples, only in the inferred graph, contradictions raised)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from reasoning_graph import plan_shaped

from kennisgraaf.namespaces import GRAPH_BASE, ID, INFERRED_GRAPH, KN, OWL, RDF, RDFS
from kennisgraaf.reason import InconsistentGraph, materialise
from kennisgraaf.rules import UnsupportedAxiom
from kennisgraaf.sources import DataFolder

INFERRED = ox.NamedNode(INFERRED_GRAPH)
W3C_SCHEMA = (str(RDFS), str(OWL))
EX = "http://example.org/"


def source_store(folder: DataFolder) -> ox.Store:
    store = ox.Store()
    for source in folder.sources():
        store.load(path=str(source.path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(source.graph_iri))
    return store


def copy(store: ox.Store) -> ox.Store:
    out = ox.Store()
    out.load(store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return out


def inferred(store: ox.Store, mode: str) -> set[ox.Triple]:
    """What `mode` writes into the inferred graph of a copy of `store`."""
    work = copy(store)
    count = materialise(work, mode=mode)
    found = {q.triple for q in work.quads_for_pattern(None, None, None, INFERRED)}
    assert count == len(found)
    return found


def instance_level(triples: set[ox.Triple]) -> set[ox.Triple]:
    """Facts about the data, not the schema: no RDFS/OWL predicate, no rdf:type to an OWL kind."""
    return {
        t
        for t in triples
        if not t.predicate.value.startswith(W3C_SCHEMA)
        and not (t.predicate.value == RDF.type and t.object.value.startswith(W3C_SCHEMA))
    }


def assert_same(rules: set, owlrl: set) -> None:
    missing, extra = sorted(map(str, owlrl - rules)), sorted(map(str, rules - owlrl))
    assert not missing and not extra, (
        f"{len(missing)} alleen bij owlrl, bv. {missing[:10]}; {len(extra)} alleen bij de regels, bv. {extra[:10]}"
    )


@pytest.fixture(scope="module")
def store_2026(data_root) -> ox.Store:
    return source_store(DataFolder.resolve(data_root))


@pytest.fixture(scope="module")
def store_10k(data_root) -> ox.Store:
    store = ox.Store()
    store.load(
        path=str(data_root / "ontology" / "kennisgraaf.ttl"),
        format=ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode(GRAPH_BASE + "ontologie"),
    )
    store.extend(plan_shaped(80))
    assert 9_000 <= len(store) <= 12_000
    return store


@pytest.mark.parametrize("name", ["store_2026", "store_10k"])
def test_rules_infer_what_owlrl_infers(name, request):
    store = request.getfixturevalue(name)
    rules, owlrl = inferred(store, "rules"), inferred(store, "owlrl")
    assert len(instance_level(rules)) > len(store) // 3  # the chains and inverses did fire
    assert_same(instance_level(rules), instance_level(owlrl))
    assert_same(rules, owlrl)  # the schema level too (subclass and domain/range closure)


def test_many_source_graphs_reason_as_one(store_10k):
    """The rules read a merged copy of the source graphs (one graph per plan file made every
    join grow with the number of files): spreading a graph over 40 files changes nothing."""
    spread = ox.Store()
    spread.extend(
        ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(f"{GRAPH_BASE}bestand-{i % 40}"))
        for i, q in enumerate(store_10k)
    )
    assert len(list(spread.named_graphs())) == 40
    materialise(spread)
    assert {q.triple for q in spread.quads_for_pattern(None, None, None, INFERRED)} == inferred(store_10k, "rules")
    assert [g.value for g in spread.named_graphs() if "redeneren" in g.value] == []


def test_rdfs_mode_is_the_rdfs_part(store_2026):
    rdfs, rules = inferred(store_2026, "rdfs"), inferred(store_2026, "rules")
    assert rdfs < rules
    assert not {t for t in rdfs if t.predicate.value in (KN.heeftPlan, KN.vanThema, KN.raaktOnderwerp)}
    assert {t for t in rdfs if t.predicate.value == RDF.type and t.object.value == KN.Overleg}  # Netwerk ⊑ Overleg
    assert {t for t in rdfs if t.predicate.value == KN.noemtOrganisatie}  # partner ⊑ noemtOrganisatie


# One small graph per kind of axiom: rules and owlrl must agree on each.
AXIOM_CASES = {
    "symmetric": "ex:p a owl:SymmetricProperty . ex:a ex:p ex:b .",
    "equivalent class": "ex:A owl:equivalentClass ex:B . ex:x a ex:A . ex:y a ex:B .",
    "equivalent property": "ex:p owl:equivalentProperty ex:q . ex:a ex:p ex:b .",
    "chain of three": "ex:r owl:propertyChainAxiom ( ex:p ex:q ex:s ) . ex:a ex:p ex:b . ex:b ex:q ex:c . "
    "ex:c ex:s ex:d .",
    "recursive chain": "ex:r owl:propertyChainAxiom ( ex:r ex:p ) . ex:q rdfs:subPropertyOf ex:r . "
    "ex:a ex:q ex:b . ex:b ex:p ex:c . ex:c ex:p ex:d .",
    "transitive and inverse": "ex:p a owl:TransitiveProperty ; owl:inverseOf ex:q . "
    "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:p ex:d .",
    "functional property": "ex:p a owl:FunctionalProperty . ex:a ex:p ex:b , ex:c . ex:b ex:q ex:z . ex:y ex:q ex:c .",
    "inverse functional": "ex:p a owl:InverseFunctionalProperty . ex:a ex:p ex:z . ex:b ex:p ex:z . ex:a ex:q ex:w .",
    "domain and range": "ex:p rdfs:domain ex:A ; rdfs:range ex:B . ex:A rdfs:subClassOf ex:C . "
    "ex:q rdfs:subPropertyOf ex:p . ex:a ex:q ex:b .",
    "sameAs stated": "ex:a owl:sameAs ex:b . ex:a ex:p ex:c . ex:d ex:p ex:b .",
}


def tiny(turtle: str) -> ox.Store:
    store = ox.Store()
    prologue = f"@prefix ex: <{EX}> . @prefix owl: <{OWL}> . @prefix rdfs: <{RDFS}> . @prefix rdf: <{RDF}> .\n"
    store.load(prologue + turtle, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(GRAPH_BASE + "klein"))
    return store


@pytest.mark.parametrize("case", sorted(AXIOM_CASES))
def test_every_kind_of_axiom_needs_no_code(case):
    store = tiny(AXIOM_CASES[case])
    rules, owlrl = inferred(store, "rules"), inferred(store, "owlrl")
    assert instance_level(rules), "de regels leiden niets af"
    assert_same(rules, owlrl)


def test_materialise_writes_only_new_triples_into_the_inferred_graph(store_2026):
    work = copy(store_2026)
    before = {q for q in work}
    count = materialise(work)
    after = {q for q in work}
    added = after - before
    assert before <= after and len(added) == count > 1000
    assert {q.graph_name for q in added} == {INFERRED}
    asserted = {q.triple for q in before}
    assert not {q.triple for q in added} & asserted
    assert [g.value for g in work.named_graphs() if "redeneren" in g.value] == []  # no scratch left
    assert materialise(work) == count  # again: the inferred graph is replaced, not grown


def test_materialise_reads_only_the_given_graphs(store_2026):
    plan = ox.NamedNode(GRAPH_BASE + "plans/2026/waterkwaliteit")
    ontology = ox.NamedNode(GRAPH_BASE + "ontology/kennisgraaf")
    assert store_2026.contains_named_graph(plan) and store_2026.contains_named_graph(ontology)
    work = copy(store_2026)
    materialise(work, asserted_graphs=[ontology, plan])
    themes = {q.subject.value for q in work.quads_for_pattern(None, ox.NamedNode(KN.heeftPlan), None, INFERRED)}
    assert themes == {ID["thema"]["waterkwaliteit"]}


def test_disjoint_classes_are_a_contradiction(store_2026):
    work = copy(store_2026)
    node = ox.NamedNode(ID["thema"]["x"])
    work.add(ox.Quad(node, ox.NamedNode(RDF.type), ox.NamedNode(KN.Thema), ox.NamedNode(GRAPH_BASE + "fout")))
    work.add(ox.Quad(node, ox.NamedNode(RDF.type), ox.NamedNode(KN.Netwerk), ox.NamedNode(GRAPH_BASE + "fout")))
    with pytest.raises(InconsistentGraph, match="thema/x is lid van zowel") as caught:
        materialise(work)
    assert "org#Organization" in str(caught.value)  # found through Netwerk ⊑ … ⊑ org:Organization
    assert not work.contains_named_graph(INFERRED)


@pytest.mark.parametrize(
    "axiom, message",
    [
        ("ex:A owl:disjointWith ex:B . ex:x a ex:A , ex:B .", "disjunct"),
        ("ex:p a owl:IrreflexiveProperty . ex:x ex:p ex:x .", "irreflexief"),
        ("ex:p a owl:AsymmetricProperty . ex:x ex:p ex:y . ex:y ex:p ex:x .", "asymmetrisch"),
        ("ex:p owl:propertyDisjointWith ex:q . ex:x ex:p ex:y ; ex:q ex:y .", "disjunct"),
        ("ex:x owl:sameAs ex:y ; owl:differentFrom ex:y .", "verschillend"),
        ("ex:x a owl:Nothing .", "owl:Nothing"),
    ],
)
def test_each_kind_of_contradiction_is_found(axiom, message):
    with pytest.raises(InconsistentGraph, match=message):
        materialise(tiny(axiom))


def test_an_axiom_the_rules_cannot_read_is_refused_by_name():
    store = tiny("ex:A owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:p ; owl:hasValue ex:v ] .")
    with pytest.raises(UnsupportedAxiom, match="owl:hasValue.*--reasoner owlrl"):
        materialise(store)


def test_build_offers_the_rules_by_default_and_owlrl_on_request(mini_data, tmp_path):
    from typer.testing import CliRunner

    from kennisgraaf.cli import app

    counts = {}
    for option in ([], ["--reasoner", "owlrl"]):
        result = CliRunner().invoke(
            app, ["build", "--data", str(mini_data), "--cache-dir", str(tmp_path), *option], env={"COLUMNS": "200"}
        )
        assert result.exit_code == 0, result.output
        name = option[-1] if option else "rules"
        assert f"Build ({name})" in result.output
        counts[name] = [line for line in result.output.splitlines() if "triples (afgeleid)" in line]
    assert counts["rules"] == counts["owlrl"] and counts["rules"]
