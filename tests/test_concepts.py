"""One rule per concept (issue 11): the unified label, local-name and slug rules give what
the rules they replaced gave on the real 2026 graph, and every caller goes through them.

The old rules are written out here once, as they stood before the refactor, so a later
change to the one rule that would rename an item somewhere shows up as a failing test.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kennisgraaf.analysis.network import label as network_label
from kennisgraaf.analysis.network import load_network
from kennisgraaf.labels import label_map, name_of
from kennisgraaf.reports.tables import Names
from kennisgraaf.resolve import slugify as resolve_slugify
from kennisgraaf.slugs import local_name, slugify

PACKAGE = Path(__file__).parent.parent / "kennisgraaf"


@pytest.fixture(scope="module")
def network(store) -> nx.MultiDiGraph:
    return load_network(store)


@pytest.fixture(scope="module")
def labels(network) -> dict[str, str]:
    """The labels the analyses hand to reports (analysis.analyse builds them so)."""
    return {n: d.get("label", n) for n, d in network.nodes(data=True)}


def _old_rules(network, labels):
    """The five label lookups of before issue 11, verbatim."""
    return {
        "reports.tables.Names": lambda i: labels.get(i) or i.rstrip("/").rsplit("/", 1)[-1],
        "views.whole._node": lambda i: labels.get(i, i.rsplit("/", 1)[-1]),
        "views.Context.label": lambda i: (
            (network.nodes[i].get("label") or i) if i in network else i.rstrip("/").rsplit("/", 1)[-1]
        ),
        "reports.themakaart.label_of": lambda i: labels.get(i, i),
        "analysis.network.label": lambda i: (
            (network.nodes[i].get("label") if i in network else None)
            or i.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        ),
    }


def test_one_label_rule_names_every_2026_node_as_each_old_rule_did(network, labels):
    nodes = sorted(network.nodes)
    assert len(nodes) > 300
    new = {n: name_of(n, labels.get(n)) for n in nodes}
    for rule, old in _old_rules(network, labels).items():
        changed = {n: (old(n), new[n]) for n in nodes if old(n) != new[n]}
        assert not changed, f"{rule}: {list(changed.items())[:3]}"
    # and the callers that now route through it agree with it
    names = Names(labels)
    assert all(names(n) == new[n] == network_label(network, n) for n in nodes)


def test_an_iri_without_a_label_is_called_by_its_local_name(store, network):
    iris = {
        q.subject.value for q in store.quads() if isinstance(q.subject, ox.NamedNode)
    }  # every named subject of the 2026 graph
    named = label_map(store, iris)
    unlabelled = sorted(iris - set(named))
    assert unlabelled, "the 2026 graph has unlabelled items (samenwerkingen, vocabulary terms)"
    for iri in unlabelled:
        assert name_of(iri, named.get(iri)) == local_name(iri)
        assert "/" not in local_name(iri) and "#" not in local_name(iri)
    assert Names(named)(unlabelled[0]) == local_name(unlabelled[0])


def test_local_name_matches_the_old_inline_rules_on_every_project_iri(store):
    iris = {t.value for q in store.quads() for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
    project = sorted(i for i in iris if i.startswith("https://w3id.org/kennisgraaf/id/"))
    assert len(project) > 300
    for iri in project:
        assert local_name(iri) == iri.rsplit("/", 1)[-1] == iri.rstrip("/").rsplit("/", 1)[-1]
    # a vocabulary term is named after its '#', where the old '/'-only rule gave "core#prefLabel"
    assert local_name("http://www.w3.org/2004/02/skos/core#prefLabel") == "prefLabel"


def test_a_slug_made_from_a_label_finds_the_item_again(store, labels):
    themes = [i for i in labels if i.startswith("https://w3id.org/kennisgraaf/id/thema/")]
    assert themes
    assert resolve_slugify is slugify  # resolve re-exports the one rule
    for iri in themes:
        assert slugify(local_name(iri)) == local_name(iri)  # slugs are fixed points of the rule


def test_no_module_splits_an_iri_by_hand():
    """`rsplit("/"` on an IRI has one home, kennisgraaf/slugs.py."""
    pattern = re.compile(r"""rsplit\(["'][/#]["']""")
    offenders = [
        f"{p.relative_to(PACKAGE)}:{n}"
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.name != "slugs.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_label_map_chooses_as_the_old_ranking_did_on_every_2026_iri(store):
    """label_map now picks through best_label (the rule the network loader uses too); on the
    2026 graph it gives what the old lowest-(rank, label) loop gave, for every named term."""
    from kennisgraaf.labels import LABELS, STANDARD_LABELS

    iris = {t.value for q in store.quads() for t in (q.subject, q.predicate) if isinstance(t, ox.NamedNode)}
    old: dict[str, tuple[int, str]] = {}
    for row in store.select(LABELS, {"item": [ox.NamedNode(i) for i in sorted(iris)]}).rows:
        iri, rank, label = row["item"].value, int(row["rank"].value), row["label"].value
        if iri not in old or (rank, label) < old[iri]:
            old[iri] = (rank, label)
    expected = {i: STANDARD_LABELS[i] for i in iris if i in STANDARD_LABELS} | {i: v for i, (_, v) in old.items()}
    assert len(expected) > 500
    assert label_map(store, iris) == expected


def test_the_network_loader_and_label_map_name_items_alike(store, network):
    """Both read prefLabel before title (the loader adds skos:notation as a last resort)."""
    named = label_map(store, set(network.nodes))
    differ = {
        n: (d["label"], named.get(n)) for n, d in network.nodes(data=True) if named.get(n, d["label"]) != d["label"]
    }
    assert not differ, list(differ.items())[:3]
