"""The two authoring steps over a data folder: a plan → its workbook, a workbook → its plan file.

`inlezen` writes nothing unless every cell is valid and the data folder with the new plan
passes `validate`; an existing plan file is replaced only when the caller says so after
seeing the diff (the CLI shows it).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from ..errors import KennisgraafError
from ..load import load_dataset
from ..namespaces import ID, RDF, SKOS, bind_all
from ..slugs import local_name
from ..sources import DataFolder
from ..validate import validate
from .columns import SHEETS
from .model import NEW_KINDS, AuthoringError, Result, from_rows, to_rows
from .registers import Registers
from .turtle import block_comments, serialise
from .workbook import read_workbook, write_workbook


def plan_path(folder: DataFolder, year: str, theme: str) -> Path:
    return folder.graph_dir / "plans" / str(year) / f"{theme}.ttl"


def resolve_theme(registers: Registers, raw: str) -> str:
    """The slug of a theme named by label, abbreviation or slug (--thema)."""
    hits = registers.indexes["thema"].lookup(raw)
    if len(hits) == 1:
        return local_name(next(iter(hits)))
    from ..resolve import unknown_name

    raise KennisgraafError(unknown_name("--thema", "thema", raw, registers.indexes["thema"].suggest(raw)[:1]))


def workbook_rows(folder: DataFolder, registers: Registers, theme: str, year: str) -> dict[str, list[dict]]:
    """The rows of an existing plan, or an empty workbook with only theme and year for a new one."""
    path = plan_path(folder, year, theme)
    if not path.is_file():
        label = registers.graph.value(URIRef(ID["thema"] + theme), URIRef(SKOS.prefLabel))
        return {"Plan": [{"Thema": str(label), "Jaar": int(year), "Naam": f"Kennisplan {label} {year}"}]}
    graph = Graph()
    bind_all(graph)
    graph.parse(path, format="turtle")
    comments = block_comments(path.read_text(encoding="utf-8"), lambda q: str(graph.namespace_manager.expand_curie(q)))
    return to_rows(graph, ID["plan"] + f"{year}-{theme}", registers, comments)


def write_plan_workbook(folder: DataFolder, theme_raw: str, year: str, out: Path) -> Path:
    registers = Registers.load(folder)
    theme = resolve_theme(registers, theme_raw)
    return write_workbook(workbook_rows(folder, registers, theme, year), registers, out)


@dataclass
class Inlezen:
    result: Result
    target: Path
    text: str
    old_text: str | None
    register_additions: dict[Path, str]

    @property
    def diff(self) -> str:
        old = (self.old_text or "").splitlines(keepends=True)
        new = self.text.splitlines(keepends=True)
        name = self.target.name
        return "".join(difflib.unified_diff(old, new, f"{name} (nu)", f"{name} (uit werkboek)"))

    @property
    def changed(self) -> bool:
        return self.old_text != self.text


def read_plan_workbook(path: Path, folder: DataFolder, add_new: bool = False) -> Inlezen:
    """Check the workbook and the data folder with it; raises before anything is written."""
    registers = Registers.load(folder)
    result = from_rows(read_workbook(path), registers, add_new=add_new)
    target = plan_path(folder, result.year, result.theme)
    text = serialise(result.graph, result.plan, result.comments, Path(path).name)
    additions = _register_additions(result, registers, Path(path).name)
    _check(folder, target, result.graph, registers, additions)
    old = target.read_text(encoding="utf-8") if target.is_file() else None
    return Inlezen(result, target, text, old, additions)


def _register_additions(result: Result, registers: Registers, source: str) -> dict[Path, str]:
    """Turtle blocks for the new organisations/topics, appended to their register files."""
    blocks: dict[Path, list[str]] = {}
    files = {"organisatie": "organisaties", "onderwerp": "onderwerpen"}
    for item in result.new:
        path = registers.files.get(files[item.kind])
        if path is None:
            raise KennisgraafError(f"{item.where}: geen registerbestand voor {item.kind} in deze datamap")
        slug = local_name(item.iri)
        lines = [
            f"\n# Nieuw uit het werkboek {source} ({item.where}); vul soort en andere namen aan.",
            f"{item.kind}:{slug} a {'org:Organization' if item.kind == 'organisatie' else 'skos:Concept'} ;",
        ]
        if item.kind == "onderwerp":
            lines.append(f"    skos:inScheme <{ID['schema-id']}onderwerpen> ;")
        lines.append(f"    skos:prefLabel {_quote(item.label)}@nl .")
        blocks.setdefault(path, []).extend(lines)
    return {path: "\n".join(lines) + "\n" for path, lines in blocks.items()}


def _quote(text: str) -> str:
    from rdflib import Literal

    return Literal(text).n3()


def _check(folder: DataFolder, target: Path, graph: Graph, registers: Registers, additions) -> None:
    """Validate the data folder as it would be with this plan (and its register additions)."""
    dataset = load_dataset(folder)
    relative = target.relative_to(folder.root).as_posix().rsplit(".", 1)[0]
    named = dataset.graph(URIRef(f"https://w3id.org/kennisgraaf/graph/{relative.removeprefix('graph/')}"))
    named.remove((None, None, None))
    for triple in graph:
        named.add(triple)
    extra = dataset.graph(URIRef("https://w3id.org/kennisgraaf/graph/registers/nieuw"))
    for kind, cls in NEW_KINDS.items():
        for s in registers.indexes[kind].labels:
            if (URIRef(s), None, None) not in registers.graph:
                extra.add((URIRef(s), RDF_TYPE, URIRef(cls)))
                extra.add((URIRef(s), SKOS_PREF, _label(registers, kind, s)))
    errors = [v for v in validate(dataset, folder) if v.is_error]
    if errors:
        problems = [
            f"validatie: {v.label}{_column_of(v.node, v.path)}: {v.message}" + (f" [regel {v.line}]" if v.line else "")
            for v in errors
        ]
        raise AuthoringError(problems)


def _column_of(node: str, path: str) -> str:
    """' (Producten, kolom Bronregel)' for a violation, so the regisseur finds the cell."""
    from ..tables import compact

    sheets = [sheet for sheet in SHEETS if sheet.namespace and node.startswith(ID[sheet.namespace])]
    for sheet in sheets:
        for col in sheet.columns:
            if col.predicate and compact(str(col.predicate)) == path:
                return f" ({sheet.name}, kolom {col.header})"
    return f" ({path})" if path else ""


RDF_TYPE = URIRef(RDF.type)
SKOS_PREF = URIRef(SKOS.prefLabel)


def _label(registers: Registers, kind: str, iri: str):
    from rdflib import Literal

    return Literal(registers.indexes[kind].labels[iri], lang="nl")


def write(inlezen: Inlezen) -> None:
    inlezen.target.parent.mkdir(parents=True, exist_ok=True)
    for path, block in inlezen.register_additions.items():
        with path.open("a", encoding="utf-8") as handle:
            handle.write(block)
    inlezen.target.write_text(inlezen.text, encoding="utf-8")
