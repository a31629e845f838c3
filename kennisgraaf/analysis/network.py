"""The reasoned RDF as a typed networkx graph, and the projections the analyses run on.

`load_network(store)` asks the store four SELECTs (queries/analysis/*.rq) and returns a
`networkx.MultiDiGraph`:

- nodes are IRIs (plain strings) with attributes `kind` (one of KINDS), `label`, `iri` and,
  where the plan text is known, `bron` ("kennisplan-2026-x.txt:123"); plus per kind the
  values the analyses need (a product's budget, quarters, form; a plan's totals; ...);
- edges run from subject to object, keyed by their property ("kn:inPlan") with the same
  value in the attribute `property` and `inferred=True` for the theme-level relations the
  reasoner derives (kn:vanThema, kn:raaktOnderwerp, kn:werktMet, kn:noemtWet, kn:verwantMet).

Every value is JSON-friendly (str, int, float, bool, tuple, dict), so a view can dump the
attributes as they are. `Builder` makes the same graph from hand (tests, benchmarks). The
lines of plan-level facts are looked up in the plan texts by textlines.py.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import networkx as nx

from ..labels import best_label, name_of
from ..namespaces import XSD
from ..slugs import local_name as _slug
from ..tables import compact, plain
from .textlines import PlanTexts

KINDS = (
    "thema",
    "plan",
    "product",
    "onderwerp",
    "organisatie",
    "wet",
    "overleg",
    "bijeenkomst",
    "overdracht",
    "aangedragen",
    "samenwerking",
)
#: things a plan states, with a source line (kn:inPlan, kn:bronRegel)
ITEM_KINDS = ("product", "overleg", "bijeenkomst", "overdracht", "aangedragen", "samenwerking")
#: theme-level relations that only the reasoner states (property chains, inverses)
INFERRED = ("kn:vanThema", "kn:raaktOnderwerp", "kn:werktMet", "kn:noemtWet", "kn:verwantMet")

#: the overlap axes: what a theme shares with another (see `axis_sets`)
AXES = ("onderwerpen", "organisaties", "wetgeving", "overleggen")
#: plan-level statements without a kn:bronRegel whose line is looked up in the plan text
_LOCATED = ("kn:samenhangMet", "kn:wet", "kn:onderwerp")
_ATTR_LINKS = {  # IRI-valued properties kept as node attributes, not edges
    "kn:vorm": "vorm",
    "kn:status": "status",
    "kn:programmalijn": "programmalijn",
    "kn:startKwartaal": "startKwartaal",
    "kn:eindKwartaal": "eindKwartaal",
    "kn:soort": "soort",
    "kn:kennisregisseur": "regisseur",
}
_LITERALS = {
    "kn:budget": "budget",
    "kn:budgetjaar": "budgetjaar",
    "kn:budgetTekst": "budgetTekst",
    "kn:planning": "planning",
    "kn:activiteitenbudget": "activiteitenbudget",
    "kn:tabelTotaal": "tabelTotaal",
    "kn:jaar": "jaar",
    "kn:bronRegel": "regel",
    "kn:volgnummer": "volgnummer",
    "kn:perJaar": "perJaar",
    "kn:frequentie": "frequentie",
    "kn:aankomend": "aankomend",
    "schema:startDate": "datum",
    "kn:datumTekst": "datumTekst",
    "kn:onderwerpTekst": "onderwerpTekst",
    "kn:voorwaarde": "voorwaarde",
    "kn:anderThemaTekst": "anderThemaTekst",
    "kn:actie": "actie",
    "kn:aard": "aard",
    "kn:citaat": "citaat",
    "kn:inwerkingtreding": "inwerkingtreding",
    "kn:planningsgrafiek": "planningsgrafiek",
}


def _value(term):
    """A JSON-friendly Python value for a literal: `tables.plain`, with decimals as floats and a
    gYear as its number."""
    if term.datatype.value == XSD.gYear:
        return int(term.value[:4])
    value = plain(term)
    return float(value) if isinstance(value, Decimal) else value


# --------------------------------------------------------------------------- building


class Builder:
    """Build a network the way `load_network` does: for tests, benchmarks and the loader."""

    def __init__(self):
        self.graph = nx.MultiDiGraph()

    def node(self, iri: str, kind: str, label: str | None = None, **attrs) -> str:
        if kind not in KINDS:
            raise ValueError(f"unknown node kind {kind!r}")
        data = self.graph.nodes[iri] if iri in self.graph else {}
        data.update(attrs)
        data.update(kind=kind, iri=iri, label=label or data.get("label") or _slug(iri))
        self.graph.add_node(iri, **data)
        return iri

    def edge(self, subject: str, prop: str, obj: str, inferred: bool | None = None) -> None:
        if inferred is None:
            inferred = prop in INFERRED
        if self.graph.has_edge(subject, obj, key=prop):
            self.graph.edges[subject, obj, prop]["inferred"] &= inferred
            return
        self.graph.add_edge(subject, obj, key=prop, property=prop, inferred=inferred)

    # conveniences for hand-built graphs --------------------------------------------

    def thema(self, iri: str, label: str, code: str | None = None, **attrs) -> str:
        return self.node(iri, "thema", label, code=code or label[:3].upper(), **attrs)

    def plan(self, iri: str, thema: str, bestand: str | None = None, **attrs) -> str:
        self.node(
            iri,
            "plan",
            attrs.pop("label", None) or f"Kennisplan {self.graph.nodes[thema]['label']}",
            thema=thema,
            bestand=bestand,
            **attrs,
        )
        self.edge(iri, "kn:thema", thema)
        return iri

    def item(self, kind: str, iri: str, plan: str, label: str | None = None, regel: int | None = None, **attrs) -> str:
        thema = self.graph.nodes[plan]["thema"]
        bestand = self.graph.nodes[plan].get("bestand")
        bron = f"{bestand}:{regel}" if bestand and regel else bestand
        self.node(iri, kind, label, plan=plan, themas=(thema,), regel=regel, bron=bron, **attrs)
        self.edge(iri, "kn:inPlan", plan)
        self.edge(iri, "kn:vanThema", thema)
        return iri

    def infer(self) -> nx.MultiDiGraph:
        """Add the theme-level edges the ontology's property chains give (for hand-built graphs).

        load_network reads these from the reasoner instead; this mirrors ontology/kennisgraaf.ttl:
        raaktOnderwerp = (heeftItem|heeftPlan)∘onderwerp∘broader*, werktMet = heeftItem∘(partner|
        hasMember) | heeftPlan∘partner, noemtWet = (heeftPlan|heeftItem)∘wet, verwantMet =
        heeftPlan∘samenhangMet.
        """
        g = self.graph
        broader = broader_graph(g)
        chains = {
            "kn:partner": "kn:werktMet",
            "org:hasMember": "kn:werktMet",
            "kn:wet": "kn:noemtWet",
            "kn:samenhangMet": "kn:verwantMet",
        }
        for node, data in list(g.nodes(data=True)):
            if data["kind"] == "plan":
                owners, props = [data["thema"]], ("kn:onderwerp", "kn:partner", "kn:wet", "kn:samenhangMet")
            elif data["kind"] in ITEM_KINDS:
                owners, props = list(data.get("themas", ())), ("kn:onderwerp", "kn:partner", "org:hasMember", "kn:wet")
            else:
                continue
            for _, target, prop in list(g.out_edges(node, keys=True)):
                if prop not in props:
                    continue
                for thema in owners:
                    if prop == "kn:onderwerp":
                        for topic in {target} | (nx.descendants(broader, target) if target in broader else set()):
                            self.edge(thema, "kn:raaktOnderwerp", topic, True)
                    else:
                        self.edge(thema, chains[prop], target, True)
        return g


def broader_graph(g: nx.MultiDiGraph) -> nx.DiGraph:
    """The topics, with an arc from each topic to its broader one (skos:broader)."""
    view = nx.DiGraph()
    view.add_edges_from((s, o) for s, o, p in g.edges(keys=True) if p == "skos:broader")
    view.add_nodes_from(n for n, d in g.nodes(data=True) if d["kind"] == "onderwerp")
    return view


# --------------------------------------------------------------------------- loading


def queries_dir() -> Path:
    from ..sources import shipped_root

    return shipped_root() / "queries" / "analysis"


@cache
def _query(name: str) -> str:
    return (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")


def load_network(store, texts: Path | None = None) -> nx.MultiDiGraph:
    """The typed networkx graph of everything the analyses use, read through `store`.

    `texts` is the folder of plan texts (graph/bronnen); it lets plan-level facts that carry
    no kn:bronRegel (totals, budgets, stated relations) point at the line that states them.
    """
    kinds = {r["node"].value: r["kind"].value for r in store.select(_query("knopen")).rows}
    names: dict[str, dict[str, list[str]]] = {}
    for row in store.select(_query("namen")).rows:
        names.setdefault(row["node"].value, {}).setdefault(row["soort"].value, []).append(row["tekst"].value)
    links = [(r["s"].value, compact(r["p"].value), r["o"].value) for r in store.select(_query("relaties")).rows]
    values: dict[str, dict[str, list]] = {}
    for row in store.select(_query("eigenschappen")).rows:
        values.setdefault(row["s"].value, {}).setdefault(compact(row["p"].value), []).append(_value(row["o"]))
    network = _assemble(kinds, names, links, values, PlanTexts(texts))
    _lines_per_plan(store, network)
    return network


def _lines_per_plan(store, network: nx.MultiDiGraph) -> None:
    """A recurring item (a meeting named by the plans of two years) has one line per plan, each
    stated in that plan's graph: kept as `regels_per_plan` so a view of one year cites its own."""
    recurring = {
        n
        for n, d in network.nodes(data=True)
        if d["kind"] in ITEM_KINDS and sum(1 for _, _, p in network.out_edges(n, keys=True) if p == "kn:inPlan") > 1
    }
    if not recurring:
        return
    for row in store.select(_query("planregels")).rows:
        item = row["item"].value
        if item in recurring:
            network.nodes[item].setdefault("regels_per_plan", {})[row["plan"].value] = int(row["regel"].value)


