"""The CSV/JSON exports: a contract with spreadsheets and other tools.

Each table is one SPARQL file in `queries/export/`; its column names are fixed here so a
query edit cannot silently change what a spreadsheet receives.
"""

from __future__ import annotations

from pathlib import Path

from .errors import KennisgraafError
from .tables import Table, from_results, sort_joined

COLUMNS: dict[str, list[str]] = {
    "producten": ["thema", "titel", "vorm", "status", "planning", "budget_eur", "bron"],
    "overdrachten": ["onderwerp", "van_thema", "naar_thema", "voorwaarde", "bron"],
    "organisaties": ["naam", "afkorting", "soort", "themas"],
    "overleggen": ["naam", "onderwerp", "deelnemers", "frequentie", "per_jaar", "themas"],
    "wetgeving": ["naam", "afkorting", "themas"],
    "bijeenkomsten": ["naam", "datum", "vorm", "thema"],
}


def export_table(store, queries_dir: Path, name: str, jaar=None) -> Table:
    """One export of one plan year (`jaar`: a year, "alle" with a leading `jaar` column, or
    None for the latest year with plans)."""
    from .queries import scoped
    from .years import choose

    if name not in COLUMNS:
        raise KennisgraafError(f"onbekende exporttabel {name!r}; kies uit: {', '.join(COLUMNS)}")
    text = (queries_dir / "export" / f"{name}.rq").read_text(encoding="utf-8")
    keuze = choose(store, jaar)
    table = sort_joined(from_results(scoped(store, text, {}, keuze), title=name))
    expected = (["jaar"] if keuze.alle else []) + COLUMNS[name]
    if table.columns != expected:
        raise KennisgraafError(f"export {name}: kolommen {table.columns} wijken af van {expected}")
    return table
