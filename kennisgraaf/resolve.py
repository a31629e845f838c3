"""Turn what a person types ("pfas", "RIVM", "waterkwaliteit", "Q2") into an RDF term.

A bare quarter ("Q2") means that quarter of a year that has plans; once two plan years
are loaded it is ambiguous and the user is asked for "2027-Q2".

Candidates and their labels come from the graph itself (bound with VALUES, never pasted),
so a 2027 organisation is found without code changes. An unknown value gets the closest
matches in the error message.
"""

from __future__ import annotations

import difflib
import re

import pyoxigraph as ox

from .errors import QueryError
from .namespaces import ID, KN, ORG, PROV, XSD
from .namespaces import SKOS as _SKOS

#: parameter kind → the class its values belong to
KIND_CLASS = {
    "thema": str(KN.Thema),
    "plan": str(KN.Kennisplan),
    "organisatie": str(ORG.Organization),
    "onderwerp": str(_SKOS.Concept),
    "wet": str(KN.Wet),
    "kwartaal": str(KN.Kwartaal),
    "status": str(_SKOS.Concept),
    "vorm": str(_SKOS.Concept),
    "product": str(KN.Kennisproduct),
    "overdracht": str(KN.Regieoverdracht),
    "overleg": str(KN.Overleg),
    "persoon": str(KN.Persoon),
    "item": str(PROV.Entity),  # anything a plan states with a source line
}
#: kinds whose values share a class are told apart by their IRI namespace
#: kinds where one typed name may stand for several items at once (a product and its event)
MULTI_KINDS = {"item"}
KIND_NAMESPACE = {"onderwerp": str(ID["onderwerp"]), "status": str(ID["status"]), "vorm": str(ID["vorm"])}

CANDIDATES = """
SELECT ?item ?label WHERE {
  ?item a ?class .
  { ?item skos:prefLabel|skos:altLabel|dcterms:title|skos:notation ?label }
  UNION { ?item a kn:Kwartaal ; kn:volgnummer ?n ; kn:jaar ?jaar . BIND(CONCAT("Q", STR(?n)) AS ?label)
          FILTER EXISTS { ?plan a kn:Kennisplan ; kn:jaar ?jaar } }
}
"""


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _labelled(store, kind: str) -> list[tuple[str, str]]:
    """(IRI, label as written) for every item of this kind."""
    results = store.select(CANDIDATES, {"class": ox.NamedNode(KIND_CLASS[kind])})
    namespace = KIND_NAMESPACE.get(kind)
    return [(row["item"].value, row["label"].value) for row in results.rows
            if not namespace or row["item"].value.startswith(namespace)]


def candidates(store, kind: str, labelled: list[tuple[str, str]] | None = None) -> dict[str, set[str]]:
    """label (casefolded) → IRIs, for every item of this kind, its slug included."""
    table: dict[str, set[str]] = {}
    for iri, label in labelled if labelled is not None else _labelled(store, kind):
        for key in (label, _slug(iri)):
            table.setdefault(key.casefold().strip(), set()).add(iri)
    return table


#: Dutch "het"-words take "onbekend", the others "onbekende" ("onbekend thema", "onbekende organisatie")
NEUTER = {"thema", "kwartaal", "item", "onderwerp", "overleg", "product", "getal"}


def unknown(kind: str) -> str:
    return ("onbekend " if kind in NEUTER else "onbekende ") + kind


def resolve(store, kind: str, raw: str, name: str = "") -> ox.NamedNode | ox.Literal | list[ox.NamedNode]:
    """One RDF term for a typed parameter value; a clear error when there is none.

    A name that several items carry (or, for items, that several names contain as a word)
    stands for all of them where the kind allows it, and otherwise the error lists them by
    name; suggestions are names as written, never internal ids."""
    what = f"parameter {name!r}" if name else kind
    if kind == "tekst":
        return ox.Literal(raw)
    if kind == "getal":
        try:
            return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))
        except ValueError:
            raise QueryError(f"{what}: {raw!r} is geen geheel getal") from None
    if kind not in KIND_CLASS:
        raise QueryError(f"{what}: onbekende soort parameter {kind!r}")
    labelled = _labelled(store, kind)
    table = candidates(store, kind, labelled)
    key = raw.casefold().strip()
    hits = table.get(key, set())
    if not hits and kind in MULTI_KINDS and key:  # "Staalslakken": every item whose name has it as a word
        word = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
        hits = {iri for iri, label in labelled if word.search(label.casefold())}
    if len(hits) == 1:
        return ox.NamedNode(next(iter(hits)))
    if len(hits) > 1 and kind in MULTI_KINDS:
        return [ox.NamedNode(h) for h in sorted(hits)]
    names = {}
    for iri, label in labelled:
        names.setdefault(iri, label)
    if len(hits) > 1:
        listed = sorted({names.get(h, _slug(h)) for h in hits}, key=str.casefold)
        raise QueryError(f"{what}: {raw!r} is niet eenduidig; kies een van: {', '.join(map(repr, listed))}")
    shown = {label.casefold().strip(): label for _, label in labelled}
    close = difflib.get_close_matches(key, list(shown), n=5, cutoff=0.5)
    if not close:
        close = [label for label in shown if key and key in label][:5]
    hint = f"; bedoelde u: {', '.join(repr(shown[c]) for c in close)}?" if close else ""
    raise QueryError(f"{what}: {unknown(kind)} {raw!r}{hint}")
