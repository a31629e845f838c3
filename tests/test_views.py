"""The network views: every view from a tiny graph (node and edge sets known exactly) and from
the 2026 graph (checked against the facts the graph states), escaping, the page itself, and
the `view` command. The browser half is in test_views_browser.py."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kennisgraaf.access import ensure_build
from kennisgraaf.cli import app
from kennisgraaf.namespaces import ID
from kennisgraaf.sources import DataFolder, shipped_root
from kennisgraaf.store import OxigraphStore
from kennisgraaf.views import BUILDERS, Context, build_view, load_config, page_name, render_page, write_site
from kennisgraaf.views.config import ViewConfigError, parse
from kennisgraaf.views.render import page_data, script_json

runner = CliRunner()
T = ID["thema"]
P = ID["product"]
ORG = ID["organisatie"]
S = ID["onderwerp"]
W = ID["wet"]
H = ID["overdracht"]
M = ID["overleg"]
PLAN = ID["plan"]
XSS_TITLE = "<img src=x onerror=alert(1)>"
XSS_TOPIC = '</script><script>alert("2")</script> & co'
THEMES_2026 = {
    T[s]
    for s in (
        "zeer-zorgwekkende-stoffen",
        "waterkwaliteit",
        "bodem-en-ondergrond",
        "circulaire-economie",
        "energietransitie",
        "data-en-informatievoorziening",
        "actuele-vraagstukken",
    )
}
THEMES_WITH_PLAN_2026 = THEMES_2026 - {T["bodem-en-ondergrond"]}

# --------------------------------------------------------------------------- a tiny graph

PREFIXES = """
@prefix kn:          <https://w3id.org/kennisgraaf/def#> .
@prefix skos:        <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:         <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms:     <http://purl.org/dc/terms/> .
@prefix org:         <http://www.w3.org/ns/org#> .
@prefix thema:       <https://w3id.org/kennisgraaf/id/thema/> .
@prefix plan:        <https://w3id.org/kennisgraaf/id/plan/> .
@prefix product:     <https://w3id.org/kennisgraaf/id/product/> .
@prefix overdracht:  <https://w3id.org/kennisgraaf/id/overdracht/> .
@prefix overleg:     <https://w3id.org/kennisgraaf/id/overleg/> .
@prefix organisatie: <https://w3id.org/kennisgraaf/id/organisatie/> .
@prefix onderwerp:   <https://w3id.org/kennisgraaf/id/onderwerp/> .
@prefix wet:         <https://w3id.org/kennisgraaf/id/wet/> .
@prefix status:      <https://w3id.org/kennisgraaf/id/status/> .
@prefix document:    <https://w3id.org/kennisgraaf/id/document/> .
@prefix idschema:    <https://w3id.org/kennisgraaf/id/schema/> .
"""

TINY_REGISTER = (
    PREFIXES
    + """
# Topics, organisations and a law for the tiny test graph (one file, like the real registers).
idschema:onderwerpen a skos:ConceptScheme ; skos:prefLabel "Onderwerpen"@nl .
onderwerp:energiedragers a skos:Concept ; skos:inScheme idschema:onderwerpen ; skos:prefLabel "Energiedragers"@nl .
onderwerp:waterstof a skos:Concept ; skos:inScheme idschema:onderwerpen ; skos:prefLabel "Waterstof"@nl ;
    skos:broader onderwerp:energiedragers .
onderwerp:bodemenergie a skos:Concept ; skos:inScheme idschema:onderwerpen ; skos:prefLabel "Bodemenergie"@nl .
onderwerp:gevaar a skos:Concept ; skos:inScheme idschema:onderwerpen ;
    skos:prefLabel "</script><script>alert(\\"2\\")</script> & co"@nl .
organisatie:rivm a org:FormalOrganization ; skos:prefLabel "Rijksinstituut voor Volksgezondheid en Milieu"@nl ;
    skos:altLabel "RIVM"@nl .
organisatie:ilt a org:FormalOrganization ; skos:prefLabel "Inspectie Leefomgeving en Transport"@nl ;
    skos:altLabel "ILT"@nl .
wet:proefwet a kn:Wet ; skos:prefLabel "Proefwet voor de energie"@nl ; skos:altLabel "PW"@nl .
"""
)

TINY_ET = (
    PREFIXES
    + """
# Tiny Energietransitie plan: two products (one with a hostile title), a meeting, two handovers.
plan:2026-energietransitie a kn:Kennisplan ;
    skos:prefLabel "Kennisplan Energietransitie 2026 (proef)"@nl ;
    kn:thema thema:energietransitie ;
    kn:jaar "2026"^^xsd:gYear ;
    kn:bronDocument document:kennisplan-2026-energietransitie ;
    kn:activiteitenbudget "150000"^^xsd:decimal ;
    kn:partner organisatie:rivm ;
    kn:samenhangMet thema:zeer-zorgwekkende-stoffen .

