"""The export command: fixed tables for spreadsheets (CSV) and other tools (JSON)."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import CacheOpt, DataOpt, EndpointOpt, OutOpt, QuietOpt, app, handles_errors
from .output import check_format, progress, write_text


@app.command()
@handles_errors
def export(
    table: Annotated[
        str,
        typer.Argument(help="producten, overdrachten, organisaties, overleggen, wetgeving of bijeenkomsten.",
                       metavar="TABEL", show_default=False),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAAT", help="csv, json of xlsx.")] = "csv",
    out: OutOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Exporteer één tabel, één rij per item: CSV (UTF-8), JSON of Excel (xlsx).

    Meerdere waarden in één cel: in CSV gescheiden door '; ', in xlsx elk op een eigen regel.
    Voor een Nederlandse Excel: --format xlsx, of --excel voor CSV met ';' en BOM.

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
    folder = DataFolder.resolve(data)
    store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet))
    write_text(render(export_table(store, folder.queries_dir, table), fmt), out)
