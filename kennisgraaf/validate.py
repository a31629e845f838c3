"""Stage 2: validation of the asserted graph: literals, SHACL (pySHACL), integrity checks, plan lines.

Each problem becomes a `Violation` that names what a regisseur recognises: the label of
the node, the property, the message, and the plan file (and plan line) it comes from.

pySHACL stays the SHACL engine (no faster engine on PyPI was shown to give its exact
results); it needs an rdflib graph, so the asserted triples are copied into one here, and
only here. Literals that do not fit their datatype are reported first, by node and
property, before rdflib ever sees them (rdflib would log a traceback for each).
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager

import pyoxigraph as ox

from .errors import QueryError, SourceError
from .namespaces import DCTERMS, INFERRED_GRAPH, KN, RDFS, SKOS, XSD
from .sources import DataFolder, SourceFile
from .violations import Violation

__all__ = ["Violation", "validate", "to_rdflib"]

SEVERITY_NL = {
    "http://www.w3.org/ns/shacl#Violation": "fout",
    "http://www.w3.org/ns/shacl#Warning": "waarschuwing",
    "http://www.w3.org/ns/shacl#Info": "info",
}
_INT = r"[+-]?\d+"
#: lexical forms (XML Schema 1.1) of the datatypes the data uses; others are left to SHACL
LEXICAL = {
    XSD.integer: _INT,
    XSD.int: _INT,
    XSD.long: _INT,
    XSD.positiveInteger: r"\+?0*[1-9]\d*",
    XSD.nonNegativeInteger: r"\+?\d+|-0+",
    XSD.decimal: r"[+-]?(\d+(\.\d*)?|\.\d+)",
    XSD.double: r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN",
    XSD.float: r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|-INF|NaN",
    XSD.boolean: r"true|false|1|0",
    XSD.date: r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?",
    XSD.gYear: r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?",
}
_LEXICAL = {dt: re.compile(rf"(?:{rx})\Z") for dt, rx in LEXICAL.items()}
_CHECK_COLUMNS = {"item", "eigenschap", "waarde"}
_NOT_INFERRED = f"FILTER(?g != <{INFERRED_GRAPH}>)"


def _ox_short(term) -> str:
    from .tables import compact

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    return str(term.value) if hasattr(term, "value") else str(term)


class Facts:
    """Lookups every check needs on the asserted graph: labels, plan lines, origins."""

    def __init__(self, store: ox.Store, folder: DataFolder):
        self.store, self.folder = store, folder
        self.origin = _origins(store, folder)

    def _value(self, node: ox.NamedNode | ox.BlankNode, prop: str):
        for quad in self.store.quads_for_pattern(node, ox.NamedNode(prop), None):
            if quad.graph_name != ox.NamedNode(INFERRED_GRAPH):
                return quad.object
        return None

    def label(self, node) -> str:
        for prop in (SKOS.prefLabel, DCTERMS["title"], RDFS.label):
            value = self._value(node, prop) if not isinstance(node, ox.Literal) else None
            if value is not None:
                return str(value.value)
        from .labels import name_of  # one fallback for an IRI without a label: its local name

        return name_of(node.value) if isinstance(node, ox.NamedNode) else _ox_short(node)

    def line(self, node) -> int | None:
        """The node's kn:bronRegel as a number; an ill-typed one is reported elsewhere."""
        if isinstance(node, ox.Literal):
            return None
        value = self._value(node, KN.bronRegel)
        return plan_line(value)

    def violation(self, severity, node, path, message, value, source=None, line=None) -> Violation:
        """A finding about `node`; its file and plan line unless the caller knows better."""
        return Violation(
            severity=severity,
            node=str(node.value) if hasattr(node, "value") else str(node),
            label=self.label(node),
            path=path,
            message=message,
            value=value,
            source=source or self.origin.get(node, ""),
            line=line or self.line(node),
        )


def plan_line(value) -> int | None:
    if isinstance(value, ox.Literal) and re.fullmatch(r"\+?\d{1,9}", value.value):
        return int(value.value)
    return None