product:et-2026-proef-waterstof a kn:Kennisproduct ;
    dcterms:title "Kennisopbouw waterstof (proef)"@nl ;
    kn:inPlan plan:2026-energietransitie ;
    kn:bronRegel 194 ;
    kn:status status:adviserend ;
    kn:budget "15000"^^xsd:decimal ;
    kn:onderwerp onderwerp:waterstof ;
    kn:partner organisatie:rivm ;
    kn:wet wet:proefwet .

product:et-2026-proef-xss a kn:Kennisproduct ;
    dcterms:title "<img src=x onerror=alert(1)>"@nl ;
    kn:inPlan plan:2026-energietransitie ;
    kn:bronRegel 200 ;
    kn:budget "5000"^^xsd:decimal ;
    kn:onderwerp onderwerp:gevaar .

overleg:proefoverleg a kn:Overleg ;
    skos:prefLabel "Proefoverleg"@nl ;
    kn:inPlan plan:2026-energietransitie ;
    kn:bronRegel 120 ;
    org:hasMember organisatie:rivm , organisatie:ilt .

overdracht:et-2026-bodemenergie a kn:Regieoverdracht ;
    skos:prefLabel "Bodemenergie > Bodem en ondergrond"@nl ;
    kn:onderwerp onderwerp:bodemenergie ;
    kn:onderwerpTekst "Bodemenergie" ;
    kn:inPlan plan:2026-energietransitie ;
    kn:naarThema thema:bodem-en-ondergrond ;
    kn:bronRegel 91 .

overdracht:et-2026-waterstof a kn:Regieoverdracht ;
    skos:prefLabel "Waterstof > Waterkwaliteit"@nl ;
    kn:onderwerp onderwerp:waterstof ;
    kn:onderwerpTekst "Waterstof" ;
    kn:inPlan plan:2026-energietransitie ;
    kn:naarThema thema:waterkwaliteit ;
    kn:bronRegel 93 .
"""
)

TINY_WK = (
    PREFIXES
    + """
# Tiny Waterkwaliteit plan: one product on the topic Energietransitie hands over.
plan:2026-waterkwaliteit a kn:Kennisplan ;
    skos:prefLabel "Kennisplan Waterkwaliteit 2026 (proef)"@nl ;
    kn:thema thema:waterkwaliteit ;
    kn:jaar "2026"^^xsd:gYear ;
    kn:bronDocument document:kennisplan-2026-waterkwaliteit .

product:wk-2026-proef-waterstof a kn:Kennisproduct ;
    dcterms:title "Waterstof en waterkwaliteit (proef)"@nl ;
    kn:inPlan plan:2026-waterkwaliteit ;
    kn:bronRegel 170 ;
    kn:status status:bindend ;
    kn:budget "8000"^^xsd:decimal ;
    kn:onderwerp onderwerp:waterstof ;
    kn:partner organisatie:rivm .
