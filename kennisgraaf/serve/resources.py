"""What a resource page shows, as plain data: a node's properties, its incoming links, labels.

Every query here is fixed text with the resource bound as a VALUES term through the
Store interface, never pasted in. Labels come from `labels.label_map`, as in every other
command's output; a node without one shows its compact IRI.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .. import sparql
from ..labels import label_map
from ..namespaces import BASE, ID_KINDS, INFERRED_GRAPH, RDF
from ..slugs import local_name
from ..tables import compact

ID_BASE = BASE + "id/"
_SERVED = re.compile(r"id/.+|def(#.+)?|graph/.+", re.DOTALL)  # the paths under BASE that serve answers
MAX_STATEMENTS = 2000  # per direction on one resource page (bron-uit.rq and bron-in.rq ask one more)
MAX_LISTED = 5000  # resources on one listing page
#: XSD datatypes whose values read plainly without a tag (strings, numbers, booleans)
_PLAIN_TYPES = {
    "string",
    "integer",
    "decimal",
    "double",
    "float",
    "int",
    "long",
    "boolean",
    "nonNegativeInteger",
    "positiveInteger",
}

OUTGOING = sparql.text("bron-uit")
INCOMING = sparql.text("bron-in")
ALL_UNDER = sparql.text("bronnen-onder")


@dataclass
class Node:
    """One RDF term as a page shows it: text, and where it links to (None: no link)."""

    text: str
    iri: str | None = None
    href: str | None = None
    lang: str | None = None
    datatype: str | None = None  # compact, for non-string literals


@dataclass
class Statement:
    predicate: Node
    value: Node
    graphs: list[str] = field(default_factory=list)  # compact graph names, inferred last
    bron: str | None = None  # the plan line that states it: "kennisplan-2026-x.txt:123"

    @property
    def inferred_only(self) -> bool:
        return self.graphs == ["afgeleid"]


@dataclass
class ResourceView:
    iri: str
    label: str
    types: list[Node]
    outgoing: list[Statement]
    incoming: list[Statement]
    truncated: bool = False
    #: the SiteModel that cited the plan lines (serve: a theme page adds its products, partners, ...)
    model: object | None = field(default=None, repr=False, compare=False)


def local_path(iri: str) -> str | None:
    """`https://w3id.org/kennisgraaf/id/thema/x` → `/id/thema/x`, `…/def#Thema` → `/def#Thema`,
    `…/graph/inferred` → `/graph/inferred` (what serve answers); None for other IRIs."""
    if iri.startswith(BASE) and _SERVED.fullmatch(iri[len(BASE) :]):
        return "/" + iri[len(BASE) :]
    return None


def iri_for(kind: str, slug: str) -> str | None:
    """The IRI of /id/<kind>/<slug>, for a known kind only."""
    if kind not in ID_KINDS.values() or not slug or any(part in ("", ".", "..") for part in slug.split("/")):
        return None
    return f"{ID_BASE}{kind}/{slug}"


def _graph_name(iri: str) -> str:
    if iri == INFERRED_GRAPH:
        return "afgeleid"
    return iri.rsplit("/graph/", 1)[-1]


def node(term, names: dict[str, str]) -> Node:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        href = local_path(iri) or (iri if iri.startswith(("http://", "https://")) else None)
        return Node(names.get(iri) or compact(iri), iri=iri, href=href)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        plain = term.language or local_name(datatype) in _PLAIN_TYPES
        shown = None if plain else compact(datatype)
        return Node(term.value, lang=term.language or None, datatype=shown)
    return Node(f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term))


#: (subject, property, object) IRIs → the plan line that states it, or None
Cites = Callable[[str, str, str], "str | None"]


def _statements(iri: str, rows, value_key: str, names: dict[str, str], cites: Cites | None) -> list[Statement]:
    grouped: dict[tuple, list[str]] = defaultdict(list)
    terms = {}
    for row in rows:
        key = (row["p"].value, str(row[value_key]))
        terms[key] = (row["p"], row[value_key])
        grouped[key].append(_graph_name(row["g"].value))
    out = []
    for key, graphs in grouped.items():
        predicate, value = terms[key]
        ordered = sorted(set(graphs), key=lambda g: (g == "afgeleid", g))
        bron = None
        if cites is not None and isinstance(value, ox.NamedNode):
            s, o = (iri, value.value) if value_key == "o" else (value.value, iri)
            bron = cites(s, predicate.value, o)
        out.append(Statement(node(predicate, names), node(value, names), ordered, bron))
    out.sort(key=lambda s: (s.predicate.text.casefold(), s.value.text.casefold()))
    return out


def mentioned(iri: str, outgoing, incoming) -> set[str]:
    """Every IRI a page of `iri` shows, so one label query names them all."""
    found = {iri}
    for row in outgoing:
        found.add(row["p"].value)
        if isinstance(row["o"], ox.NamedNode):
            found.add(row["o"].value)
    for row in incoming:
        found.update((row["p"].value, row["x"].value))
    return found


def assemble(iri: str, outgoing, incoming, names: dict[str, str], cites: Cites | None = None) -> ResourceView:
    """The page of `iri` from its statement rows (bron-uit.rq / bron-in.rq shaped), cut to MAX_STATEMENTS."""
    truncated = len(outgoing) > MAX_STATEMENTS or len(incoming) > MAX_STATEMENTS
    out = _statements(iri, outgoing[:MAX_STATEMENTS], "o", names, cites)
    types = [s.value for s in out if s.predicate.iri == RDF.type]
    return ResourceView(
        iri=iri,
        label=names.get(iri) or compact(iri),
        types=list({t.iri: t for t in types}.values()),
        outgoing=[s for s in out if s.predicate.iri != RDF.type],
        incoming=_statements(iri, incoming[:MAX_STATEMENTS], "x", names, cites),
        truncated=truncated,
    )


def resource_view(store, iri: str, cites: Cites | None = None) -> ResourceView | None:
    """Everything the page of `iri` shows; None when the graph does not mention it."""
    subject = ox.NamedNode(iri)
    outgoing = store.select(OUTGOING, {"s": subject}).rows
    incoming = store.select(INCOMING, {"o": subject}).rows
    if not outgoing and not incoming:
        return None
    names = label_map(store, mentioned(iri, outgoing[:MAX_STATEMENTS], incoming[:MAX_STATEMENTS]))
    model = None
    if cites is None:  # the plan lines as the static site cites them (one model per store)
        from ..site.model import model_for

        model = model_for(store)
        cites = model.cites
    view = assemble(iri, outgoing, incoming, names, cites)
    view.model = model
    return view


def members(store, kind: str) -> tuple[list[Node], bool]:
    """Every resource under /id/<kind>/, by label; and whether the list was cut off."""
    namespace = f"{ID_BASE}{kind}/"
    rows = store.select(ALL_UNDER, {"ns": ox.Literal(namespace)}).rows
    iris = sorted(row["x"].value for row in rows)[:MAX_LISTED]
    names = label_map(store, set(iris))
    found = [node(ox.NamedNode(i), names) for i in iris]
    found.sort(key=lambda n: n.text.casefold())
    return found, len(rows) > MAX_LISTED


def kinds(store) -> list[tuple[str, int]]:
    """(kind, number of resources) for each kind under /id/ that the graph has."""
    rows = store.select(ALL_UNDER, {"ns": ox.Literal(ID_BASE)}).rows
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        kind = row["x"].value[len(ID_BASE) :].split("/", 1)[0]
        if kind in ID_KINDS.values():
            counts[kind] += 1
    return sorted(counts.items())