def validate(store: ox.Store, folder: DataFolder) -> list[Violation]:
    """Every finding, errors first; an empty list means the data conforms.

    `store` may also be an rdflib Dataset (authoring edits plans with rdflib).
    """
    if not isinstance(store, ox.Store):
        from .load import from_rdflib

        store = from_rdflib(store)
    facts = Facts(store, folder)
    found = check_literals(facts)
    if not found:  # ill-typed literals would make SHACL and the checks report noise
        found += check_shapes(facts)
        found += run_checks(facts)
        found += check_source_lines(facts)
    found.sort(key=lambda v: (not v.is_error, v.source, v.label, v.path))
    return found


def check_literals(facts: Facts) -> list[Violation]:
    """A literal whose text does not fit its datatype ("abc" as xsd:integer): node, property, value."""
    found = []
    query = (
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o) && datatype(?o) IN ("
        + ", ".join(f"<{dt}>" for dt in _LEXICAL)
        + ")) "
        + _NOT_INFERRED
        + " }"
    )
    for row in facts.store.query(query):
        literal = row["o"]
        if not _LEXICAL[literal.datatype.value].match(literal.value):
            found.append(
                facts.violation(
                    "fout",
                    row["s"],
                    _ox_short(row["p"]),
                    f"waarde {literal.value!r} past niet bij het datatype {_ox_short(literal.datatype)}",
                    "",
                )
            )
    return found