"""
)

ET, WK, BO, ZZS, EB = (
    T[s]
    for s in (
        "energietransitie",
        "waterkwaliteit",
        "bodem-en-ondergrond",
        "zeer-zorgwekkende-stoffen",
        "energiebesparing",
    )
)
P_WATERSTOF, P_XSS, P_WK = P["et-2026-proef-waterstof"], P["et-2026-proef-xss"], P["wk-2026-proef-waterstof"]
RIVM, ILT, OVERLEG = ORG["rivm"], ORG["ilt"], M["proefoverleg"]
H_BODEM, H_WATERSTOF = H["et-2026-bodemenergie"], H["et-2026-waterstof"]


def make_tiny_data(root: Path) -> Path:
    """The real ontology, theme/quarter registers and plan texts, plus the three tiny files above."""
    data = shipped_root()
    shutil.copytree(data / "ontology", root / "ontology")
    shutil.copytree(data / "graph" / "bronnen", root / "graph" / "bronnen")
    (root / "graph" / "registers").mkdir(parents=True)
    (root / "graph" / "plans" / "2026").mkdir(parents=True)
    for name in ("themas.ttl", "kwartalen.ttl"):
        shutil.copy(data / "graph" / "registers" / name, root / "graph" / "registers" / name)
    (root / "graph" / "registers" / "proef.ttl").write_text(TINY_REGISTER, encoding="utf-8")
    (root / "graph" / "plans" / "2026" / "energietransitie.ttl").write_text(TINY_ET, encoding="utf-8")
    (root / "graph" / "plans" / "2026" / "waterkwaliteit.ttl").write_text(TINY_WK, encoding="utf-8")
    return root


def tiny_context(tmp_path_factory) -> Context:
    root = make_tiny_data(tmp_path_factory.mktemp("tiny") / "data")
    report = ensure_build(root, tmp_path_factory.mktemp("tiny-cache"))
    return Context(OxigraphStore(report.entry.graph_file), DataFolder.resolve(root).sources_texts_dir)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Context:
    return tiny_context(tmp_path_factory)


@pytest.fixture(scope="module")
def ctx(store, folder_2026) -> Context:
    return Context(store, folder_2026.sources_texts_dir)


@pytest.fixture(scope="module")
def config():
    return load_config()


# --------------------------------------------------------------------------- the tiny graph, exactly


def test_tiny_themas_view(tiny, config):
    view = build_view(tiny, config, "themas")
    # the seven themes; the sub-theme Energiebesparing has no plan and stays out
    assert view.node_set() == THEMES_2026
    assert view.edge_set() == {(ET, WK, "overlap"), (ET, ZZS, "samenhang")}
    overlap = next(e for e in view.edges if e.kind == "overlap")
    assert 0 < overlap.value <= 1
    rows = {row.key: row for row in overlap.tip.rows}
    assert rows["Gedeelde onderwerpen (1)"].value.startswith("Waterstof ")
    assert rows["Gedeelde organisaties (1)"].value == "RIVM (Jaccard 0.50)"
    # each shared thing with the plan lines of both themes that state it
    assert rows["Gedeelde onderwerpen (1)"].bron == (
        "kennisplan-2026-energietransitie.txt:93, 194",
        "kennisplan-2026-waterkwaliteit.txt:170",
    )
    assert view.nodes[BO].muted and not view.nodes[ET].muted
    assert view.nodes[ET].value == 2  # products of Energietransitie


def test_tiny_thema_view(tiny, config):
    view = build_view(tiny, config, "thema", ET)
    assert view.node_set("product") == {P_WATERSTOF, P_XSS}
    assert view.node_set("overleg") == {OVERLEG}
    assert view.node_set("onderwerp") == {S["waterstof"], S["gevaar"]}
    assert view.node_set("organisatie") == {RIVM, ILT}
    assert view.node_set("wet") == {W["proefwet"]}
    assert view.node_set("thema") == {ET, WK, BO, ZZS}
    assert view.edge_set() == {
        (ET, P_WATERSTOF, "item"),
        (ET, P_XSS, "item"),
        (ET, OVERLEG, "item"),
        (P_WATERSTOF, S["waterstof"], "over"),
        (P_WATERSTOF, RIVM, "over"),
        (P_WATERSTOF, W["proefwet"], "over"),
        (P_XSS, S["gevaar"], "over"),
        (OVERLEG, RIVM, "over"),
        (OVERLEG, ILT, "over"),
        (ET, RIVM, "plan-noemt"),
        (ET, WK, "overlap"),
        (ET, ZZS, "samenhang"),
        (ET, BO, "overdracht-gat"),  # Bodem en ondergrond has no plan
        (ET, WK, "overdracht"),  # Waterkwaliteit makes a product on waterstof
    }
    # products are coloured by status and sized by budget
    status = config.status.colours
    assert view.nodes[P_WATERSTOF].colour == status["https://w3id.org/kennisgraaf/id/status/adviserend"]
    assert view.nodes[P_XSS].colour == config.status.none[1]
    assert view.nodes[P_WATERSTOF].value == 15000
    assert view.focus == ET


def test_tiny_overdrachten_view(tiny, config):
    view = build_view(tiny, config, "overdrachten")
    assert view.node_set() == THEMES_2026
    assert view.edge_set() == {(ET, BO, "overdracht-gat"), (ET, WK, "overdracht")}
    labels = {e.label for e in view.edges}
    assert labels == {"Bodemenergie", "Waterstof"}
    gap = next(e for e in view.edges if e.kind == "overdracht-gat")
    assert any(row.key == "Gat" and "geen kennisplan" in row.value for row in gap.tip.rows)
    only_wk = build_view(tiny, config, "overdrachten", WK)
    assert only_wk.edge_set() == {(ET, WK, "overdracht")} and only_wk.node_set() == {ET, WK}


def test_tiny_organisaties_view(tiny, config):
    view = build_view(tiny, config, "organisaties")
    assert view.node_set() == {ET, WK, RIVM, ILT}
    assert view.edge_set() == {(ET, RIVM, "werkt-met"), (ET, ILT, "werkt-met"), (WK, RIVM, "werkt-met")}
    assert view.nodes[RIVM].value == 2 and view.nodes[ILT].value == 1
    assert view.nodes[RIVM].label == "RIVM"  # the abbreviation on the canvas, the full name in the tooltip
    why = next(e for e in view.edges if (e.source, e.target) == (ET, RIVM)).tip
    sources = {b for row in why.rows for b in row.bron}
    assert "kennisplan-2026-energietransitie.txt:194" in sources  # the product
    assert "kennisplan-2026-energietransitie.txt:120" in sources  # the meeting
    filtered = build_view(tiny, config, "organisaties", WK)
    assert filtered.node_set() == {ET, WK, RIVM}


def test_tiny_alles_view(tiny, config):
    view = build_view(tiny, config, "alles")
    counts = {kind: len(view.node_set(kind)) for kind in config.views["alles"].kinds}
    assert {k: v for k, v in counts.items() if v} == {
        "thema": 8,
        "plan": 2,
        "product": 3,
        "overdracht": 2,
        "overleg": 1,
        "organisatie": 2,
        "wet": 1,
        "onderwerp": 4,
    }
    expected = {
        (P_WATERSTOF, PLAN["2026-energietransitie"]),
        (P_WATERSTOF, S["waterstof"]),
        (P_WATERSTOF, RIVM),
        (P_WATERSTOF, W["proefwet"]),
        (P_XSS, PLAN["2026-energietransitie"]),
        (P_XSS, S["gevaar"]),
        (P_WK, PLAN["2026-waterkwaliteit"]),
        (P_WK, S["waterstof"]),
        (P_WK, RIVM),
        (PLAN["2026-energietransitie"], ET),
        (PLAN["2026-energietransitie"], RIVM),
        (PLAN["2026-energietransitie"], ZZS),
        (PLAN["2026-waterkwaliteit"], WK),
        (OVERLEG, PLAN["2026-energietransitie"]),
        (OVERLEG, RIVM),
        (OVERLEG, ILT),
        (H_BODEM, PLAN["2026-energietransitie"]),
        (H_BODEM, S["bodemenergie"]),
        (H_BODEM, BO),
        (H_WATERSTOF, PLAN["2026-energietransitie"]),
        (H_WATERSTOF, S["waterstof"]),
        (H_WATERSTOF, WK),
        (S["waterstof"], S["energiedragers"]),
        (EB, ET),
    }
    assert {(s, t) for s, t, _ in view.edge_set()} == expected
    # asserted triples only: nothing the reasoner derived (kn:vanThema, kn:werktMet, ...)
    assert (P_WATERSTOF, ET) not in {(s, t) for s, t, _ in view.edge_set()}
    edge = next(e for e in view.edges if (e.source, e.target) == (P_WATERSTOF, S["waterstof"]))
    assert edge.tip.rows[0].key == "onderwerp"
    assert edge.tip.rows[0].bron == ("kennisplan-2026-energietransitie.txt:194",)


def test_the_thema_view_needs_a_theme(tiny, config):
    from kennisgraaf.errors import KennisgraafError

    with pytest.raises(KennisgraafError, match="heeft --thema nodig"):
        build_view(tiny, config, "thema")


# --------------------------------------------------------------------------- escaping


def test_hostile_text_is_data_never_markup(tiny, config):
    for name in ("thema", "alles"):
        view = build_view(tiny, config, name, ET if name == "thema" else None)
        page = render_page(view, config)
        assert XSS_TITLE not in page and "<img" not in page
        assert 'alert("2")</script>' not in page and 'alert("2")' not in page.split("<script>", 1)[0]
        block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
        assert "<" not in block and ">" not in block and "&" not in block
        data = json.loads(block)
        nodes = {n["id"]: n for n in data["nodes"]}
        # the title is kept as it is written, to be shown as text (the page builds text nodes)
        assert nodes[P_XSS]["tip"]["h"] == XSS_TITLE
        assert nodes[P_XSS]["label"] == XSS_TITLE
        assert nodes[S["gevaar"]]["tip"]["h"] == XSS_TOPIC
        # and the only <script> elements are the data block and the two inlined scripts
        assert len(re.findall(r"^<script", page, re.M)) == 3


def test_html_text_is_escaped_in_titles_and_legend(tiny, config):
    view = build_view(tiny, config, "thema", ET)
    view.title = 'Titel <b onmouseover="x()">vet</b>'
    view.description = "a & b < c"
    page = render_page(view, config)
    assert "<b onmouseover" not in page
    assert html.escape(view.title) in page and "a &amp; b &lt; c" in page


def test_script_json_cannot_close_the_script_element():
    text = script_json({"x": "</script><!-- \u2028 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"x": "</script><!-- \u2028 & >"}


# --------------------------------------------------------------------------- the page


def test_page_is_self_contained_dutch_and_stable(tiny, config):
    view = build_view(tiny, config, "themas")
    page = render_page(view, config)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page and '<meta charset="utf-8">' in page
    assert "@version 9.1.2" in page  # vis-network from the pyvis wheel, inlined
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page)  # nothing to fetch
    assert "default-src 'none'" in page  # and the browser may fetch nothing either
    assert "sourceMappingURL" not in page
    assert "Legenda" in page and "Zoek een naam" in page
    data = page_data(view, config)
    assert data["options"]["layout"]["randomSeed"] == config.seed
    # the same input gives the same page, byte for byte (sorted nodes and edges, fixed seed)
    assert render_page(build_view(tiny, config, "themas"), config) == page


def test_page_scripts_are_allowed_by_hash_only(tiny, config):
    import base64
    import hashlib

    page = render_page(build_view(tiny, config, "themas"), config)
    policy = re.search(r"script-src ([^;]+);", page).group(1).split()
    scripts = re.findall(r"^<script>(.*?)</script>$", page, re.S | re.M)
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
    assert len(scripts) == 2 and set(policy) == hashes  # no 'unsafe-inline': an injected handler cannot run


def test_legend_lists_what_the_view_shows(tiny, config):
    view = build_view(tiny, config, "thema", ET)
    labels = [entry.label for entry in view.legend(config)]
    assert "Kennisproduct (kleur: status, grootte: budget)" in labels
    assert "Status: Adviserend" in labels and "Status: geen status genoemd" in labels
    assert "Thema zonder kennisplan" in labels
    assert any(label.startswith("Regieoverdracht met een gat") for label in labels)
    assert not any(label.startswith("Aangedragen") for label in labels)  # no such line in this view


def test_view_data_is_pyvis_data(tiny, config):
    view = build_view(tiny, config, "organisaties")
    net = view.to_pyvis(config)
    nodes, edges, heading, *_ = net.get_network_data()
    assert net.get_nodes() == [n["id"] for n in view.vis_nodes(config)]
    assert {(e["from"], e["to"]) for e in edges} == {(s, t) for s, t, _ in view.edge_set()}
    assert heading == view.title and all("title" in n for n in nodes)


def test_every_configured_view_has_a_builder_and_every_builder_a_definition(config):
    assert set(config.views) == set(BUILDERS)
    for name, definition in config.views.items():
        assert definition.title and definition.description, name
    for kind in config.kinds.values():
        assert kind.label and kind.classes, kind.name


def test_a_bad_colour_in_the_view_definitions_is_reported(config):
    raw = json.loads(json.dumps(config.raw))
    raw["kinds"]["thema"]["colour"] = "blue; background:url(x)"
    with pytest.raises(ViewConfigError, match="kinds.thema"):
        parse(raw, config.folder)


# --------------------------------------------------------------------------- the 2026 graph


def _select(ctx, query, bindings=None) -> set:
    """A query's rows as a set: one value per row for one variable, else tuples in SELECT order."""
    results = ctx.store.select(query, bindings)
    names = [v for v in results.variables if v not in (bindings or {})]
    if len(names) == 1:
        return {row[names[0]].value for row in results.rows}
    return {tuple(row[v].value for v in names) for row in results.rows}