def _label(found: dict[str, list[str]] | None, iri: str) -> str:
    return best_label(iri, found, ("pref", "titel", "code"))


def _assemble(kinds, names, links, values, texts) -> nx.MultiDiGraph:
    b = Builder()
    for iri, kind in sorted(kinds.items()):
        found = names.get(iri, {})
        attrs = {}
        for prop, vals in values.get(iri, {}).items():
            if prop in _LITERALS:
                attrs[_LITERALS[prop]] = sorted(vals)[0] if len(vals) > 1 else vals[0]
        if kind in ("thema", "onderwerp", "organisatie", "wet"):
            attrs["namen"] = tuple(sorted({*found.get("pref", ()), *found.get("alt", ()), *found.get("code", ())}))
        if kind == "thema":
            attrs["code"] = (sorted(found.get("code", [""]))[0] or _slug(iri)[:3]).upper()
        b.node(iri, kind, _label(found, iri), **attrs)
    g = b.graph

    documents = {s: values.get(o, {}).get("kn:bestandsnaam", [None])[0] for s, p, o in links if p == "kn:bronDocument"}
    quarters: dict[str, set[str]] = {}
    posts: dict[str, list[str]] = {}
    by_subject: dict[str, list[tuple[str, str]]] = {}
    for s, p, o in links:
        by_subject.setdefault(s, []).append((p, o))
        if s not in g:
            continue
        if o in g and p not in _ATTR_LINKS:
            b.edge(s, p, o)
        elif p in ("kn:kwartaal", "kn:startKwartaal", "kn:eindKwartaal"):
            quarters.setdefault(s, set()).add(_quarter(o, values))
            if p in _ATTR_LINKS:
                g.nodes[s][_ATTR_LINKS[p]] = _quarter(o, values)
        elif p == "kn:begrotingspost":
            posts.setdefault(s, []).append(o)
        elif p in _ATTR_LINKS:
            g.nodes[s][_ATTR_LINKS[p]] = _label(names.get(o), o)
            if p == "kn:programmalijn":
                g.nodes[s]["programmalijn_iri"] = o
    # plain partner/stakeholder mentions make kn:noemtOrganisatie by subproperty: keep only
    # the mentions that were stated as such
    for s, o, p in list(g.edges(keys=True)):
        if p == "kn:noemtOrganisatie" and (g.has_edge(s, o, "kn:partner") or g.has_edge(s, o, "kn:stakeholder")):
            g.remove_edge(s, o, p)

    for node, data in g.nodes(data=True):
        if node in quarters:
            data["kwartalen"] = tuple(sorted(quarters[node]))
        kind = data["kind"]
        if kind == "plan":
            data["thema"] = next((o for _, o, p in g.out_edges(node, keys=True) if p == "kn:thema"), None)
            path = documents.get(node)
            data["bestand_pad"] = path
            data["bestand"] = Path(path).name if path else None
            data["begrotingsposten"] = tuple(
                _post(post, by_subject, values, names, path) for post in sorted(posts.get(node, ()))
            )
            related = [
                (f"{p} {t}", g.nodes[t].get("namen") or (g.nodes[t]["label"],))
                for _, t, p in g.out_edges(node, keys=True)
                if p in _LOCATED
            ]
            data["regels"] = texts.plan_lines(path, data, related)
            data["koppen"] = texts.headings(path)
    for node, data in g.nodes(data=True):
        if data["kind"] == "onderwerp":
            data["inZin"] = texts.sentence_form(data["label"])
        if data["kind"] in ITEM_KINDS:
            plans = sorted(o for _, o, p in g.out_edges(node, keys=True) if p == "kn:inPlan")
            data["plan"] = plans[0] if plans else None
            data["themas"] = tuple(sorted({g.nodes[p]["thema"] for p in plans if g.nodes[p].get("thema")}))
            path = documents.get(node) or (g.nodes[plans[0]].get("bestand_pad") if plans else None)
            if path:
                data["bron"] = f"{Path(path).name}:{data['regel']}" if data.get("regel") else Path(path).name
    return g


