"""The export command: fixed tables for spreadsheets (CSV) and other tools (JSON)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..api import Kennisgraaf
from .app import (
    AllesOpt,
    CacheOpt,
    DataOpt,
    EndpointOpt,
    ExcelOpt,
    JaarOpt,
    OutOpt,
    QuietOpt,
    app,
    handles_errors,
    uses_graaf,
)
from .output import check_format, show


@app.command()
@handles_errors
@uses_graaf
def export(
    kg: Kennisgraaf,
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
    alles: AllesOpt = False,
) -> None:
    """Exporteer één tabel, één rij per item: CSV (UTF-8), JSON of Excel (xlsx).

    Meerdere waarden in één cel: in CSV gescheiden door '; ', in xlsx elk op een eigen regel.
    Voor een Nederlandse Excel: --format xlsx, of --excel voor CSV met ';' en BOM.
    Eén planjaar (standaard het laatste); --jaar alle zet alle jaren onder elkaar, met een
    kolom jaar.

    Voorbeeld: kennisgraaf export alles --format xlsx --out kennisgraaf.xlsx
    """
    check_format(fmt, ("csv", "json", "xlsx"))
    result = kg.export(table)  # an unknown table fails here, before any build
    check_format(fmt, result.formats)
    show(result, fmt, out, alles=alles, excel=excel)