def test_2026_themas(ctx, config):
    view = build_view(ctx, config, "themas")
    assert view.node_set() == THEMES_2026
    assert {n for n in view.node_set() if view.nodes[n].muted} == {T["bodem-en-ondergrond"]}
    pairs = {frozenset((o.thema_a, o.thema_b)) for o in ctx.overlaps if o.score > 0}
    assert {frozenset((s, t)) for s, t, _ in view.edge_set("overlap")} == pairs
    assert frozenset((T["circulaire-economie"], T["waterkwaliteit"])) in pairs
    stated = _select(ctx, "SELECT ?a ?b WHERE { ?a kn:verwantMet ?b }")
    for s, t, _ in view.edge_set("samenhang"):
        assert (s, t) in stated and frozenset((s, t)) not in pairs
    for pair in stated:  # every stated relation is drawn: as an overlap, or as a dashed arrow
        assert frozenset(pair) in pairs or (*pair, "samenhang") in view.edge_set()
    products = _select(ctx, "SELECT ?p WHERE { ?p a kn:Kennisproduct ; kn:vanThema thema:waterkwaliteit }")
    assert view.nodes[T["waterkwaliteit"]].value == len(products)
    tip = view.nodes[T["circulaire-economie"]].tip
    rows = {row.key: row for row in tip.rows}
    assert rows["Kennisregisseur"].value == "Guido Israëls"
    assert rows["Activiteitenbudget"].value == "€ 150.000"
    assert rows["Activiteitenbudget"].bron == ("kennisplan-2026-circulaire-economie.txt:231",)


