"""Turn what a person types ("pfas", "RIVM", "waterkwaliteit", "Q2") into an RDF term.

A bare quarter ("Q2") means that quarter of a year that has plans; once two plan years
are loaded it is ambiguous and the user is asked for "2027-Q2".

Candidates and their labels come from the graph itself (bound with VALUES, never pasted),
so a 2027 organisation is found without code changes. An unknown value gets the closest
matches in the error message.
"""

from __future__ import annotations

import difflib

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


def candidates(store, kind: str) -> dict[str, set[str]]:
    """label (casefolded) → IRIs, for every item of this kind, its slug included."""
    results = store.select(CANDIDATES, {"class": ox.NamedNode(KIND_CLASS[kind])})
    namespace = KIND_NAMESPACE.get(kind)
    table: dict[str, set[str]] = {}
    for row in results.rows:
        iri = row["item"].value
        if namespace and not iri.startswith(namespace):
            continue
        for label in (row["label"].value, _slug(iri)):
            table.setdefault(label.casefold().strip(), set()).add(iri)
    return table


def resolve(store, kind: str, raw: str, name: str = "") -> ox.NamedNode | ox.Literal | list[ox.NamedNode]:
    """One RDF term for a typed parameter value; a clear error when there is none."""
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
    table = candidates(store, kind)
    key = raw.casefold().strip()
    hits = table.get(key, set())
    if len(hits) == 1:
        return ox.NamedNode(next(iter(hits)))
    if len(hits) > 1 and kind in MULTI_KINDS:
        return [ox.NamedNode(h) for h in sorted(hits)]
    if len(hits) > 1:
        from .tables import compact

        raise QueryError(f"{what}: {raw!r} is niet eenduidig: {', '.join(sorted(compact(h) for h in hits))}")
    close = difflib.get_close_matches(key, list(table), n=5, cutoff=0.5)
    if not close:
        close = [label for label in table if key and key in label][:5]
    hint = f"; bedoelde u: {', '.join(repr(c) for c in close)}?" if close else ""
    raise QueryError(f"{what}: onbekende {kind} {raw!r}{hint}")
