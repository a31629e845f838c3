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


def export_table(store, queries_dir: Path, name: str) -> Table:
    if name not in COLUMNS:
        raise KennisgraafError(f"onbekende exporttabel {name!r}; kies uit: {', '.join(COLUMNS)}")
    text = (queries_dir / "export" / f"{name}.rq").read_text(encoding="utf-8")
    table = sort_joined(from_results(store.select(text), title=name))
    if table.columns != COLUMNS[name]:
        raise KennisgraafError(f"export {name}: kolommen {table.columns} wijken af van {COLUMNS[name]}")
    return table