@pytest.mark.parametrize("slug", sorted(t.rsplit("/", 1)[-1] for t in THEMES_WITH_PLAN_2026))
def test_2026_thema(ctx, config, slug):
    thema = T[slug]
    view = build_view(ctx, config, "thema", thema)
    items = _select(
        ctx,
        "SELECT ?i WHERE { ?i kn:vanThema ?t ; a ?c }",
        {"t": _iri(thema), "c": [_iri(ID_CLASS[k]) for k in ("product", "overleg", "bijeenkomst", "aangedragen")]},
    )
    assert view.node_set() - view.node_set("thema") - _things(view) == items
    assert {(s, t) for s, t, k in view.edge_set("item")} == {(thema, i) for i in items}
    about = _select(
        ctx, "SELECT ?p ?o WHERE { ?p kn:vanThema ?t ; a kn:Kennisproduct ; kn:onderwerp ?o }", {"t": _iri(thema)}
    )
    assert about <= {(s, t) for s, t, k in view.edge_set("over")}
    if slug == "circulaire-economie":
        handovers = {(s, t) for s, t, k in view.edge_set() if k.startswith("overdracht")}
        assert handovers == {
            (thema, T["bodem-en-ondergrond"]),
            (thema, T["energietransitie"]),
            (thema, T["waterkwaliteit"]),
        }
        assert (thema, T["bodem-en-ondergrond"], "overdracht-gat") in view.edge_set()
    for node in view.nodes.values():
        if node.kind == "product":
            assert node.tip.bron and re.match(r"kennisplan-2026-[a-z-]+\.txt:\d+$", node.tip.bron[0])


