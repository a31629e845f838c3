"""The registers a workbook and a plan text are checked against, read from the data folder.

Only the register files and the ontology's vocabularies are parsed (no build, no reasoning),
so `werkboek`, `inlezen` and `scan` work on a data folder that does not build yet. The names
are indexed by `resolve.NameIndex`, the one matching rule of the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ..load import parse_source
from ..namespaces import DCTERMS, ID, SKOS, bind_all
from ..resolve import NameIndex
from ..sources import DataFolder, SourceFile
from .columns import REGISTER_KINDS

#: the register kinds with the IRI namespace their items live in
KIND_NAMESPACE = {kind: str(ID[kind]) for kind in REGISTER_KINDS}
NAME_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, SKOS.notation, DCTERMS["title"])


@dataclass
class Registers:
    graph: Graph
    indexes: dict[str, NameIndex] = field(default_factory=dict)
    #: register file of each kind that takes new items (--nieuw-toevoegen)
    files: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: DataFolder) -> Registers:
        graph = Graph()
        bind_all(graph)
        files = {}
        for source in folder.sources():
            if source.relative.startswith(("graph/registers/", "ontology/vocabularies/")):
                parse_source(source, graph)
                files[Path(source.relative).stem] = source.path
        registers = cls(graph, files=files)
        registers.reindex()
        return registers

    def reindex(self) -> None:
        self.indexes = {kind: NameIndex() for kind in KIND_NAMESPACE}
        for prop in NAME_PROPERTIES:
            for item, label in self.graph.subject_objects(URIRef(prop)):
                kind = self.kind_of(str(item))
                if kind is not None and isinstance(label, Literal):
                    dutch = label.language in (None, "nl")
                    self.indexes[kind].add(str(item), str(label), preferred=prop == SKOS.prefLabel and dutch)

    def kind_of(self, iri: str) -> str | None:
        for kind, namespace in KIND_NAMESPACE.items():
            if iri.startswith(namespace):
                return kind
        return None

    def add_plan_texts(self, folder: DataFolder) -> None:
        """Meetings are not a register but recur across plans: index every plan's overleggen."""
        index = self.indexes.setdefault("overleg", NameIndex())
        plans = Graph()
        for source in folder.sources():
            if source.relative.startswith("graph/plans/"):
                parse_source(SourceFile(source.path, source.relative, source.format), plans)
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for item, label in plans.subject_objects(URIRef(prop)):
                if str(item).startswith(str(ID["overleg"])):
                    index.add(str(item), str(label), preferred=prop == SKOS.prefLabel)
