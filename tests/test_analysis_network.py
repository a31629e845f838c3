"""The typed networkx graph read from the reasoned 2026 build through the Store interface."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pyoxigraph as ox
import pytest

from kennisgraaf import sparql
from kennisgraaf.analysis.mapping import expand
from kennisgraaf.analysis.network import INFERRED, KINDS, Builder, find_theme, load_network
from kennisgraaf.analysis.textlines import amount_line, euro_text, mention_line
from kennisgraaf.errors import KennisgraafError
from kennisgraaf.namespaces import PREFIXES

ID = "https://w3id.org/kennisgraaf/id/"
WK = ID + "thema/waterkwaliteit"


@pytest.fixture(scope="module")
def network(store) -> nx.MultiDiGraph:
    return load_network(store)


def test_nodes_are_typed_and_labelled(network):
    kinds = Counter(d["kind"] for _, d in network.nodes(data=True))
    assert set(kinds) <= set(KINDS)
    assert kinds["thema"] == 8 and kinds["plan"] >= 6
    for node, data in network.nodes(data=True):
        assert data["iri"] == node and data["label"], node
    assert network.nodes[WK]["label"] == "Waterkwaliteit"
    assert network.nodes[ID + "thema/zeer-zorgwekkende-stoffen"]["code"] == "ZZS"
    # a meeting is an org:Organization after reasoning, but a node of kind overleg only
    assert network.nodes[ID + "overleg/smk"]["kind"] == "overleg"


def test_edges_carry_their_property_and_the_theme_level_inferences(network):
    for *_, key, data in network.edges(keys=True, data=True):
        assert data["property"] == key and key.split(":")[0] in PREFIXES
        assert data["inferred"] == (key in INFERRED)
    product = ID + "product/wk-2026-beslisboom-vth"
    assert network.has_edge(product, ID + "plan/2026-waterkwaliteit", "kn:inPlan")
    assert network.has_edge(product, WK, "kn:vanThema")
    assert network.has_edge(WK, ID + "onderwerp/zzs", "kn:raaktOnderwerp")
    assert network.has_edge(WK, ID + "onderwerp/stoffen", "kn:raaktOnderwerp")  # broader, by reasoning
    assert network.has_edge(WK, ID + "wet/krw", "kn:noemtWet")
    assert network.has_edge(WK, ID + "organisatie/stowa", "kn:werktMet")


def test_items_point_to_their_plan_line(network):
    data = network.nodes[ID + "product/wk-2026-beslisboom-vth"]
    assert data["bron"] == "kennisplan-2026-waterkwaliteit.txt:190"
    assert data["themas"] == (WK,) and data["budget"] == 5000
    assert data["kwartalen"] == ("2026-Q1", "2026-Q2") and data["eindKwartaal"] == "2026-Q2"
    assert data["vorm"] and data["status"] == "Adviserend"
    handover = network.nodes[ID + "overdracht/ce-2026-staalslakken"]
    assert handover["bron"] == "kennisplan-2026-circulaire-economie.txt:187"


def test_plan_level_facts_get_their_line_from_the_text(network):
    plan = network.nodes[ID + "plan/2026-waterkwaliteit"]
    assert plan["bestand"] == "kennisplan-2026-waterkwaliteit.txt"
    assert (plan["activiteitenbudget"], plan["tabelTotaal"]) == (150000, 152680)
    assert plan["regels"]["kn:activiteitenbudget"] == 183  # "bedraagt €150.000"
    assert plan["regels"]["kn:tabelTotaal"] == 338  # "€ 152.680"
    assert plan["regels"][f"kn:samenhangMet {ID}thema/actuele-vraagstukken"] == 351
    div = network.nodes[ID + "plan/2026-data-en-informatievoorziening"]
    assert sum(p["budget"] for p in div["begrotingsposten"]) == 60000
    assert all(p["programmalijn"] for p in div["begrotingsposten"])


def test_attributes_are_json_friendly(network):
    json.dumps({n: d for n, d in network.nodes(data=True)})
    json.dumps([d for *_, d in network.edges(keys=True, data=True)])


def test_find_theme_accepts_names_codes_and_slugs(network):
    for text in ("Waterkwaliteit", "waterkwaliteit", "WK", WK):
        assert find_theme(network, text) == WK
    assert find_theme(network, "ZZS") == ID + "thema/zeer-zorgwekkende-stoffen"
    with pytest.raises(KennisgraafError, match="bedoelde u: 'Waterkwaliteit'"):
        find_theme(network, "Waterkwalitijt")


def test_network_queries_declare_only_project_prefixes():
    import re

    names = [n for n in sparql.names() if n.startswith("netwerk-")]
    assert len(names) == 5
    for name in names:
        text = sparql.text(name)
        assert text.startswith("# Titel:"), name
        for prefix, iri in re.findall(r"^PREFIX\s+([\w-]*):\s*<([^>]+)>", text, re.M):
            assert PREFIXES[prefix] == iri


@pytest.mark.parametrize("prop", INFERRED)
def test_theme_level_edges_are_the_reasoned_graphs_triples(network, store, prop):
    """The network states a theme-level relation exactly when the build's reasoned graph does
    (between two nodes of the network): nothing added in Python, nothing lost."""
    rows = store.select("SELECT ?s ?o WHERE { ?s ?p ?o }", {"p": ox.NamedNode(expand(prop))}).rows
    reasoned = {(r["s"].value, r["o"].value) for r in rows if r["s"].value in network and r["o"].value in network}
    edges = {(s, o) for s, o, p in network.edges(keys=True) if p == prop}
    assert reasoned, prop
    assert edges == reasoned


def test_network_pickles_to_an_equal_graph(network):
    """A cache can keep the network as it is: plain attributes, no functions."""
    import pickle

    again = pickle.loads(pickle.dumps(network))
    assert dict(again.nodes(data=True)) == dict(network.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(network.edges(keys=True, data=True))


@pytest.mark.parametrize("amount, text", [(150000, "150.000"), (2680, "2.680"), (60000, "60.000"), (500, "500")])
def test_euro_text(amount, text):
    assert euro_text(amount) == text


def test_line_lookup_prefers_the_sentence_about_the_fact():
    lines = [
        "Voor elk prioritair thema is een afzonderlijk kennisplan opgesteld: Waterkwaliteit, Bodem en",
        "ondergrond. Deze zijn afzonderlijk gepubliceerd op Kennisnet.",
        "Het budget bedraagt €150.000 voor alles.",
        "Totaal",
        "150.000",
        "Samenhang met andere thema's",
        "Er is samenhang met Bodem en",
        "ondergrond.",
    ]
    assert amount_line(lines, 150000, prefer="budget") == 3
    assert amount_line(lines, 150000, prefer="totaal") == 5
    assert mention_line(lines, ("Bodem en ondergrond",), themes=True) == 7  # not the repeated intro, wraps
    assert mention_line(lines, ("Energie",)) is None


def test_builder_infers_through_the_ontologys_rules():
    """A hand-built network gets its theme-level edges from the build's rule engine on the
    ontology (kn:vanThema by the chain inPlan∘thema, kn:raaktOnderwerp also for the broader
    topic by raaktOnderwerp∘broaderTransitive), not from Python restating the chains."""
    b = Builder()
    b.thema("t:a", "A")
    b.plan("p:a", "t:a", bestand="a.txt")
    b.node("o:x", "onderwerp", "x")
    b.node("o:top", "onderwerp", "top")
    b.edge("o:x", "skos:broader", "o:top")
    item = b.item("product", "i:1", "p:a", "Eén", regel=3)
    b.edge(item, "kn:onderwerp", "o:x")
    assert not b.graph.has_edge(item, "t:a", "kn:vanThema")
    g = b.infer()
    assert g.nodes[item]["bron"] == "a.txt:3"
    assert g.has_edge(item, "t:a", "kn:vanThema")
    assert g.has_edge("t:a", "o:x", "kn:raaktOnderwerp") and g.has_edge("t:a", "o:top", "kn:raaktOnderwerp")
    assert g.edges["t:a", "o:top", "kn:raaktOnderwerp"]["inferred"] is True
    with pytest.raises(ValueError):
        b.node("z", "kleur")


def test_one_year_of_two_gets_the_theme_edges_of_that_years_own_build(network, jaren27_network):
    """years.scope re-derives the theme-level relations of 2026 from a 2026+2027 graph through
    the rule engine: they equal the ones the reasoner gave the 2026-only build."""
    from kennisgraaf.analysis.years import scope

    scoped = scope(jaren27_network, 2026)
    for prop in INFERRED:
        mine = {(s, o) for s, o, p in scoped.edges(keys=True) if p == prop}
        built = {(s, o) for s, o, p in network.edges(keys=True) if p == prop}
        assert mine == built, prop


def _mention_line_by_scan(lines, names):
    """The line lookup as it was: the regex searched on every line joined with the next."""
    import re

    from kennisgraaf.analysis.textlines import _boilerplate

    alternatives = [re.escape(n) for n in names if len(n) >= 2]
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.I)
    skip = _boilerplate(tuple(lines))
    for i, line in enumerate(lines, 1):
        joined = line + " " + (lines[i] if i < len(lines) else "")
        if i not in skip and (m := pattern.search(joined)) and m.start() < len(line):
            return i
    return None


def test_line_lookup_finds_the_line_a_scan_of_every_line_finds():
    """mention_line runs its regex only on lines where a name occurs in lower case; on every
    plan text, for names cut from it (wrapped, upper-cased), it finds what a full scan finds."""
    import random

    from kennisgraaf.analysis.textlines import PlanTexts

    texts = PlanTexts()
    rng = random.Random(12)
    files = sorted(p.relative_to(texts.folder).as_posix() for p in texts.folder.rglob("*.txt"))
    assert files
    checked = 0
    for name in files:
        lines = texts.lines(name)
        words = " ".join(lines).split()
        for _ in range(40):
            at = rng.randrange(len(words))
            cut = " ".join(words[at : at + rng.randint(1, 3)]).strip(".,;:()")
            names = (rng.choice([cut, cut.upper(), cut.lower()]), rng.choice(words)[: rng.randint(2, 6)])
            assert mention_line(lines, names) == _mention_line_by_scan(lines, names), (name, names)
            checked += 1
    # a dotless ı matches i case-insensitively but not in lower case: every line is searched
    odd = ["Een regel over Izmir.", "En een over ızmir."]
    assert mention_line(odd, ("IZMIR",)) == _mention_line_by_scan(odd, ("IZMIR",)) == 1
    assert mention_line(odd[1:], ("IZMIR",)) == _mention_line_by_scan(odd[1:], ("IZMIR",)) == 1
    assert checked >= 40


@pytest.mark.parametrize(
    ("query", "properties", "kind"),
    [("netwerk-relaties", "LINK_PROPERTIES", ox.NamedNode), ("netwerk-eigenschappen", "VALUE_PROPERTIES", ox.Literal)],
)
def test_a_local_store_reads_the_statements_the_query_gives_in_its_order(store, query, properties, kind):
    """reading.statements reads a local store's index instead of asking `query` (a third of the
    time at 1 M); the rows, and their order (which the network's edge order follows), must be
    the query's own."""
    from kennisgraaf.analysis import mapping, reading

    props = getattr(mapping, properties)

    class Endpoint:  # the same store, seen as an endpoint sees it: through the query only
        select = staticmethod(store.select)

    direct = reading.statements(store, query, props, kind)
    asked = reading.statements(Endpoint(), query, props, kind)
    assert len(direct) > 500
    assert direct == asked