ID_CLASS = {
    "product": "https://w3id.org/kennisgraaf/def#Kennisproduct",
    "overleg": "https://w3id.org/kennisgraaf/def#Overleg",
    "bijeenkomst": "https://w3id.org/kennisgraaf/def#Bijeenkomst",
    "aangedragen": "https://w3id.org/kennisgraaf/def#AangedragenOnderwerp",
}


def _iri(value: str):
    import pyoxigraph as ox

    return ox.NamedNode(value)


def _things(view) -> set[str]:
    return {n for k in ("onderwerp", "organisatie", "wet") for n in view.node_set(k)}


def test_2026_overdrachten(ctx, config):
    view = build_view(ctx, config, "overdrachten")
    assert view.node_set() == THEMES_2026
    handovers = _select(
        ctx, "SELECT ?van ?naar WHERE { ?h a kn:Regieoverdracht ; kn:vanThema ?van ; kn:naarThema ?naar }"
    )
    raised = _select(
        ctx, "SELECT ?van ?naar WHERE { ?a a kn:AangedragenOnderwerp ; kn:vanThema ?van ; kn:anderThema ?naar }"
    )
    assert {(s, t) for s, t, k in view.edge_set() if k != "aangedragen"} == handovers
    assert {(s, t) for s, t, k in view.edge_set("aangedragen")} == raised
    assert len(view.edges) == 5  # three handovers (CE) and two raised topics (AV → ZZS)
    red = {(e.source, e.target) for e in view.edges if e.kind == "overdracht-gat"}
    gaps = {item for f in ctx.gaps if f.kind.startswith("overdracht-zonder-") for item in f.items}
    assert len(red) == len(gaps) and (T["circulaire-economie"], T["bodem-en-ondergrond"]) in red
    assert {e.label for e in view.edges if e.kind != "aangedragen"} == {
        "Staalslakken",
        "Biobrandstoffen (incl. vergisting)",
        "Renure",
    }


def test_2026_organisaties(ctx, config):
    view = build_view(ctx, config, "organisaties")
    pairs = _select(
        ctx,
        """SELECT ?t ?o WHERE { ?t a kn:Thema ; kn:werktMet ?o .
                            FILTER NOT EXISTS { ?o a kn:Overleg } }""",
    )
    assert {(s, t) for s, t, _ in view.edge_set()} == pairs
    assert view.node_set("organisatie") == {o for _, o in pairs}
    assert view.node_set("thema") == {t for t, _ in pairs}
    for org in view.node_set("organisatie"):
        assert view.nodes[org].value == len({t for t, o in pairs if o == org})
    assert view.nodes[ORG["rivm"]].label == "RIVM"