def _quarter(iri: str, values) -> str:
    vals = values.get(iri, {})
    if vals.get("kn:jaar") and vals.get("kn:volgnummer"):
        return f"{vals['kn:jaar'][0]}-Q{vals['kn:volgnummer'][0]}"
    return _slug(iri)


def _post(iri, by_subject, values, names, path) -> dict:
    vals = values.get(iri, {})
    links = dict(by_subject.get(iri, ()))
    regel = vals.get("kn:bronRegel", [None])[0]
    return {
        "iri": iri,
        "label": _label(names.get(iri), iri),
        "budget": vals.get("kn:budget", [None])[0],
        "budgetjaar": vals.get("kn:budgetjaar", [None])[0],
        "programmalijn": links.get("kn:programmalijn"),
        "bron": f"{Path(path).name}:{regel}" if path and regel else None,
    }


# --------------------------------------------------------------------------- views on the graph


def nodes_of(network: nx.MultiDiGraph, kind: str) -> list[str]:
    return sorted(n for n, d in network.nodes(data=True) if d.get("kind") == kind)


def targets(network: nx.MultiDiGraph, node: str, *props: str) -> set[str]:
    return {o for _, o, p in network.out_edges(node, keys=True) if p in props}


def sources(network: nx.MultiDiGraph, node: str, *props: str) -> set[str]:
    return {s for s, _, p in network.in_edges(node, keys=True) if p in props}


