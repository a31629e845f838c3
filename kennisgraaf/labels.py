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


def label_map(store, iris: set[str]) -> dict[str, str]:
    """IRI → its Dutch (or untagged) label, preferring skos:prefLabel, then title, then rdfs:label."""
    if not iris:
        return {}
    results = store.select(LABELS, {"item": [ox.NamedNode(i) for i in sorted(iris)]})
    best: dict[str, tuple[int, str]] = {}
    for row in results.rows:
        iri, rank, label = row["item"].value, int(row["rank"].value), row["label"].value
        if iri not in best or (rank, label) < best[iri]:
            best[iri] = (rank, label)
    return {iri: label for iri, (_, label) in best.items()}


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