def test_2026_alles(ctx, config):
    view = build_view(ctx, config, "alles")
    kinds = {k: len(view.node_set(k)) for k in config.views["alles"].kinds}
    expected = {
        "thema": "kn:Thema",
        "plan": "kn:Kennisplan",
        "product": "kn:Kennisproduct",
        "overdracht": "kn:Regieoverdracht",
        "aangedragen": "kn:AangedragenOnderwerp",
        "overleg": "kn:Overleg",
        "bijeenkomst": "kn:Bijeenkomst",
        "wet": "kn:Wet",
        "platform": "kn:Platform",
        "programmalijn": "kn:Programmalijn",
        "begrotingspost": "kn:Begrotingspost",
        "persoon": "kn:Persoon",
        "functie": "org:Post",
    }
    for kind, cls in expected.items():
        count = ctx.store.select(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a {cls} }}").rows[0]["n"].value
        assert kinds[kind] == int(count), kind
    orgs = (
        ctx.store.select(
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a org:Organization FILTER NOT EXISTS { ?s a kn:Overleg } }"
        )
        .rows[0]["n"]
        .value
    )
    assert kinds["organisatie"] == int(orgs)
    assert len(view.nodes) == sum(kinds.values()) > 300
    edges = {(s, t) for s, t, _ in view.edge_set()}
    assert (H["ce-2026-staalslakken"], T["bodem-en-ondergrond"]) in edges
    assert (P["ce-2026-ce-in-omgevingsplan"], ORG["vng"]) in edges
    assert (P["ce-2026-ce-in-omgevingsplan"], T["circulaire-economie"]) not in edges  # inferred, not stated


def test_2026_every_tooltip_cites_a_source(ctx, config):
    """Every item (product, meeting, event, handover, raised topic) names its plan file and line."""
    view = build_view(ctx, config, "alles")
    for node in view.nodes.values():
        if node.kind in ("product", "overleg", "bijeenkomst", "overdracht", "aangedragen"):
            assert any(re.search(r"\.txt:\d+$", b) for b in node.tip.bron), node.id


# --------------------------------------------------------------------------- the command


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_writes_one_view(build_2026, cache_dir, tmp_path):
    out = tmp_path / "wk.html"
    result = invoke("view", "thema", "--thema", "wk", "--out", out, "--cache-dir", cache_dir, "-q")
    assert result.exit_code == 0, result.output
    assert out.is_file() and "geschreven:" in result.output
    page = out.read_text(encoding="utf-8")
    assert "Thema van dichtbij: Waterkwaliteit" in page


def test_cli_all_writes_every_view_and_an_index(build_2026, cache_dir, tmp_path):
    site = tmp_path / "site"
    result = invoke("view", "--all", "--out-dir", site, "--cache-dir", cache_dir, "-q")
    assert result.exit_code == 0, result.output
    names = {p.name for p in site.iterdir()}
    expected = {"index.html", "themas.html", "overdrachten.html", "organisaties.html", "alles.html"}
    expected |= {page_name("thema", t) for t in THEMES_WITH_PLAN_2026}
    assert names == expected
    index = (site / "index.html").read_text(encoding="utf-8")
    for name in expected - {"index.html"}:
        assert f'href="{name}"' in index
        assert 'href="index.html"' in (site / name).read_text(encoding="utf-8")


