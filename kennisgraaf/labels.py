"""Show people labels, not IRIs: one bound query fetches the names of every IRI in a result."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pyoxigraph as ox

from . import sparql
from .namespaces import DCTERMS, ORG, RDF, RDFS, SCHEMA, SKOS
from .slugs import local_name

LABELS = sparql.text("labels")


#: Dutch names for the standard terms the data uses but whose vocabularies are not in the graph
STANDARD_LABELS = {
    SKOS[local]: name
    for local, name in (
        ("prefLabel", "naam"),
        ("altLabel", "andere naam"),
        ("notation", "code"),
        ("inScheme", "in schema"),
        ("broader", "breder begrip"),
        ("narrower", "smaller begrip"),
        ("related", "verwant begrip"),
        ("scopeNote", "toelichting"),
        ("definition", "definitie"),
        ("topConceptOf", "topbegrip van"),
        ("hasTopConcept", "topbegrip"),
        ("broaderTransitive", "breder begrip (afgeleid)"),
        ("Concept", "begrip"),
    )
} | {
    DCTERMS["title"]: "titel",
    DCTERMS["issued"]: "uitgegeven",
    RDF["type"]: "soort",
    RDFS["label"]: "label",
    RDFS["comment"]: "opmerking",
    RDFS["seeAlso"]: "zie ook",
    ORG["hasMember"]: "heeft lid",
    ORG["memberOf"]: "lid van",
    ORG["postIn"]: "functie bij",
    ORG["holds"]: "bekleedt",
    SCHEMA["startDate"]: "datum",
    "http://schema.org/startDate": "datum",  # the http form some data still uses
}


def name_of(iri: str, label: str | None = None) -> str:
    """The name a person sees for an IRI: its label when it has one, else the IRI's local name.

    The one fallback for every table, view, report and message, so an unlabelled item is
    called the same everywhere (`labels.get(iri)` is the usual second argument).

    >>> name_of("https://w3id.org/kennisgraaf/id/thema/water", None)
    'water'
    >>> name_of("https://w3id.org/kennisgraaf/id/thema/water", "Water")
    'Water'
    """
    return label or local_name(iri)


def best_label(iri: str, found: Mapping[str, Iterable[str]] | None, order: Sequence[str]) -> str:
    """The one preference rule: the first kind of name in `order` the item has (of several of
    that kind, the first alphabetically), else the local name. `found` maps a kind of name
    to the item's names of that kind; the network loader and `label_map` both choose so.

    >>> best_label("urn:x/wk", {"code": ["WK"], "pref": ["Waterkwaliteit"]}, ("pref", "titel", "code"))
    'Waterkwaliteit'
    """
    for kind in order:
        names = (found or {}).get(kind)
        if names:
            return min(names)
    return local_name(iri)


#: the ranks the labels query gives: skos:prefLabel, dcterms:title, rdfs:label
_RANKS = ("1", "2", "3")


def label_map(store, iris: set[str]) -> dict[str, str]:
    """IRI → its Dutch (or untagged) label, preferring skos:prefLabel, then title, then rdfs:label;
    standard terms without a label in the graph get their Dutch name from STANDARD_LABELS."""
    if not iris:
        return {}
    results = store.select(LABELS, {"item": [ox.NamedNode(i) for i in sorted(iris)]})
    found: dict[str, dict[str, list[str]]] = {}
    for row in results.rows:
        found.setdefault(row["item"].value, {}).setdefault(str(int(row["rank"].value)), []).append(row["label"].value)
    standard = {iri: STANDARD_LABELS[iri] for iri in iris if iri in STANDARD_LABELS}
    return standard | {iri: best_label(iri, names, _RANKS) for iri, names in found.items()}


def with_labels(store, results):
    """A copy of a SelectResult in which every IRI with a label is replaced by that label."""
    from .store import SelectResult

    iris = {t.value for row in results.rows for t in row.values() if isinstance(t, ox.NamedNode)}
    names = label_map(store, iris)
    rows = [
        {
            k: (ox.Literal(names[t.value]) if isinstance(t, ox.NamedNode) and t.value in names else t)
            for k, t in row.items()
        }
        for row in results.rows
    ]
    return SelectResult(results.variables, rows)
