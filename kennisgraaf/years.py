"""Plan years: which years the graph has plans for, and which one a reader asked for.

Everything a reader sees is scoped to one plan year unless asked for more (DESIGN.md, "Years
and authoring"). The scope is one mechanism everywhere: a catalogue query that names the
variable `?jaar` (bound through `?plan kn:jaar ?jaar`) gets it bound as a VALUES row; the
analysis network is cut to the plans of that year (`analysis.years`). Without `--jaar` the
latest year that has plans is shown, and the output says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from . import sparql
from .errors import KennisgraafError
from .namespaces import XSD

#: what `--jaar` accepts besides a year: every year at once (where mixing makes sense)
ALLE = "alle"

PLAN_YEARS = sparql.text("plan_years")

_USES_YEAR = re.compile(r"\?jaar\b")


@dataclass(frozen=True)
class Jaarkeuze:
    """The chosen year (`None`: every year) and the years that have plans."""

    jaar: int | None
    jaren: tuple[int, ...]

    @property
    def alle(self) -> bool:
        return self.jaar is None

    @property
    def scoped(self) -> tuple[int, ...]:
        """The years shown: the chosen one, or all."""
        return self.jaren if self.jaar is None else (self.jaar,)

    def label(self) -> str:
        """How the output names its scope: "jaar 2026" or "jaren 2026, 2027"."""
        if self.jaar is not None:
            return f"jaar {self.jaar}"
        return "jaren " + ", ".join(map(str, self.jaren)) if self.jaren else "geen planjaren"


def year_term(jaar: int) -> ox.Literal:
    """The literal a plan states its year with: `"2026"^^xsd:gYear`."""
    return ox.Literal(str(jaar), datatype=ox.NamedNode(XSD.gYear))


def uses_year(query_text: str) -> bool:
    """A query is year-scoped when it names `?jaar` (the plan's kn:jaar)."""
    return bool(_USES_YEAR.search(query_text))


def plan_years(store) -> tuple[int, ...]:
    """Every year that has at least one plan, oldest first."""
    found = set()
    for row in store.select(PLAN_YEARS).rows:
        text = row["jaar"].value[:4]
        if text.isdigit():
            found.add(int(text))
    return tuple(sorted(found))


def parse_year(text: str | int | None, option: str = "--jaar") -> int | str | None:
    """`None` (the default), `ALLE`, or a year; anything else is one Dutch message."""
    if text is None or isinstance(text, int):
        return text
    value = str(text).strip().casefold()
    if value == ALLE:
        return ALLE
    if re.fullmatch(r"\d{4}", value):
        return int(value)
    raise KennisgraafError(f"{option} {text!r}: geef een jaartal (bijv. 2026) of '{ALLE}'")


def choose(store, text: str | int | None = None, *, allow_all: bool = True, option: str = "--jaar") -> Jaarkeuze:
    """The reader's choice against the years the store has plans for: default the latest."""
    if isinstance(text, Jaarkeuze):
        return text
    parse_year(text, option)  # a malformed year fails before the store is asked
    return pick(plan_years(store), text, allow_all=allow_all, option=option)


def pick(jaren, text: str | int | None = None, *, allow_all: bool = True, option: str = "--jaar") -> Jaarkeuze:
    """The reader's choice against a list of plan years: default the latest."""
    wanted = parse_year(text, option)
    jaren = tuple(sorted(jaren))
    if wanted == ALLE:
        if not allow_all:
            raise KennisgraafError(f"{option} {ALLE}: kies hier één jaar ({_known(jaren)})")
        return Jaarkeuze(None, jaren)
    if wanted is None:
        return Jaarkeuze(jaren[-1] if jaren else None, jaren)
    if not isinstance(wanted, int) or wanted not in jaren:  # parse_year gave a year
        raise KennisgraafError(f"{option} {wanted}: geen kennisplannen voor dat jaar ({_known(jaren)})")
    return Jaarkeuze(wanted, jaren)


def qualify_quarters(params, values: dict[str, str], keuze: Jaarkeuze) -> dict[str, str]:
    """A bare quarter ("Q2") for a query of one year means that year's quarter ("2027-Q2"), so
    it stays unambiguous once the graph holds plans of several years."""
    if keuze.jaar is None:
        return values
    out = dict(values)
    for param in params:
        raw = out.get(param.name)
        if param.kind == "kwartaal" and raw and re.fullmatch(r"[Qq][1-4]", raw.strip()):
            out[param.name] = f"{keuze.jaar}-Q{raw.strip()[1]}"
    return out


def _known(jaren) -> str:
    return "jaren met plannen: " + ", ".join(map(str, jaren)) if jaren else "de graaf heeft geen plannen"