def test_cli_default_output_is_the_user_cache_never_the_cwd(build_2026, cache_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = invoke("view", "overdrachten", "--cache-dir", cache_dir, "-q")
    assert result.exit_code == 0, result.output
    written = tmp_path / "xdg" / "kennisgraaf-weergaven" / "overdrachten.html"
    assert written.is_file() and str(written) in result.output.replace("\n", "")
    assert list(work.iterdir()) == []  # nothing in the working directory: no lib/, no page


@pytest.mark.parametrize(
    "args, message",
    [
        (["view"], "geef een weergave"),
        (["view", "kaart"], "onbekende weergave 'kaart'"),
        (["view", "thema"], "heeft --thema nodig"),
        (["view", "themas", "--all"], "niet allebei"),
        (["view", "--all", "--out", "x.html"], "--out-dir"),
        (["view", "themas", "--out-dir", "site"], "--out-dir hoort bij --all"),
    ],
)
def test_cli_usage_errors_say_what_to_do(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(*args)
    assert result.exit_code == 2 and message in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_unknown_theme_suggests(build_2026, cache_dir, tmp_path):
    result = invoke(
        "view", "thema", "--thema", "waterkwalitijt", "--out", tmp_path / "x.html", "--cache-dir", cache_dir, "-q"
    )
    assert result.exit_code == 2 and "bedoelde u: 'Waterkwaliteit'" in result.output  # the name, not the id
    assert not (tmp_path / "x.html").exists()


def test_cli_help_is_dutch_with_an_example():
    result = invoke("view", "--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Voorbeeld: kennisgraaf view thema --thema zzs --out zzs.html --open" in text
    assert "--out-dir" in text and "--open" in text


def test_write_site_for_the_tiny_graph(tiny, config, tmp_path):
    written = write_site(tiny, config, tmp_path)
    # the thema view once per theme with a plan: Energietransitie and Waterkwaliteit
    assert {w.path.name for w in written} == {
        "themas.html",
        "overdrachten.html",
        "organisaties.html",
        "alles.html",
        page_name("thema", ET),
        page_name("thema", WK),
    }
    assert (tmp_path / "index.html").is_file()


def test_tooltip_skips_empty_values_of_every_kind():
    """Regression: an empty list (an organisation's themes) gave a bare 'Thema:' row."""
    from kennisgraaf.views.model import Tip

    tip = Tip("RIVM").add("Thema", []).add("Ook genoemd", set()).add("Vorm", "").add("Status", None)
    assert tip.rows == []
    assert [r.value for r in Tip("x").add("Thema", ["Waterkwaliteit", "ZZS"]).rows] == ["Waterkwaliteit, ZZS"]


# --------------------------------------------------------------------------- a graph too big for one page


@pytest.fixture(scope="module")
def synthetic_ctx() -> Context:
    """benchmarks/synth.py at five times the 2026 plans: about 1,800 things for `alles`."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from synth import synthetic_store

    return Context(synthetic_store(5))


def test_alles_refuses_more_nodes_than_a_page_can_show(synthetic_ctx, config):
    from kennisgraaf.views.whole import MAX_NODES, TooManyNodes, classify

    things = len(classify(synthetic_ctx.store, config, config.views["alles"].kinds))
    assert things > MAX_NODES
    with pytest.raises(TooManyNodes) as refused:
        build_view(synthetic_ctx, config, "alles")
    message = str(refused.value)
    assert f"{things} knopen" in message and "kennisgraaf view themas" in message
    assert "product" in message.lower()  # says what the nodes are


def test_the_site_says_why_alles_is_missing(synthetic_ctx, config, tmp_path):
    from dataclasses import replace

    only_alles = replace(config, views={"alles": config.views["alles"]})
    assert write_site(synthetic_ctx, only_alles, tmp_path) == []
    assert not (tmp_path / "alles.html").exists()
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "zou" in index and "knopen tonen" in index


def test_alles_of_the_2026_graph_stays_below_the_limit(ctx, config):
    from kennisgraaf.views.whole import MAX_NODES

    assert len(build_view(ctx, config, "alles").nodes) <= MAX_NODES


def test_themas_draws_each_themes_strongest_overlaps_and_says_so(synthetic_ctx, config):
    """Issue 12: a page of every overlapping pair was 62 MB at 100 k triples; each theme now
    keeps its STRONGEST closest neighbours, and the page says how many pairs it left out."""
    from kennisgraaf.views.themes import STRONGEST

    view = build_view(synthetic_ctx, config, "themas")
    drawn = {frozenset((e.source, e.target)) for e in view.edges if e.kind == "overlap"}
    scored = [o for o in synthetic_ctx.overlaps if o.score > 0]
    assert len(scored) > len(drawn) > 0
    for thema in synthetic_ctx.themes():
        mine = [frozenset((o.thema_a, o.thema_b)) for o in scored if thema in (o.thema_a, o.thema_b)]
        assert set(mine[:STRONGEST]) <= drawn  # its own strongest are all there
    assert f"{len(drawn)} van {len(scored)} paren" in view.description


def test_thema_draws_its_strongest_overlaps(synthetic_ctx, config):
    from kennisgraaf.views.themes import STRONGEST

    thema = synthetic_ctx.themes()[0]
    view = build_view(synthetic_ctx, config, "thema", thema)
    mine = [o.other(thema) for o in synthetic_ctx.overlaps if thema in (o.thema_a, o.thema_b) and o.score > 0]
    drawn = [e.target if e.source == thema else e.source for e in view.edges if e.kind == "overlap"]
    assert len(mine) > STRONGEST and sorted(drawn) == sorted(mine[:STRONGEST])
    assert f"{STRONGEST} van {len(mine)} paren" in view.description


def test_themas_refuses_more_themes_than_a_page_can_show(synthetic_ctx, config, monkeypatch):
    from kennisgraaf.views import themes
    from kennisgraaf.views.model import TooManyNodes

    monkeypatch.setattr(themes, "MAX_NODES", 12)
    with pytest.raises(TooManyNodes, match=r"zou \d+ thema's tonen; boven 12 knopen.*view thema --thema"):
        build_view(synthetic_ctx, config, "themas")
