"""Show people labels, not IRIs: one bound query fetches the names of every IRI in a result."""

from __future__ import annotations

import pyoxigraph as ox

LABELS = """
SELECT ?item ?label ?rank WHERE {
  { ?item skos:prefLabel ?label BIND(1 AS ?rank) }
  UNION { ?item dcterms:title ?label BIND(2 AS ?rank) }
  UNION { ?item rdfs:label ?label BIND(3 AS ?rank) }
  FILTER(LANG(?label) IN ("nl", ""))
}
"""


#: Dutch names for the standard terms the data uses but whose vocabularies are not in the graph
STANDARD_LABELS = {
    "http://www.w3.org/2004/02/skos/core#" + local: name
    for local, name in (("prefLabel", "naam"), ("altLabel", "andere naam"), ("notation", "code"),
                        ("inScheme", "in schema"), ("broader", "breder begrip"), ("narrower", "smaller begrip"),
                        ("related", "verwant begrip"), ("scopeNote", "toelichting"), ("definition", "definitie"),
                        ("topConceptOf", "topbegrip van"), ("hasTopConcept", "topbegrip"),
                        ("broaderTransitive", "breder begrip (afgeleid)"), ("Concept", "begrip"))
} | {
    "http://purl.org/dc/terms/title": "titel", "http://purl.org/dc/terms/issued": "uitgegeven",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "soort",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
    "http://www.w3.org/2000/01/rdf-schema#comment": "opmerking",
    "http://www.w3.org/2000/01/rdf-schema#seeAlso": "zie ook",
    "http://www.w3.org/ns/org#hasMember": "heeft lid", "http://www.w3.org/ns/org#memberOf": "lid van",
    "http://www.w3.org/ns/org#postIn": "functie bij", "http://www.w3.org/ns/org#holds": "bekleedt",
    "https://schema.org/startDate": "datum", "http://schema.org/startDate": "datum",
}


def label_map(store, iris: set[str]) -> dict[str, str]:
    """IRI → its Dutch (or untagged) label, preferring skos:prefLabel, then title, then rdfs:label;
    standard terms without a label in the graph get their Dutch name from STANDARD_LABELS."""
    if not iris:
        return {}
    results = store.select(LABELS, {"item": [ox.NamedNode(i) for i in sorted(iris)]})
    best: dict[str, tuple[int, str]] = {}
    for row in results.rows:
        iri, rank, label = row["item"].value, int(row["rank"].value), row["label"].value
        if iri not in best or (rank, label) < best[iri]:
            best[iri] = (rank, label)
    found = {iri: STANDARD_LABELS[iri] for iri in iris if iri in STANDARD_LABELS}
    return found | {iri: label for iri, (_, label) in best.items()}


def with_labels(store, results):
    """A copy of a ResultSet in which every IRI with a label is replaced by that label."""
    from .store import ResultSet

    iris = {t.value for row in results.rows for t in row.values() if isinstance(t, ox.NamedNode)}
    names = label_map(store, iris)
    rows = [
        {k: (ox.Literal(names[t.value]) if isinstance(t, ox.NamedNode) and t.value in names else t)
         for k, t in row.items()}
        for row in results.rows
    ]
    return ResultSet(results.variables, rows)
