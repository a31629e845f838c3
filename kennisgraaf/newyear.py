"""Start next year's plan from this year's: `kennisgraaf nieuw-jaar 2027 --thema X`.

The curator edits rather than rewrites: the copy keeps the house style, the comments and the
block order of the old plan file, with

- the year changed in every year-specific IRI (plan, product, handover, event, budget line,
  raised topic, source document), in the plan's label, in quarters and in budget years;
- every `kn:bronRegel` cleared (the line numbers belong to last year's text; `kennisgraaf
  validate` then lists each item whose line is still to be filled in);
- a `kn:vervolgOp` link from every plan, product and handover to the one it was copied
  from, so `kennisgraaf vergelijk` matches them across years even when the title changes.

Things that recur (organisations, meetings, laws, persons) keep their IRI. The copy is a
text transformation, not a re-serialisation, so the comments survive; the result is parsed
before it is written, and an existing file is never overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import KennisgraafError
from .sources import DataFolder

#: prefixes whose local names carry the plan year ("plan:2026-x", "product:zzs-2026-x")
YEAR_PREFIXES = ("plan", "product", "overdracht", "bijeenkomst", "begroting", "aangedragen", "document")
#: subjects that get a kn:vervolgOp link to the IRI they were copied from
LINKED_CLASSES = ("kn:Kennisplan", "kn:Kennisproduct", "kn:Regieoverdracht")

_SUBJECT = re.compile(r"^((?:" + "|".join(YEAR_PREFIXES) + r"):\S+)\s+a\s+(\S+)")


@dataclass(frozen=True)
class NewPlan:
    source: Path
    target: Path
    text: str
    links: int
    cleared: int


def theme_slug(folder: DataFolder, text: str) -> str:
    """The slug of the theme a curator types (name, abbreviation, code), looked up in the theme
    register alone: a draft plan that does not validate yet must not stop the next command."""
    import pyoxigraph as ox

    from .resolve import resolve
    from .slugs import local_name
    from .store import OxigraphStore

    register = folder.graph_dir / "registers" / "themas.ttl"
    if not register.is_file():
        raise KennisgraafError(f"themaregister ontbreekt: {register}")
    store = ox.Store()
    try:
        store.load(path=str(register), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, OSError) as err:
        raise KennisgraafError(f"{register}: {err}") from None
    found = resolve(OxigraphStore(store=store), "thema", text, "--thema")
    if not isinstance(found, ox.NamedNode):  # "thema" resolves to one theme or raises
        raise KennisgraafError(f"--thema: {text!r} is niet één thema")
    return local_name(found.value)


def plan_file(folder: DataFolder, jaar: int, slug: str) -> Path:
    return folder.graph_dir / "plans" / str(jaar) / f"{slug}.ttl"


def latest_plan_year(folder: DataFolder, slug: str, before: int) -> int:
    """The newest year before `before` that has a plan file for the theme."""
    years = sorted(
        int(p.parent.name)
        for p in (folder.graph_dir / "plans").glob(f"*/{slug}.ttl")
        if p.parent.name.isdigit() and int(p.parent.name) < before
    )
    if not years:
        raise KennisgraafError(f"geen plan voor thema {slug!r} vóór {before} in {folder.graph_dir / 'plans'}")
    return years[-1]


def copy_plan(text: str, van: int, naar: int, source_name: str = "") -> tuple[str, int, int]:
    """The plan text for year `naar`; returns (text, continuity links set, lines cleared)."""
    delta = naar - van
    lines = text.splitlines()
    out: list[str] = []
    links = cleared = 0
    for line in lines:
        code, comment = _split_comment(line)
        if re.match(r"^\s+kn:bronRegel\s+\d+\s*[;.]\s*$", code):
            cleared += 1
            if code.rstrip().endswith("."):
                _close_previous(out)
            continue
        new = _shift(code, van, naar, delta)
        out.append(new + comment)
        subject = _SUBJECT.match(code)
        if subject and subject.group(2) in LINKED_CLASSES and new.rstrip().endswith(";"):
            out.append(f"    kn:vervolgOp {subject.group(1)} ;   # copied from the {van} plan")
            links += 1
    out += _document_block(out, naar)
    note = (
        f"# DRAFT {naar}: copied from {source_name or f'plans/{van}'} by `kennisgraaf nieuw-jaar {naar}`.\n"
        f"# Year changed in IRIs, labels and quarters; kn:bronRegel cleared ({cleared} lines: fill them in\n"
        f"# from the {naar} text, `kennisgraaf validate` lists each); kn:vervolgOp links to the {van} items.\n"
        f"# The comments below still describe the {van} text until you edit them.\n#\n"
    )
    return note + "\n".join(out) + "\n", links, cleared


def _document_block(out: list[str], naar: int) -> list[str]:
    """The new year's kn:Brondocument, so the draft names a text to fill its lines from."""
    text = "\n".join(out)
    doc = re.search(r"kn:bronDocument\s+(document:kennisplan-(\S+?))\s*[;.]", text)
    label = re.search(r'skos:prefLabel "(Kennisplan [^"]+)"@nl', text)
    if not doc or not label:
        return []
    return [
        "",
        f"# The source document of the {naar} plan: put its text in bronnen/{doc.group(2)[:4]}/ under this",
        "# name (or move this block to registers/themas.ttl, next to the other documents).",
        f"{doc.group(1)} a kn:Brondocument ;",
        f'    dcterms:title "{label.group(1)}"@nl ;',
        f'    kn:bestandsnaam "{naar}/kennisplan-{doc.group(2)}.txt" .',
    ]


