"""Every namespace the project uses, in one place.

Queries, Turtle files and Python code must agree on prefixes; `PREFIXES` is what user
queries get predeclared, and a test checks that every prefix in `queries/` is one of these.
"""

from __future__ import annotations


class Namespace(str):
    """An IRI prefix; `NS.term` and `NS["term"]` give the full IRI as a plain string.

    Deliberately not rdflib's Namespace: commands that only query the cached build must
    not pay rdflib's import time. Code that works on rdflib graphs wraps these in URIRef.
    """

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return str(self) + name

    def __getitem__(self, name) -> str:  # type: ignore[override]
        if isinstance(name, str):
            return str(self) + name
        return str.__getitem__(self, name)


RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")

BASE = "https://w3id.org/kennisgraaf/"

KN = Namespace(BASE + "def#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: kinds of resources under BASE/id/<kind>/ — the prefix name is the Dutch kind.
ID_KINDS = {
    "thema": "thema",
    "plan": "plan",
    "product": "product",
    "organisatie": "organisatie",
    "persoon": "persoon",
    "post": "post",
    "overleg": "overleg",
    "bijeenkomst": "bijeenkomst",
    "wet": "wet",
    "onderwerp": "onderwerp",
    "vorm": "vorm",
    "status": "status",
    "kwartaal": "kwartaal",
    "overdracht": "overdracht",
    "platform": "platform",
    "programmalijn": "programmalijn",
    "begroting": "begrotingspost",
    "aangedragen": "aangedragen",
    "samenwerking": "samenwerking",
    "document": "document",
    "orgsoort": "organisatiesoort",
    "wetsoort": "wetsoort",
    "schema-id": "schema",
}
ID = {prefix: Namespace(f"{BASE}id/{kind}/") for prefix, kind in ID_KINDS.items()}
THEMA = ID["thema"]

GRAPH_BASE = BASE + "graph/"
#: where owlrl's entailments live, apart from every asserted graph
INFERRED_GRAPH = GRAPH_BASE + "inferred"

PREFIXES: dict[str, str] = {
    "kn": str(KN),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "eli": str(ELI),
    **{p: str(ns) for p, ns in ID.items() if p != "schema-id"},
}


def sparql_prologue(prefixes: dict[str, str] = PREFIXES) -> str:
    """The PREFIX lines for a query that should not need to declare its own."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items())


def bind_all(graph) -> None:
    """Bind the project prefixes on an rdflib graph, so serialisations read well."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
