"""Stage 2: SHACL validation (pySHACL) of the asserted graph against ontology/shapes.ttl.

Each problem becomes a `Violation` that names what a regisseur recognises: the label of
the node, the property, the message, and the plan file (and plan line) it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS

from .load import parse_source, union
from .namespaces import KN
from .sources import DataFolder, SourceFile

SEVERITY_NL = {
    str(SH.Violation): "fout",
    str(SH.Warning): "waarschuwing",
    str(SH.Info): "info",
}


@dataclass(frozen=True)
class Violation:
    severity: str
    node: str
    label: str
    path: str
    message: str
    value: str
    source: str  # the Turtle file that states the node
    line: int | None  # kn:bronRegel of the node in the plan text, if any

    @property
    def is_error(self) -> bool:
        return self.severity == "fout"


def label_of(graph: Graph, node) -> str:
    for prop in (SKOS.prefLabel, DCTERMS.title, RDFS.label):
        value = graph.value(node, prop)
        if value is not None:
            return str(value)
    return graph.namespace_manager.normalizeUri(node) if isinstance(node, URIRef) else str(node)


def short(graph: Graph, node) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return graph.namespace_manager.normalizeUri(node)
    return str(node)


def load_shapes(folder: DataFolder) -> Graph:
    shapes = Graph()
    parse_source(SourceFile(folder.shapes_file, "ontology/shapes.ttl", "turtle"), shapes)
    return shapes


def validate(dataset: Dataset, folder: DataFolder, data: Graph | None = None) -> list[Violation]:
    """Every SHACL result, errors first; an empty list means the data conforms.

    `data` is the union of the dataset's graphs when the caller already made it.
    """
    from pyshacl import validate as shacl_validate

    data = union(dataset) if data is None else data
    _, report, _ = shacl_validate(
        data, shacl_graph=load_shapes(folder), inference="none", advanced=True, allow_warnings=True
    )
    origin = _origins(dataset, folder)
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        node = report.value(result, SH.focusNode)
        line = data.value(node, URIRef(KN.bronRegel))
        found.append(
            Violation(
                severity=SEVERITY_NL.get(str(report.value(result, SH.resultSeverity)), "fout"),
                node=str(node),
                label=label_of(data, node),
                path=short(data, report.value(result, SH.resultPath)),
                message=str(report.value(result, SH.resultMessage) or ""),
                value=short(data, report.value(result, SH.value)),
                source=origin.get(node, ""),
                line=int(line) if line is not None else None,
            )
        )
    found += run_checks(dataset, folder, data, origin)
    found += check_source_lines(data, folder, origin, dataset)
    found.sort(key=lambda v: (not v.is_error, v.source, v.label, v.path))
    return found


def run_checks(dataset: Dataset, folder: DataFolder, data: Graph, origin: dict) -> list[Violation]:
    """Integrity rules as `queries/checks/*-violation.rq`: each row they return is an error."""
    import pyoxigraph as ox

    from .queries import parse_header
    from .tables import compact

    checks = sorted((folder.queries_dir / "checks").glob("*-violation.rq"))
    if not checks:
        return []
    store = ox.Store()
    store.load(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    found = []
    for path in checks:
        text = path.read_text(encoding="utf-8")
        title = parse_header(path.stem, path, text).title or path.stem
        for row in store.query(text, use_default_graph_as_union=True):
            node = URIRef(row["item"].value)
            line = data.value(node, URIRef(KN.bronRegel))
            found.append(
                Violation(
                    severity="fout",
                    node=str(node),
                    label=label_of(data, node),
                    path=compact(row["eigenschap"].value),
                    message=f"{title} ({path.name})",
                    value=compact(row["waarde"].value)
                    if isinstance(row["waarde"], ox.NamedNode)
                    else str(row["waarde"].value),
                    source=origin.get(node, ""),
                    line=int(line) if line is not None else None,
                )
            )
    return found


def check_source_lines(data: Graph, folder: DataFolder, origin: dict,
                       dataset: Dataset | None = None) -> list[Violation]:
    """Every kn:bronRegel must point at a line that exists in its plan's text.

    A recurring meeting is named by several plans (one per year): each plan file states its own
    kn:inPlan and kn:bronRegel, so a line is checked against the plan stated in the same named
    graph, and a fault is blamed on that file.
    """
    bron, plan_of, document, filename = (URIRef(KN.bronRegel), URIRef(KN.inPlan), URIRef(KN.bronDocument),
                                         URIRef(KN.bestandsnaam))
    by_graph = {source.graph_iri: source.relative for source in folder.sources()}
    statements = ([(s, o, g) for s, _p, o, g in dataset.quads((None, bron, None, None))] if dataset is not None
                  else [(s, o, None) for s, o in data.subject_objects(bron)])
    lengths: dict[str, int] = {}
    found = []
    for item, line, graph in statements:
        same = list(dataset.graph(graph).objects(item, plan_of)) if graph is not None else []
        plans = same or list(data.objects(item, plan_of)) or [item]
        where = by_graph.get(str(getattr(graph, "identifier", graph)), origin.get(item, "")) if graph is not None \
            else origin.get(item, "")
        for plan in plans:
            name = data.value(data.value(plan, document), filename)
            if name is None:
                continue
            path = folder.sources_texts_dir / str(name)
            if str(name) not in lengths:
                lengths[str(name)] = len(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else 0
            if not 1 <= int(line) <= lengths[str(name)]:
                why = (f"regel {line} bestaat niet in {name} ({lengths[str(name)]} regels)" if lengths[str(name)]
                       else f"brontekst {name} ontbreekt in {folder.sources_texts_dir}")
                found.append(Violation("fout", str(item), label_of(data, item), "kn:bronRegel", why,
                                       str(line), where, int(line)))
    return found


def _origins(dataset: Dataset, folder: DataFolder) -> dict:
    """Which source file states each subject (the first, in load order)."""
    by_graph = {source.graph_iri: source.relative for source in folder.sources()}
    origin: dict = {}
    for s, _p, _o, g in dataset.quads((None, None, None, None)):
        name = str(g.identifier if hasattr(g, "identifier") else g)
        origin.setdefault(s, by_graph.get(name, name))
    return origin
