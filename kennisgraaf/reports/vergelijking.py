"""A year comparison (`analysis.compare`) as a table, as JSON and as rapport blocks.

One `Comparison` feeds every rendering, so the CLI table, the Markdown, the JSON for other
tools and the section in the HTML rapport list the same changes.
"""

from __future__ import annotations

import json

from ..analysis.compare import KINDS, Comparison
from ..tables import Table
from .document import Bullets, Heading, Para, TableBlock, spans

COLUMNS = ["soort", "thema", "wat", "van", "naar", "toelichting"]


def title(comparison: Comparison) -> str:
    return f"Wat veranderde van {comparison.van} naar {comparison.naar}"


def comparison_table(comparison: Comparison) -> Table:
    """One row per change; `van`/`naar` are the values in the two years."""
    rows: list[list[object]] = [[c.soort, c.thema, c.wat, c.van, c.naar, c.toelichting] for c in comparison.changes]
    notes = [] if rows else [f"(geen verschillen tussen {comparison.van} en {comparison.naar})"]
    return Table(list(COLUMNS), rows, title=title(comparison), notes=notes)


def comparison_json(comparison: Comparison) -> str:
    payload = {
        "van": comparison.van,
        "naar": comparison.naar,
        "thema": comparison.labels.get(comparison.thema) if comparison.thema else None,
        "wijzigingen": [
            {
                "soort": c.soort,
                "thema": c.thema,
                "wat": c.wat,
                "van": c.van,
                "naar": c.naar,
                "toelichting": c.toelichting,
                "items": list(c.items),
            }
            for c in comparison.changes
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def comparison_blocks(comparison: Comparison) -> list:
    """The rapport section: a count per kind, then one table per kind that occurs."""
    blocks: list = [Heading(2, title(comparison), anchor="vergelijking")]
    if not comparison.changes:
        return blocks + [Para(spans(f"Geen verschillen tussen {comparison.van} en {comparison.naar}."))]
    counts = [(kind, len(comparison.of(kind))) for kind in KINDS if comparison.of(kind)]
    blocks.append(Bullets([spans(f"{KINDS[kind]}: {n}") for kind, n in counts]))
    for kind, _ in counts:
        blocks.append(Heading(3, KINDS[kind]))
        blocks.append(
            TableBlock(
                ["thema", "wat", str(comparison.van), str(comparison.naar), "toelichting"],
                [[c.thema, c.wat, c.van, c.naar, c.toelichting] for c in comparison.of(kind)],
            )
        )
    return blocks
