"""Mapping the rows read from the store (reading.py) to the typed network the analyses use.

Nodes get a kind, a label and the values the analyses need (a product's budget, quarters,
form; a plan's totals and the lines that state them); IRI-to-IRI statements between two
nodes become edges keyed by their property, others (a form, a quarter) become attributes.
The property lists here are also what reading.py binds into its queries.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from ..labels import best_label
from ..namespaces import PREFIXES
from ..slugs import local_name as slug
from .builder import Builder
from .kinds import ITEM_KINDS

if TYPE_CHECKING:
    from .reading import Rows
    from .textlines import PlanTexts

#: IRI-to-IRI properties the loader reads (in the order the query has always listed them):
#: an edge between two nodes, else a node attribute (_ATTR_LINKS, quarters, budget lines)
LINK_PROPERTIES = (
    "kn:thema", "kn:inPlan", "kn:onderwerp", "kn:partner", "kn:stakeholder", "kn:noemtOrganisatie", "kn:wet",
    "kn:samenhangMet", "kn:naarThema", "kn:anderThema", "org:hasMember", "kn:beheerder", "skos:broader",
    "kn:subthemaVan", "kn:vanThema", "kn:raaktOnderwerp", "kn:werktMet", "kn:noemtWet", "kn:verwantMet",
    "kn:vorm", "kn:status", "kn:programmalijn", "kn:kwartaal", "kn:startKwartaal", "kn:eindKwartaal",
    "kn:begrotingspost", "kn:bronDocument", "kn:soort", "rdfs:seeAlso", "kn:vervolgOp", "kn:kennisregisseur",
    "kn:partnerThema", "kn:betreftProduct", "kn:implementeert",
)  # fmt: skip
#: literal-valued properties the loader reads (kept as attributes, see _LITERALS)
VALUE_PROPERTIES = (
    "kn:budget", "kn:budgetjaar", "kn:budgetTekst", "kn:planning", "kn:activiteitenbudget", "kn:tabelTotaal",
    "kn:jaar", "kn:bronRegel", "kn:volgnummer", "kn:perJaar", "kn:frequentie", "kn:aankomend", "schema:startDate",
    "kn:datumTekst", "kn:onderwerpTekst", "kn:voorwaarde", "kn:bestandsnaam", "kn:anderThemaTekst", "kn:actie",
    "kn:aard", "kn:citaat", "kn:inwerkingtreding", "kn:planningsgrafiek",
)  # fmt: skip

#: plan-level statements without a kn:bronRegel whose line is looked up in the plan text
_LOCATED = ("kn:samenhangMet", "kn:wet", "kn:onderwerp", "kn:partner")
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


def expand(curie: str) -> str:
    """`kn:inPlan` → its full IRI (the inverse of tables.compact, for the project prefixes)."""
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


def edge_properties() -> tuple[str, ...]:
    """The properties that become edges between two nodes (the rest become attributes)."""
    return tuple(p for p in LINK_PROPERTIES if p not in _ATTR_LINKS)


def drop_subsumed_mentions(g: nx.MultiDiGraph) -> None:
    """Plain partner/stakeholder mentions make kn:noemtOrganisatie by subproperty: keep only
    the mentions that were stated as such."""
    for s, o, p in list(g.edges(keys=True)):
        if p == "kn:noemtOrganisatie" and (g.has_edge(s, o, "kn:partner") or g.has_edge(s, o, "kn:stakeholder")):
            g.remove_edge(s, o, p)


def _label(found: dict[str, list[str]] | None, iri: str) -> str:
    return best_label(iri, found, ("pref", "titel", "code"))


def assemble(rows: Rows, texts: PlanTexts) -> nx.MultiDiGraph:
    """The typed network of `rows`; `texts` finds the lines of plan-level facts."""
    kinds, names, links, values = rows.kinds, rows.names, rows.links, rows.values
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
            attrs["code"] = (sorted(found.get("code", [""]))[0] or slug(iri)[:3]).upper()
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
    drop_subsumed_mentions(g)

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
    return slug(iri)


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
