"""How a report links the plan line behind a finding: one function from a place to a link.

The CLI's rapport and themakaart are files read on this machine, so a place links the plan
text in the data folder (a file: URI; a plain text file has no line anchors). The static site
links the same place to the line anchor of its rendered plan text (`tekst/<plan>.html#r<line>`),
relative to the page it is on. The report renderers only call the function they are given.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..analysis.findings import Plaats

#: a place in a plan → the link to it, or None: the place is shown as plain text
Cite = Callable[[Plaats], str | None]


def file_links(texts: Path | None) -> Cite | None:
    """Links to the plan texts in the data folder `texts` (graph/bronnen), for HTML read here."""
    if texts is None:
        return None
    folder = Path(texts)

    def cite(place: Plaats) -> str | None:
        return (folder / place.pad).resolve().as_uri() if place.pad else None

    return cite


def bron_place(bron: str) -> Plaats:
    """A citation as the analysis writes it ("kennisplan-2026-x.txt:123", or just the file) as a place."""
    name, _, line = bron.partition(":")
    first = line.split(",", 1)[0].strip()
    return Plaats(plan=name, bestand=name, regel=int(first) if first.isdigit() else None)
