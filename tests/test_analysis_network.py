"""The typed networkx graph read from the reasoned 2026 build through the Store interface."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

from kennisgraaf.analysis.network import INFERRED, KINDS, Builder, find_theme, load_network, queries_dir
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


def test_analysis_queries_declare_only_project_prefixes():
    import re

    for path in queries_dir().glob("*.rq"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Titel:"), path.name
        for prefix, iri in re.findall(r"^PREFIX\s+([\w-]*):\s*<([^>]+)>", text, re.M):
            assert PREFIXES[prefix] == iri


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


def test_builder_mirrors_the_property_chains():
    b = Builder()
    b.thema("t:a", "A")
    b.plan("p:a", "t:a", bestand="a.txt")
    b.node("o:x", "onderwerp", "x")
    b.node("o:top", "onderwerp", "top")
    b.edge("o:x", "skos:broader", "o:top")
    item = b.item("product", "i:1", "p:a", "Eén", regel=3)
    b.edge(item, "kn:onderwerp", "o:x")
    g = b.infer()
    assert g.nodes[item]["bron"] == "a.txt:3"
    assert g.has_edge("t:a", "o:x", "kn:raaktOnderwerp") and g.has_edge("t:a", "o:top", "kn:raaktOnderwerp")
    assert g.edges["t:a", "o:top", "kn:raaktOnderwerp"]["inferred"] is True
    with pytest.raises(ValueError):
        b.node("z", "kleur")
