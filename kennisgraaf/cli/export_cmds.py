"""The export command: fixed tables for spreadsheets (CSV) and other tools (JSON)."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import CacheOpt, DataOpt, EndpointOpt, JaarOpt, OutOpt, QuietOpt, app, handles_errors
from .output import check_format, progress, write_text


@app.command()
@handles_errors
def export(
    table: Annotated[
        str,
        typer.Argument(help="producten, overdrachten, organisaties, overleggen, wetgeving of bijeenkomsten."),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv of json.")] = "csv",
    out: OutOpt = None,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Exporteer één tabel, één rij per item, UTF-8; meerdere waarden gescheiden door '; '.

    Eén planjaar (standaard het laatste); --jaar alle zet alle jaren onder elkaar, met een kolom jaar.

    Voorbeeld: kennisgraaf export producten --out producten.csv
    """
    from ..access import open_store
    from ..exports import COLUMNS, export_table
    from ..sources import DataFolder
    from ..tables import render

    check_format(fmt, ("csv", "json"))
    if table not in COLUMNS:  # before any build: the list of valid tables
        from ..errors import KennisgraafError

        raise KennisgraafError(f"onbekende exporttabel {table!r}; kies uit: {', '.join(COLUMNS)}")
    from ..years import parse_year

    parse_year(jaar)
    folder = DataFolder.resolve(data)
    store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet))
    write_text(render(export_table(store, folder.queries_dir, table, jaar), fmt), out)
