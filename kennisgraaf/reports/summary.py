"""Short first: the summary tables `gaps` and `overlap` print before (a screenful of) rows.

Counts come from the same findings and overlaps the full tables show, so a summary can
never disagree with `--alles`.
"""

from __future__ import annotations

from ..analysis.findings import KINDS, SEVERITIES, Finding, Overlap
from ..tables import Table
from .tables import Names


def heaviest_first(findings: list[Finding]) -> list[Finding]:
    """Severity first (hoog, middel, laag), then the report's order of kinds: a stable sort."""
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def gaps_summary(findings: list[Finding]) -> Table:
    """One row per kind that occurs (the name --soort takes) with the count per severity."""
    rows = []
    for kind in KINDS:
        counts = [sum(1 for f in findings if f.kind == kind and f.severity == s) for s in SEVERITIES]
        if sum(counts):
            rows.append([kind, *counts, sum(counts)])
    total = [sum(1 for f in findings if f.severity == s) for s in SEVERITIES]
    rows.append(["totaal", *total, len(findings)])
    return Table(
        ["soort", *SEVERITIES, "samen"],
        rows,
        title=f"Samenvatting: {len(findings)} bevindingen",
        notes=["Eén soort: kennisgraaf gaps --soort SOORT; de zwaarste bevindingen staan hieronder eerst."],
    )


def overlap_summary(found: list[Overlap], names: Names, focus: str | None = None, top: int = 10) -> Table:
    """The pairs with the highest score, named, with their score: the ones to read first."""
    from ..analysis.overlap import by_specific

    with_overlap = [o for o in by_specific(found) if o.specifiek_score > 0]
    rows: list[list[object]] = [
        [names(o.other(focus))] if focus else [names(o.thema_a), names(o.thema_b)] for o in with_overlap[:top]
    ]
    for row, o in zip(rows, with_overlap, strict=False):
        row.append(round(o.specifiek_score, 3))
    first = ["ander thema"] if focus else ["thema A", "thema B"]
    return Table(
        [*first, "score"], rows, title=f"Samenvatting: {len(with_overlap)} paren met overlap; de {len(rows)} grootste"
    )