def label(network: nx.MultiDiGraph, node: str) -> str:
    return name_of(node, network.nodes[node].get("label") if node in network else None)


def counted_themes(network: nx.MultiDiGraph) -> list[str]:
    """The themes a report or view counts: every main theme, and a sub-theme only when it has
    a plan of its own (Energiebesparing runs its own programme and has none: not a gap)."""
    found = [t for t in nodes_of(network, "thema") if not targets(network, t, "kn:subthemaVan") or plans_of(network, t)]
    return sorted(found, key=lambda t: (label(network, t).casefold(), t))


def plans_of(network: nx.MultiDiGraph, thema: str) -> set[str]:
    return sources(network, thema, "kn:thema")


def items_of(network: nx.MultiDiGraph, thema: str, kind: str | None = None) -> set[str]:
    found = {s for s, _, p in network.in_edges(thema, keys=True) if p == "kn:vanThema"}
    return {n for n in found if kind is None or network.nodes[n]["kind"] == kind}


def axis_sets(network: nx.MultiDiGraph, axis: str) -> dict[str, frozenset[str]]:
    """Per theme, its items on one overlap axis.

    onderwerpen   kn:raaktOnderwerp (its plan, products, meetings, events or raised topics are
                  about the topic or a narrower one), without the grouping concepts at the top
                  of the scheme (Stoffen, Water, Energie, ...) that would make every pair alike;
    organisaties  kn:werktMet (partner of the plan or a product, member of a meeting) and any
                  organisation the plan names as stakeholder;
    wetgeving     kn:noemtWet (the plan or a product names the law);
    overleggen    the organisations the theme meets at its own meetings, networks and working
                  groups (members and the body that runs it): two themes that each have a
                  table with IPO share IPO here, even when their meetings are different.
    """
    if axis not in AXES:
        raise ValueError(f"onbekende as {axis!r}; kies uit {', '.join(AXES)}")
    out: dict[str, frozenset[str]] = {}
    tops = _grouping_topics(network) if axis == "onderwerpen" else set()
    for thema in nodes_of(network, "thema"):
        if axis == "onderwerpen":
            found = targets(network, thema, "kn:raaktOnderwerp") - tops
        elif axis == "organisaties":
            found = targets(network, thema, "kn:werktMet")
            for plan in plans_of(network, thema):
                found |= targets(network, plan, "kn:partner", "kn:stakeholder", "kn:noemtOrganisatie")
        elif axis == "wetgeving":
            found = targets(network, thema, "kn:noemtWet")
        else:
            found = set()
            for meeting in items_of(network, thema, "overleg"):
                found |= targets(network, meeting, "org:hasMember", "kn:beheerder")
        found = {n for n in found if n in network}
        if found:
            out[thema] = frozenset(found)
    return out


