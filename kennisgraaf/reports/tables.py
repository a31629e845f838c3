"""Overlaps, the overlap matrix and findings as `kennisgraaf.tables.Table`s (and JSON).

These tables feed the CLI's table, Markdown and CSV output; `overlaps_json` and
`findings_json` give the same data with IRIs and labels side by side, for other tools.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace

from ..analysis.findings import KINDS, Finding, Overlap
from ..analysis.overlap import SPECIFIC, by_specific, matrix
from ..labels import name_of
from ..numbers import number  # noqa: F401  (re-exported: the rapport imports it from here)
from ..tables import Table

AXIS_TITLES = {
    "onderwerpen": "onderwerpen",
    "organisaties": "organisaties",
    "wetgeving": "wetgeving",
    "overleggen": "overleggen (aan tafel met)",
}
SEPARATOR = "; "


class Names:
    """Labels and theme codes for IRIs, named by the one rule (`labels.name_of`)."""

    def __init__(self, labels: Mapping[str, str], codes: Mapping[str, str] | None = None):
        self.labels, self.codes = dict(labels), dict(codes or {})

    def __call__(self, iri: str) -> str:
        return name_of(iri, self.labels.get(iri))

    def code(self, iri: str) -> str:
        return self.codes.get(iri) or self(iri)

    def many(self, iris, sep: str = SEPARATOR) -> str:
        return sep.join(self(i) for i in iris)


def overlap_table(found: list[Overlap], names: Names, axes, focus: str | None = None, wide: bool = False) -> Table:
    """One row per pair, the largest specific overlap first (overlap.SPECIFIC: the measure the
    rapport uses too). `score` and the axis columns are that measure; `jaccard` is the plain
    share (shared / together) for comparison. `wide` (CSV): one column of shared items per axis;
    otherwise one 'gedeeld' column ("onderwerpen: PFAS, ZZS · wetgeving: KRW"), and the items
    every theme names apart under 'algemeen gedeeld'. With `focus` the rows show the other theme only."""
    first = ["ander thema"] if focus else ["thema A", "thema B"]
    columns = [*first, "score", *axes, "jaccard"]
    columns += [f"gedeeld: {a}" for a in axes] if wide else ["gedeeld", "algemeen gedeeld"]
    rows = []
    for o in by_specific(found):
        pair = [names(o.other(focus))] if focus else [names(o.thema_a), names(o.thema_b)]
        specific = [round(o.specifiek.get(a, 0.0), 3) for a in axes]
        row = [*pair, round(o.specifiek_score, 3), *specific, round(o.score, 3)]
        if wide:
            row += [names.many(o.shared[a]) for a in axes]
        else:
            row.append(
                " · ".join(f"{a}: {names.many(o.specific_items(a), ', ')}" for a in axes if o.specific_items(a)) or "—"
            )
            row.append(" · ".join(f"{a}: {names.many(o.algemeen[a], ', ')}" for a in axes if o.algemeen.get(a)) or "—")
        rows.append(row)
    title = "Overlap tussen thema's"
    if focus:
        title = f"Overlap van {names(focus)} met de andere thema's"
    table = Table(columns, rows, title=title)
    table.notes.append(SPECIFIC)
    if not rows:
        table.notes.append("(geen thema's met gedeelde items)")
    return table


def matrix_table(found: list[Overlap], names: Names, themes: list[str] | None = None) -> Table:
    themes, cells = matrix([replace(o, score=o.specifiek_score) for o in found], themes)
    columns = ["thema", *(names.code(t) for t in themes)]
    rows: list[list[object]] = [
        [f"{names.code(t)} {names(t)}", *(None if v is None else round(v, 2) for v in cells[i])]
        for i, t in enumerate(themes)
    ]
    table = Table(columns, rows, title="Overlapmatrix (overlap per paar thema's)")
    table.notes.append(SPECIFIC)
    return table


def gaps_table(findings: list[Finding], names: Names, title: str = "Gaten tussen de thema's") -> Table:
    rows: list[list[object]] = [
        [
            f.kind,
            f.severity,
            names.many(f.themas),
            f.uitleg,
            SEPARATOR.join(f.wie),
            f.actie,
            SEPARATOR.join(p.text() for p in f.waar),
            SEPARATOR.join(f.bronnen),
        ]
        for f in findings
    ]
    table = Table(
        ["soort", "ernst", "thema's", "uitleg", "wie", "wat te doen", "waar", "bronnen"],
        rows,
        title=title,
        lists={"thema's", "wie", "waar", "bronnen"},
    )
    if not rows:
        table.notes.append("(geen bevindingen)")
    return table


def _ref(iri: str, names: Names) -> dict:
    return {"iri": iri, "label": names(iri)}


def overlaps_json(found: list[Overlap], names: Names, axes) -> str:
    payload = [
        {
            "thema_a": _ref(o.thema_a, names),
            "thema_b": _ref(o.thema_b, names),
            "score": o.specifiek_score,
            "specifiek": {a: o.specifiek.get(a, 0.0) for a in axes},
            "jaccard": o.score,
            "similarity": {a: o.similarity[a] for a in axes},
            "algemeen": {a: [_ref(i, names) for i in o.algemeen.get(a, ())] for a in axes},
            "shared": {a: [_ref(i, names) for i in o.shared[a]] for a in axes},
        }
        for o in by_specific(found)
    ]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def findings_json(findings: list[Finding], names: Names) -> str:
    payload = [
        {
            "kind": f.kind,
            "kind_label": KINDS[f.kind],
            "severity": f.severity,
            "themas": [_ref(t, names) for t in f.themas],
            "uitleg": f.uitleg,
            "bronnen": list(f.bronnen),
            "items": [_ref(i, names) for i in f.items],
            "wie": list(f.wie),
            "actie": f.actie,
            "waar": [{"plan": p.plan, "kop": p.kop, "bestand": p.bestand, "regel": p.regel} for p in f.waar],
        }
        for f in findings
    ]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
