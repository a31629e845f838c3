"""Scan a plan text for every concept the registers know, and compare with what the graph links.

A curator's completeness check: "genoemd maar niet gekoppeld" (the text names it, the plan's
graph does not link it; with the line and the sentence), "gekoppeld maar nergens genoemd" (a
possible stretch), and abbreviations the registers do not know (maybe a new organisation).
Works on any plain text, so a new plan can be scanned before it is modelled. Names are found
with `resolve.NameIndex.find_in`, the same matching `inlezen` and query parameters use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from ..errors import KennisgraafError
from ..resolve import Mention, find_names, normalise
from ..sources import DataFolder
from ..tables import Table, compact
from .registers import Registers

#: what a scan looks for, in the order it reports
SCAN_KINDS = ("organisatie", "wet", "onderwerp", "thema", "platform", "overleg")
_ABBREVIATION = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?![\w])")
_PLAN_TEXT = re.compile(r"kennisplan-(\d{4})-(.+)$")


@dataclass
class Found:
    kind: str
    iri: str
    label: str
    lines: list[int]
    sentence: str = ""  # the first line that names it, as written


@dataclass
class ScanReport:
    source: str
    theme: str | None
    named: list[Found] = field(default_factory=list)  # every register concept the text names
    not_linked: list[Found] = field(default_factory=list)
    not_named: list[Found] = field(default_factory=list)
    unknown: list[Found] = field(default_factory=list)  # abbreviations no register knows

    def table(self) -> Table:
        rows: list[list[object]] = []
        for group, items in (
            ("genoemd maar niet gekoppeld", self.not_linked),
            ("gekoppeld maar nergens genoemd", self.not_named),
            ("onbekende afkorting", self.unknown),
        ):
            for f in items:
                rows.append([group, f.kind, f.label, compact(f.iri) if f.iri else "", _lines(f.lines), f.sentence])
        notes = [f"{len(self.named)} registerbegrippen genoemd in {self.source}"]
        return Table(
            ["uitkomst", "soort", "naam", "iri", "regels", "zin"], rows, title=f"Scan van {self.source}", notes=notes
        )


def _lines(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:8]) + (" …" if len(numbers) > 8 else "")


def plan_graph(folder: DataFolder, year: str, theme: str) -> Graph:
    path = folder.graph_dir / "plans" / year / f"{theme}.ttl"
    graph = Graph()
    if path.is_file():
        graph.parse(path, format="turtle")
    return graph


def guess_plan(path: Path) -> tuple[str, str] | None:
    """(year, theme) from a published plan's file name: kennisplan-2026-waterkwaliteit.txt."""
    match = _PLAN_TEXT.match(Path(path).stem)
    return (match.group(1), match.group(2)) if match else None


def scan(
    path: Path,
    folder: DataFolder,
    theme: str | None = None,
    year: str | None = None,
    registers: Registers | None = None,
) -> ScanReport:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise KennisgraafError(f"{path}: bestand bestaat niet") from None
    except UnicodeDecodeError:
        raise KennisgraafError(f"{path}: geen UTF-8-tekst — sla het plan op als platte tekst (UTF-8)") from None
    if registers is None:
        registers = Registers.load(folder)
        registers.add_plan_texts(folder)
    guessed = guess_plan(path)
    if theme is None and guessed and (folder.graph_dir / "plans" / guessed[0] / f"{guessed[1]}.ttl").is_file():
        year, theme = guessed
    year = year or (guessed[0] if guessed else None)
    report = ScanReport(path.name, theme)
    mentions: dict[tuple[str, str], list[Mention]] = {}
    for mention in find_names({kind: registers.indexes[kind] for kind in SCAN_KINDS}, lines):
        mentions.setdefault((mention.kind, mention.iri), []).append(mention)
    for (kind, iri), found in sorted(mentions.items()):
        label = registers.indexes[kind].labels.get(iri, iri)
        report.named.append(Found(kind, iri, label, sorted({m.line for m in found}), lines[found[0].line - 1].strip()))
    report.unknown = _unknown(lines, registers)
    if theme is None:
        return report
    graph = plan_graph(folder, year or "", theme)
    linked = {str(o) for o in graph.objects() if isinstance(o, URIRef)} | {str(s) for s in graph.subjects()}
    named = {f.iri for f in report.named}
    report.not_linked = [f for f in report.named if f.iri not in linked]
    for iri in sorted(linked - named):
        linked_kind = registers.kind_of(iri) or ("overleg" if iri in registers.indexes["overleg"].labels else None)
        if linked_kind in SCAN_KINDS:
            report.not_named.append(Found(linked_kind, iri, registers.indexes[linked_kind].labels.get(iri, iri), []))
    return report


def _unknown(lines: list[str], registers: Registers) -> list[Found]:
    """Abbreviations (two or more capitals) that no index knows, with the lines they are on."""
    known = set()
    for index in registers.indexes.values():
        known |= set(index.names)
    found: dict[str, Found] = {}
    for number, line in enumerate(lines, start=1):
        for match in _ABBREVIATION.finditer(line):
            word = match.group(0)
            if normalise(word) in known:
                continue
            entry = found.setdefault(word, Found("afkorting", "", word, [], line.strip()))
            entry.lines.append(number)
    return sorted(found.values(), key=lambda f: f.label)


def workbook_rows(report: ScanReport, registers: Registers, year: str) -> dict[str, list[dict]]:
    """A workbook pre-filled from a scan: the named organisations, laws, topics, platforms and
    themes, each to be checked (the Rol of an organisation is left for the curator)."""
    label = {kind: registers.indexes[kind].label_for for kind in SCAN_KINDS if kind != "overleg"}
    own = f"https://w3id.org/kennisgraaf/id/thema/{report.theme}" if report.theme else None
    rows: dict[str, list[dict]] = {"Plan": [{"Jaar": int(year)}]}
    if own:
        rows["Plan"][0]["Thema"] = label["thema"](own)
    sheet = {
        "organisatie": ("Organisaties", "Organisatie"),
        "wet": ("Wetgeving", "Wet"),
        "onderwerp": ("Onderwerpen", "Onderwerp"),
        "platform": ("Platforms", "Platform"),
        "thema": ("Samenhang", "Thema"),
    }
    for f in report.named:
        if f.kind not in sheet or f.iri == own:
            continue
        name, header = sheet[f.kind]
        rows.setdefault(name, []).append({header: label[f.kind](f.iri)})
    return rows