def _split_comment(line: str) -> tuple[str, str]:
    """Code and trailing comment of a Turtle line (a '#' inside a string or IRI is not one)."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "<":
            quote = ">"
        elif ch == "#":
            return line[:i], line[i:]
    return line, ""


def _close_previous(out: list[str]) -> None:
    """The removed statement ended its block: end the previous statement with '.' instead."""
    for i in range(len(out) - 1, -1, -1):
        code, comment = _split_comment(out[i])
        if code.strip():
            if code.rstrip().endswith(";"):
                stripped = code.rstrip()
                out[i] = stripped[:-1].rstrip() + " ." + code[len(stripped) :] + comment
            return


def _shift(code: str, van: int, naar: int, delta: int) -> str:
    if code.lstrip().startswith("@prefix"):
        return code
    for prefix in YEAR_PREFIXES:
        code = re.sub(rf"\b({prefix}:(?:[a-z]+-)*){van}-", rf"\g<1>{naar}-", code)
    code = re.sub(r"\bkwartaal:(\d{4})-Q", lambda m: f"kwartaal:{int(m.group(1)) + delta}-Q", code)
    code = re.sub(r'"(\d{4})"\^\^xsd:gYear', lambda m: f'"{int(m.group(1)) + delta}"^^xsd:gYear', code)
    code = re.sub(r'(skos:prefLabel "Kennisplan [^"]*?)\b' + str(van) + r"\b", rf"\g<1>{naar}", code)
    code = code.replace(f'"{van}/kennisplan-{van}-', f'"{naar}/kennisplan-{naar}-')
    return code


def new_year(folder: DataFolder, naar: int, slug: str, van: int | None = None) -> NewPlan:
    """Write graph/plans/<naar>/<slug>.ttl from the latest earlier plan of the theme."""
    van = van if van is not None else latest_plan_year(folder, slug, naar)
    if van >= naar:
        raise KennisgraafError(f"--van {van}: kies een jaar vóór {naar}")
    source = plan_file(folder, van, slug)
    if not source.is_file():
        raise KennisgraafError(f"geen plan voor thema {slug!r} in {van}: {source} bestaat niet")
    target = plan_file(folder, naar, slug)
    if target.exists():
        raise KennisgraafError(f"{target} bestaat al; nieuw-jaar overschrijft geen plan")
    relative = source.relative_to(folder.root).as_posix()
    text, links, cleared = copy_plan(source.read_text(encoding="utf-8"), van, naar, relative)
    _check_parses(text, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return NewPlan(source, target, text, links, cleared)


def _check_parses(text: str, target: Path) -> None:
    from rdflib import Graph

    try:
        Graph().parse(data=text, format="turtle")
    except Exception as err:  # noqa: BLE001 - any parser failure is one message
        raise KennisgraafError(f"de kopie voor {target} is geen geldige Turtle ({err}); niets geschreven") from None
