"""A plan graph as Turtle in the house style, and the comments of an existing plan file.

House style (see graph/plans/2026/*.ttl): a header comment, the prefixes, then one block per
sheet under a `####` section comment, one subject per block with its own comment line, the
properties in the order of the sheet's columns. The comments a curator wrote above a block
travel through the workbook in the "Opmerking" column, so a round trip keeps them.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from ..namespaces import KN, PREFIXES, XSD
from .columns import SHEETS

RULE = "#" * 65
WIDTH = 100  # object lists wrap here, as in the hand-written files
_SUBJECT = re.compile(r"^([a-z-]+:[^\s]+)\s+a\s")


def block_comments(text: str, expand) -> dict[str, str]:
    """IRI → the comment lines right above its block; "" → the file's header comment."""
    lines = text.splitlines()
    found: dict[str, str] = {}
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line[1:].removeprefix(" "))
    if header:
        found[""] = "\n".join(header).strip("\n")
    for number, line in enumerate(lines):
        match = _SUBJECT.match(line)
        if not match:
            continue
        above = []
        for prev in reversed(lines[:number]):
            if not prev.startswith("#") or prev.startswith("####"):
                break
            above.append(prev[1:].removeprefix(" "))
        if above:
            found[expand(match.group(1))] = "\n".join(reversed(above))
    return found


def _term(graph: Graph, term) -> str:
    if isinstance(term, URIRef):
        return graph.namespace_manager.normalizeUri(term)
    if isinstance(term, Literal) and term.datatype == URIRef(XSD.integer) and re.fullmatch(r"-?\d+", str(term)):
        return str(term)
    return term.n3(graph.namespace_manager)


def _comment(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.splitlines()]


def _order() -> list[URIRef]:
    """Properties in the order the sheets list them (the plan's links after its own columns)."""
    order = [RDF.type]
    for sheet in SHEETS:
        for col in sheet.columns:
            for predicate in (col.predicate, *col.choices.values()):
                if predicate and URIRef(predicate) not in order:
                    order.append(URIRef(predicate))
    return order


def _number(graph: Graph, subject, predicate: str) -> int:
    """An integer property (volgnummer, bronRegel) for ordering; 0 when the item has none."""
    value = graph.value(subject, URIRef(predicate))
    return int(value) if isinstance(value, Literal) else 0


def _block(graph: Graph, subject, order: list) -> list[str]:
    predicates = sorted(
        set(graph.predicates(subject)), key=lambda p: (order.index(p) if p in order else len(order), str(p))
    )
    lines = []
    for i, predicate in enumerate(predicates):
        objects = sorted(graph.objects(subject, predicate), key=lambda o: _term(graph, o))
        name = "a" if predicate == RDF.type else _term(graph, predicate)
        end = " ." if i == len(predicates) - 1 else " ;"
        lead = f"{_term(graph, subject)} " if i == 0 else "    "
        line = f"{lead}{name} "
        for j, obj in enumerate(objects):
            text = _term(graph, obj) + (" ," if j < len(objects) - 1 else end)
            if j and len(line) + len(text) > WIDTH:
                lines.append(line.rstrip())
                line = "        "
            line += text + " "
        lines.append(line.rstrip())
    return lines


def serialise(graph: Graph, plan: str, comments: dict[str, str], source_name: str) -> str:
    """The plan's Turtle text: deterministic, so a re-read workbook gives a small diff."""
    order = _order()
    out = _comment(comments.get("") or f"Kennisplan, ingelezen uit het werkboek {source_name}.")
    out.append("")
    used = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    used |= {str(o.datatype) for o in graph.objects() if isinstance(o, Literal) and o.datatype}
    for prefix, iri in PREFIXES.items():
        if prefix in ("rdf", "owl", "eli") and not any(u.startswith(iri) for u in used):
            continue
        if any(u.startswith(iri) for u in used):
            out.append(f"@prefix {prefix + ':':<13} <{iri}> .")
    done: set = set()

    def section(title: str) -> None:
        out.extend(["", RULE, f"# {title}", RULE])

    plan_ref = URIRef(plan)
    section("The plan")
    out.append("")
    if comments.get(plan):
        out.extend(_comment(comments[plan]))
    out.extend(_block(graph, plan_ref, order))
    done.add(plan_ref)
    for sheet in SHEETS:
        if sheet.shape != "items":
            continue
        classes = [sheet.rdf_type] if sheet.rdf_type else [c for col in sheet.columns for c in col.choices.values()]
        subjects = sorted(
            {s for cls in classes for s in graph.subjects(RDF.type, URIRef(cls))} - done,
            key=lambda s: (_number(graph, s, KN.volgnummer), _number(graph, s, KN.bronRegel), str(s)),
        )
        if not subjects:
            continue
        section(sheet.section)
        for subject in subjects:
            out.append("")
            if comments.get(str(subject)):
                out.extend(_comment(comments[str(subject)]))
            else:
                line = graph.value(subject, URIRef(KN.bronRegel))
                name = graph.value(subject, SKOS.prefLabel) or graph.value(
                    subject, URIRef("http://purl.org/dc/terms/title")
                )
                out.append(f"# {sheet.name}: {name}" + (f" (regel {line})." if line is not None else "."))
            out.extend(_block(graph, subject, order))
            done.add(subject)
    # rdflib's terms order themselves (Identifier.__lt__); its Node base type does not say so
    rest = sorted(set(graph.subjects()) - done)  # type: ignore[type-var]
    if rest:
        section("Overig")
        for subject in rest:
            out.append("")
            out.extend(_block(graph, subject, order))
    return "\n".join(out) + "\n"
