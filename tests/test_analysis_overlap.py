"""Overlap scores on a hand-built network (worked out by hand), and their properties
(hypothesis): symmetric, every similarity in [0, 1], a new shared item never lowers a pair."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kennisgraaf.analysis.network import AXES, Builder, axis_sets, bipartite, theme_graph, theme_projection
from kennisgraaf.analysis.overlap import jaccard, matrix, overlaps, parse_axes
from kennisgraaf.errors import KennisgraafError

NS = "https://example.org/"
A, B, C = NS + "thema/a", NS + "thema/b", NS + "thema/c"


def hand_built() -> nx.MultiDiGraph:
    """A: topics t1 t2 t3 (t1 under the grouping topic t0), partner o1, law w1, meeting with o1 and o3.
    B: topics t2 t3 t4, partners o1 o2, meeting with o3.      C: topic t5 only.

    by hand   onderwerpen  A∩B = {t2,t3}, A∪B = {t1..t4}     → 2/4 = 0.5   (t0: nobody names it)
              organisaties A∩B = {o1} (+ meeting members o3) → A {o1,o3}, B {o1,o2,o3} → 2/3
              wetgeving    A {w1}, B {}                      → 0
              overleggen   A {o1,o3}, B {o3}                 → 1/2
              score(A,B) = (0.5 + 2/3 + 0 + 0.5) / 4 = 5/12; every pair with C scores 0
    """
    b = Builder()
    for iri, name in ((A, "Alfa"), (B, "Beta"), (C, "Gamma")):
        b.thema(iri, name)
        b.plan(iri.replace("thema", "plan"), iri, bestand=f"{name}.txt", jaar=2026)
    for i in range(6):
        b.node(f"{NS}t{i}", "onderwerp", f"t{i}")
    b.edge(f"{NS}t1", "skos:broader", f"{NS}t0")
    for i in (1, 2, 3):
        b.node(f"{NS}o{i}", "organisatie", f"o{i}")
    b.node(f"{NS}w1", "wet", "w1")
    pa, pb, pc = (t.replace("thema", "plan") for t in (A, B, C))
    for plan, topics in ((pa, (1, 2, 3)), (pb, (2, 3, 4)), (pc, (5,))):
        for i in topics:
            b.edge(plan, "kn:onderwerp", f"{NS}t{i}")
    b.edge(pa, "kn:partner", f"{NS}o1")
    b.edge(pb, "kn:partner", f"{NS}o1")
    b.edge(pb, "kn:stakeholder", f"{NS}o2")
    b.edge(pa, "kn:wet", f"{NS}w1")
    ma = b.item("overleg", NS + "m-a", pa, "Overleg A", regel=1)
    mb = b.item("overleg", NS + "m-b", pb, "Overleg B", regel=2)
    for meeting, members in ((ma, ("o1", "o3")), (mb, ("o3",))):
        for m in members:
            b.edge(meeting, "org:hasMember", f"{NS}{m}")
    return b.infer()


def test_axis_sets_by_hand():
    g = hand_built()
    assert axis_sets(g, "onderwerpen")[A] == {f"{NS}t{i}" for i in (1, 2, 3)}  # not the grouping t0
    assert axis_sets(g, "organisaties")[B] == {f"{NS}o{i}" for i in (1, 2, 3)}
    assert axis_sets(g, "overleggen")[A] == {f"{NS}o1", f"{NS}o3"}
    assert C not in axis_sets(g, "wetgeving")


def test_scores_by_hand():
    found = overlaps(hand_built())
    assert [(o.thema_a, o.thema_b) for o in found] == [(A, B), (A, C), (B, C)]
    ab = found[0]
    assert ab.similarity == pytest.approx(
        {"onderwerpen": 0.5, "organisaties": 2 / 3, "wetgeving": 0.0, "overleggen": 0.5}
    )
    assert ab.score == pytest.approx(5 / 12)
    assert ab.shared["onderwerpen"] == (f"{NS}t2", f"{NS}t3")
    assert ab.shared["wetgeving"] == ()
    assert [o.score for o in found[1:]] == [0.0, 0.0]


def test_axes_and_focus_theme():
    g = hand_built()
    (ab, *_) = overlaps(g, "onderwerpen,wetgeving")
    assert ab.score == pytest.approx(0.25) and set(ab.similarity) == {"onderwerpen", "wetgeving"}
    assert [o.other(A) for o in overlaps(g, thema=A)] == [B, C]
    assert [o.other(A) for o in overlaps(g, thema="alfa")] == [B, C]  # by name, any case
    with pytest.raises(KennisgraafError, match="onbekend thema"):
        overlaps(g, thema="Omega")
    assert parse_axes("alles") == AXES and parse_axes(["wetgeving", "wetgeving"]) == ("wetgeving",)
    with pytest.raises(KennisgraafError, match="onbekende as"):
        parse_axes("kleur")


def test_projections_are_networkx_graphs():
    g = hand_built()
    bip = bipartite(g, "onderwerpen")
    assert nx.is_bipartite(bip)
    assert {n for n, d in bip.nodes(data=True) if d["bipartite"] == 0} == {A, B, C}
    projection = theme_projection(g, "onderwerpen")
    assert projection.edges[A, B]["weight"] == pytest.approx(0.5)
    assert not projection.has_edge(A, C)
    weighted = theme_graph(g)
    assert weighted.edges[A, B]["weight"] == pytest.approx(5 / 12)
    assert weighted.edges[A, B]["organisaties"] == pytest.approx(2 / 3)


def test_matrix_is_symmetric_with_empty_diagonal():
    themes, table = matrix(overlaps(hand_built()), [A, B, C])
    assert table[0][1] == table[1][0] == pytest.approx(5 / 12)
    assert [table[i][i] for i in range(3)] == [None, None, None]
    assert table[2][0] == 0.0


# --------------------------------------------------------------------------- properties

ITEM = st.integers(min_value=0, max_value=7)
THEME_ITEMS = st.fixed_dictionaries(
    {
        "onderwerpen": st.sets(ITEM, max_size=6),
        "organisaties": st.sets(ITEM, max_size=6),
        "wetgeving": st.sets(ITEM, max_size=4),
    }
)
NETWORKS = st.lists(THEME_ITEMS, min_size=2, max_size=5)
PROPS = {
    "onderwerpen": ("kn:onderwerp", "onderwerp"),
    "organisaties": ("kn:partner", "organisatie"),
    "wetgeving": ("kn:wet", "wet"),
}


def build(spec: list[dict]) -> nx.MultiDiGraph:
    b = Builder()
    for i, items in enumerate(spec):
        thema = f"{NS}thema/{i}"
        b.thema(thema, f"Thema {i}")
        plan = b.plan(f"{NS}plan/{i}", thema, jaar=2026)
        for axis, values in items.items():
            prop, kind = PROPS[axis]
            for v in values:
                b.node(f"{NS}{kind}/{v}", kind, f"{kind} {v}")
                b.edge(plan, prop, f"{NS}{kind}/{v}")
    return b.infer()


@settings(max_examples=60, deadline=None)
@given(NETWORKS)
def test_overlap_is_symmetric_and_bounded(spec):
    g = build(spec)
    found = overlaps(g)
    for o in found:
        assert 0.0 <= o.score <= 1.0
        assert all(0.0 <= s <= 1.0 for s in o.similarity.values())
        back = next(x for x in overlaps(g, thema=o.thema_b) if o.thema_a in (x.thema_a, x.thema_b))
        assert back.score == pytest.approx(o.score) and back.similarity == pytest.approx(o.similarity)
        assert back.shared == o.shared
        for axis in o.similarity:
            sets = axis_sets(g, axis)
            a, b = sets.get(o.thema_a, set()), sets.get(o.thema_b, set())
            assert o.similarity[axis] == pytest.approx(jaccard(a, b)) == pytest.approx(jaccard(b, a))


@settings(max_examples=60, deadline=None)
@given(NETWORKS)
def test_pair_weights_are_networkx_projection_weights(spec):
    """overlaps() computes each pair's Jaccard from the sets it intersects anyway; it must be
    the very float networkx's projection gives (the score order depends on exact ties)."""
    g = build(spec)
    projections = {axis: theme_projection(g, axis) for axis in AXES}
    for o in overlaps(g):
        for axis, weight in o.similarity.items():
            projection = projections[axis]
            expected = (
                projection.edges[o.thema_a, o.thema_b]["weight"] if projection.has_edge(o.thema_a, o.thema_b) else 0.0
            )
            assert weight == expected


@settings(max_examples=60, deadline=None)
@given(NETWORKS, st.sampled_from(sorted(PROPS)), ITEM, st.data())
def test_a_new_shared_item_never_lowers_the_pair(spec, axis, value, data):
    i, j = data.draw(st.lists(st.integers(0, len(spec) - 1), min_size=2, max_size=2, unique=True))
    before = {(o.thema_a, o.thema_b): o for o in overlaps(build(spec))}
    grown = [dict(items) for items in spec]
    for k in (i, j):
        grown[k] = {**grown[k], axis: set(grown[k][axis]) | {value}}
    after = {(o.thema_a, o.thema_b): o for o in overlaps(build(grown))}
    pair = tuple(sorted((f"{NS}thema/{i}", f"{NS}thema/{j}"), key=lambda t: f"Thema {t.rsplit('/', 1)[1]}"))
    old = before.get(pair)
    assert after[pair].score >= (old.score if old else 0.0) - 1e-12
    assert after[pair].similarity[axis] >= (old.similarity[axis] if old else 0.0) - 1e-12
    assert f"{NS}{PROPS[axis][1]}/{value}" in after[pair].shared[axis]