def _grouping_topics(network) -> set[str]:
    """Topics only there to group others: a broader concept that no plan or item names itself."""
    named = {o for _, o, p in network.edges(keys=True) if p == "kn:onderwerp"}
    has_narrower = {o for _, o, p in network.edges(keys=True) if p == "skos:broader"}
    return has_narrower - named


def bipartite(network: nx.MultiDiGraph, axis: str, sets: dict[str, frozenset[str]] | None = None) -> nx.Graph:
    """Theme–item bipartite graph of one axis (themes bipartite=0, items bipartite=1); `sets`:
    that axis's `axis_sets`, when the caller has them already."""
    graph = nx.Graph(axis=axis)
    for thema, items in (axis_sets(network, axis) if sets is None else sets).items():
        graph.add_node(thema, bipartite=0, kind="thema", label=label(network, thema))
        for item in items:
            graph.add_node(item, bipartite=1, kind=network.nodes[item]["kind"], label=label(network, item))
            graph.add_edge(thema, item)
    return graph


def theme_projection(network: nx.MultiDiGraph, axis: str, sets: dict[str, frozenset[str]] | None = None) -> nx.Graph:
    """Theme–theme graph of one axis, weighted by the Jaccard similarity of their items."""
    graph = bipartite(network, axis, sets)
    themes = [n for n, d in graph.nodes(data=True) if d["bipartite"] == 0]
    return nx.bipartite.overlap_weighted_projected_graph(graph, themes, jaccard=True)


def theme_graph(network: nx.MultiDiGraph, axes=None) -> nx.Graph:
    """Theme–theme graph over several axes: `weight` is the mean Jaccard over the axes,
    and one attribute per axis holds that axis's similarity."""
    axes = tuple(axes or AXES)
    graph = nx.Graph(axes=axes)
    active = set()
    for axis in axes:
        projection = theme_projection(network, axis)
        active |= set(projection)
        for a, b, data in projection.edges(data=True):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, **{ax: 0.0 for ax in axes})
            graph.edges[a, b][axis] = data["weight"]
    for thema in active:
        graph.add_node(thema, label=label(network, thema), code=network.nodes[thema].get("code"))
    for _, _, data in graph.edges(data=True):
        data["weight"] = sum(data[ax] for ax in axes) / len(axes)
    return graph


def find_theme(network: nx.MultiDiGraph, text: str) -> str:
    """The theme IRI for what a person types: IRI, slug, name, abbreviation or code."""
    from ..errors import KennisgraafError

    key = text.casefold().strip()
    table: dict[str, set[str]] = {}
    for thema in nodes_of(network, "thema"):
        data = network.nodes[thema]
        for name in (thema, _slug(thema), data["label"], data.get("code") or "", *data.get("namen", ())):
            table.setdefault(name.casefold().strip(), set()).add(thema)
    found = table.get(key, set())
    if len(found) == 1:
        return next(iter(found))
    import difflib

    known = sorted({network.nodes[t]["label"] for t in nodes_of(network, "thema")})
    close = difflib.get_close_matches(text, known, n=3, cutoff=0.4)
    from ..resolve import unknown_name

    raise KennisgraafError(unknown_name("", "thema", text, close, theme_choices(network)))


def theme_choices(network: nx.MultiDiGraph) -> str:
    """The themes a person can pick, sub-themes shown as such (one definition: counted_themes)."""
    counted = counted_themes(network)
    subs = [t for t in nodes_of(network, "thema") if t not in counted]
    text = "Thema's: " + ", ".join(label(network, t) for t in counted)
    if subs:
        text += "; subthema's: " + ", ".join(
            f"{label(network, t)} (van {', '.join(label(network, p) for p in targets(network, t, 'kn:subthemaVan'))})"
            for t in subs
        )
    return text
