"""The export command: fixed tables for spreadsheets (CSV) and other tools (JSON)."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import CacheOpt, DataOpt, EndpointOpt, ExcelOpt, JaarOpt, OutOpt, QuietOpt, app, handles_errors
from .output import check_format, emit_all, progress


@app.command()
@handles_errors
def export(
    table: Annotated[
        str,
        typer.Argument(
            help="producten, overdrachten, organisaties, overleggen, wetgeving, bijeenkomsten, "
            "of alles (xlsx: één blad per tabel; json: één object).",
            metavar="TABEL",
            show_default=False,
        ),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAAT", help="csv, json of xlsx.")] = "csv",
    out: OutOpt = None,
    excel: ExcelOpt = False,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Exporteer één tabel, één rij per item: CSV (UTF-8), JSON of Excel (xlsx).

    Meerdere waarden in één cel: in CSV gescheiden door '; ', in xlsx elk op een eigen regel.
    Voor een Nederlandse Excel: --format xlsx, of --excel voor CSV met ';' en BOM.
    Eén planjaar (standaard het laatste); --jaar alle zet alle jaren onder elkaar, met een
    kolom jaar.

    Voorbeeld: kennisgraaf export alles --format xlsx --out kennisgraaf.xlsx
    """
    from ..access import open_store
    from ..errors import KennisgraafError
    from ..exports import COLUMNS, export_table
    from ..sources import DataFolder

    check_format(fmt, ("csv", "json", "xlsx"))
    if table not in (*COLUMNS, "alles"):  # before any build: the list of valid tables
        raise KennisgraafError(f"onbekende exporttabel {table!r}; kies uit: {', '.join(COLUMNS)} of alles")
    if table == "alles" and fmt == "csv":
        raise KennisgraafError("CSV bevat één tabel: kies er een, of gebruik --format xlsx of json voor alles")
    from ..years import parse_year

    parse_year(jaar)
    names = list(COLUMNS) if table == "alles" else [table]
    folder = DataFolder.resolve(data)
    store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet))
    emit_all([export_table(store, folder.queries_dir, name, jaar) for name in names], fmt, out, excel=excel, keys=names)
