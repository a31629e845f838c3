"""Where in a plan text a plan-level fact is stated.

Items carry their own line (kn:bronRegel), but a plan's totals and the themes, laws and topics
the plan names as a whole carry none. So that a finding about them can still cite a line a
reader can check, the plan text (graph/bronnen/...) is searched for the amount or the name.
That search is a heuristic, kept apart from the loader (network.py) so that its choices (which
line wins, which repeated paragraph to skip) can be read and tested on their own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..numbers import euro, euro_text  # noqa: F401  (euro re-exported for views and gap texts)


class PlanTexts:
    """Finds the line of a plan text that states a plan-level fact (no kn:bronRegel of its own)."""

    def __init__(self, folder: Path | None = None):
        if folder is None:
            from ..sources import shipped_root

            folder = shipped_root() / "graph" / "bronnen"
        self.folder = Path(folder)

    @lru_cache(maxsize=64)  # noqa: B019 - a handful of small files per run
    def lines(self, relative: str | None) -> tuple[str, ...]:
        if not relative:
            return ()
        path = self.folder / relative
        if not path.is_file():
            return ()
        return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())

    def plan_lines(self, relative, plan: dict, related: list[tuple[str, tuple[str, ...]]]) -> dict[str, int]:
        """Lines for the plan's totals and for each (key, names) in `related`: the key is
        "<property> <IRI>" of a plan-level statement (kn:samenhangMet, kn:wet, kn:onderwerp)."""
        lines = self.lines(relative)
        found = {}
        if not lines:
            return found
        if plan.get("activiteitenbudget") is not None:
            line = amount_line(lines, plan["activiteitenbudget"], prefer="budget")
            if line:
                found["kn:activiteitenbudget"] = line
        if plan.get("tabelTotaal") is not None:
            line = amount_line(lines, plan["tabelTotaal"], prefer="totaal")
            if line:
                found["kn:tabelTotaal"] = line
        for key, namen in related:
            line = mention_line(lines, namen, themes=key.startswith("kn:samenhangMet "))
            if line:
                found[key] = line
        return found


def amount_line(lines, amount, prefer: str) -> int | None:
    pattern = re.compile(rf"(?<![\d.]){re.escape(euro_text(amount))}(?![\d])")
    hits = [i for i, line in enumerate(lines, 1) if pattern.search(line)]
    if not hits:
        return None
    same = [i for i in hits if prefer in lines[i - 1].lower()]
    if same:
        return same[0]
    if prefer == "totaal":
        heads = [i for i, line in enumerate(lines, 1) if line.strip().lower().startswith("totaal")]
        after = [i for i in hits if heads and i > heads[0]]
        return after[0] if after else hits[-1]
    return hits[0]


def mention_line(lines, names, themes: bool = False) -> int | None:
    """The first line naming one of `names`, outside the paragraph every plan repeats; for a
    theme (`themes`) preferably near a line about themes ('samenhang', 'kennisthema')."""
    patterns = [re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])", re.I) for n in names if len(n) >= 2]
    skip = _boilerplate(lines)
    hits = []
    for i, line in enumerate(lines, 1):
        joined = line + " " + (lines[i] if i < len(lines) else "")  # a name may wrap onto the next line
        if i not in skip and any((m := p.search(joined)) and m.start() < len(line) for p in patterns):
            hits.append(i)
    if not hits:
        return None
    for i in hits if themes else ():
        window = " ".join(lines[max(0, i - 4): i + 1]).lower()
        if "samenhang" in window or "kennisthema" in window or re.search(r"thema\W{1,2}s\b", window):
            return i
    return hits[0]


def _boilerplate(lines) -> set[int]:
    """Lines of the sentence every plan repeats, listing all plans ('Voor elk prioritair thema
    is een afzonderlijk kennisplan opgesteld: ... gepubliceerd op Kennisnet.'): naming a theme
    there states no relation."""
    skip: set[int] = set()
    for i, line in enumerate(lines, 1):
        if "afzonderlijk kennisplan" in line.lower():
            for j in range(i, min(i + 5, len(lines) + 1)):
                skip.add(j)
                if "gepubliceerd" in lines[j - 1].lower():
                    break
    return skip