@contextmanager
def _quiet_rdflib():
    """rdflib logs a traceback for every literal it cannot convert; ours are checked already."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def to_rdflib(store: ox.Store, graph_name: str | None = None):
    """The asserted triples of every source graph (or of one graph) as one rdflib Graph."""
    from rdflib import BNode, Graph, Literal, URIRef

    from .namespaces import bind_all

    graph = Graph()
    bind_all(graph)
    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            if isinstance(t, ox.NamedNode):
                found = URIRef(t.value)
            elif isinstance(t, ox.BlankNode):
                found = BNode(t.value)
            elif t.language:
                found = Literal(t.value, lang=t.language)
            else:
                found = Literal(t.value, datatype=URIRef(t.datatype.value))
            cache[t] = found
        return found

    inferred = ox.NamedNode(INFERRED_GRAPH)
    pattern_graph = ox.NamedNode(graph_name) if graph_name else None
    add = graph.add
    with _quiet_rdflib():
        for q in store.quads_for_pattern(None, None, None, pattern_graph):
            if q.graph_name != inferred:
                add((term(q.subject), term(q.predicate), term(q.object)))
    return graph


def load_shapes(folder: DataFolder):
    from rdflib import Graph

    from .load import parse_source

    shapes = ox.Store()
    parse_source(SourceFile(folder.shapes_file, "ontology/shapes.ttl", "turtle"), shapes)
    graph = to_rdflib(shapes)
    return graph if len(graph) else Graph()


def check_shapes(facts: Facts) -> list[Violation]:
    from pyshacl import validate as shacl_validate
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import RDF, SH

    data = to_rdflib(facts.store)
    _, report, _ = shacl_validate(
        data, shacl_graph=load_shapes(facts.folder), inference="none", advanced=True, allow_warnings=True
    )

    def back(term):
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, Literal):
            return ox.Literal(str(term))
        return None

    def short(term) -> str:
        if term is None:
            return ""
        return data.namespace_manager.normalizeUri(term) if isinstance(term, URIRef) else str(term)

    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        node = back(report.value(result, SH.focusNode))
        found.append(
            facts.violation(
                SEVERITY_NL.get(str(report.value(result, SH.resultSeverity)), "fout"),
                node,
                short(report.value(result, SH.resultPath)),
                str(report.value(result, SH.resultMessage) or ""),
                short(report.value(result, SH.value)),
            )
        )
    return found


def run_checks(facts: Facts) -> list[Violation]:
    """Integrity rules as `queries/checks/*-violation.rq`: each row they return is an error.

    They pass the same read-only guard as any user query: a check is text from the data
    folder, and a SERVICE in it must not make the build call another server.
    """
    from .queries import parse_header
    from .sparql_guard import check_read_only

    found = []
    for relative, path in facts.folder.validation_inputs():
        if not (relative.startswith("queries/checks/") and path.name.endswith("-violation.rq")):
            continue
        try:
            text = path.read_text(encoding="utf-8")
            check_read_only(text)
            solutions = facts.store.query(text, use_default_graph_as_union=True)
            if not isinstance(solutions, ox.QuerySolutions) or not _CHECK_COLUMNS <= {
                v.value for v in solutions.variables
            }:
                raise SourceError(
                    relative, None, "een controle moet een SELECT zijn die ?item, ?eigenschap en ?waarde geeft"
                )
            rows = list(solutions)
        except UnicodeDecodeError as err:
            raise SourceError(relative, None, f"geen UTF-8 ({err.reason})") from None
        except QueryError as err:
            raise SourceError(relative, None, str(err)) from None
        except SyntaxError as err:
            from .load import syntax_message

            raise SourceError(relative, err.lineno, f"SPARQL-fout: {syntax_message(err)}") from None
        except (OSError, RuntimeError) as err:
            raise SourceError(relative, None, f"controle kan niet worden uitgevoerd: {err}") from None
        title = parse_header(path.stem, path, text).title or path.stem
        for row in rows:
            found.append(
                facts.violation(
                    "fout",
                    row["item"],
                    _ox_short(row["eigenschap"]),
                    f"{title} ({path.name})",
                    _ox_short(row["waarde"]),
                )
            )
    return found


def check_source_lines(facts: Facts) -> list[Violation]:
    """Every kn:bronRegel must point at a line that exists in its plan's text, and every
    kn:bestandsnaam at a file inside the data folder's plan texts (nothing outside is read).

    A recurring meeting is named by several plans (one per year): each plan file states its own
    kn:inPlan and kn:bronRegel, so a line is checked against the plan stated in the same named
    graph, and a fault is blamed on that file.
    """
    query = """SELECT ?item ?line ?g ?name WHERE {
      GRAPH ?g { ?item kn:bronRegel ?line OPTIONAL { ?item kn:inPlan ?same } } FILTER(?g != ?inferred)
      OPTIONAL { ?item kn:inPlan ?any FILTER(!BOUND(?same)) }
      BIND(COALESCE(?same, ?any, ?item) AS ?plan)
      ?plan kn:bronDocument/kn:bestandsnaam ?name }"""
    by_graph = {source.graph_iri: source.relative for source in facts.folder.sources()}
    lengths: dict[str, int | None] = {}
    found = []
    rows = facts.store.query(
        query.replace("?inferred", f"<{INFERRED_GRAPH}>"), prefixes={"kn": KN}, use_default_graph_as_union=True
    )
    for row in rows:
        item, line, name = row["item"], row["line"], str(row["name"].value)
        where = by_graph.get(row["g"].value)
        number = plan_line(line)
        if name not in lengths:
            path = facts.folder.text_path(name)
            lengths[name] = (
                None
                if path is None
                else (len(path.read_text(encoding="utf-8", errors="replace").splitlines()) if path.is_file() else 0)
            )
        length = lengths[name]
        if length is None:
            found.append(
                facts.violation(
                    "fout",
                    item,
                    "kn:bestandsnaam",
                    f"brontekst {name} ligt buiten de datamap; die wordt niet gelezen",
                    name,
                    source=where,
                )
            )
        elif number is None or not 1 <= number <= length:
            why = (
                f"regel {line.value} bestaat niet in {name} ({length} regels)"
                if length
                else f"brontekst {name} ontbreekt in {facts.folder.sources_texts_dir}"
            )
            found.append(facts.violation("fout", item, "kn:bronRegel", why, str(line.value), source=where, line=number))
    return found


def _origins(store: ox.Store, folder: DataFolder) -> dict:
    """Which source file states each subject (the first, in load order)."""
    origin: dict = {}
    known = set()
    for source in folder.sources():
        if source.format == "trig":
            continue
        known.add(source.graph_iri)
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(source.graph_iri)):
            origin.setdefault(quad.subject, source.relative)
    for graph in store.named_graphs():  # graphs a TriG file names itself
        if graph.value in known or graph.value == INFERRED_GRAPH:
            continue
        for quad in store.quads_for_pattern(None, None, None, graph):
            origin.setdefault(quad.subject, graph.value)
    return origin
