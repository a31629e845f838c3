"""Commands that ask the graph questions: query (named or from a file) and sparql."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..api import Kennisgraaf
from .app import (
    AllesOpt,
    CacheOpt,
    DataOpt,
    EndpointOpt,
    EndpointTimeoutOpt,
    ExcelOpt,
    FormatOpt,
    JaarOpt,
    OutOpt,
    QuietOpt,
    app,
    handles_errors,
    uses_graaf,
)
from .output import err_console, show
from .paths import check_out_file, decode_stdin

ParamOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--param", "-p", metavar="NAAM=WAARDE", show_default=False, help="Parameter als naam=waarde; herhaal voor meer."
    ),
]


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    from ..errors import QueryError

    values = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise QueryError(f"parameter {pair!r}: schrijf naam=waarde, bijvoorbeeld -p thema=Waterkwaliteit")
        key, value = pair.split("=", 1)
        values[key.strip()] = value.strip()
    return values


@app.command()
@handles_errors
@uses_graaf
def query(
    kg: Kennisgraaf,
    name: Annotated[
        str | None, typer.Argument(help="Naam van de vraag (zie --list).", show_default=False, metavar="[NAAM]")
    ] = None,
    param: ParamOpt = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="BESTAND", help="Eigen query uit een .rq-bestand.", show_default=False),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="Toon alle vragen met hun parameters.")] = False,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    alles: AllesOpt = False,
    excel: ExcelOpt = False,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    timeout: EndpointTimeoutOpt = 60.0,
    quiet: QuietOpt = False,
) -> None:
    """Stel een benoemde vraag (queries/*.rq) of een eigen query uit een bestand.

    Parameters accepteren een naam of afkorting zoals u die typt ("pfas", "RIVM",
    "waterkwaliteit"), hoofdletters maken niet uit. Vragen over plannen gaan over één planjaar
    (standaard het laatste; --jaar 2026, of --jaar alle met een kolom jaar).

    Voorbeeld: kennisgraaf query producten-van-thema -p thema=zzs -f csv
    """
    from ..errors import QueryError

    check_out_file(out)  # before any build: a folder or an unwritable path is said at once
    if list_:
        show(kg.list_queries(), fmt, out, excel=excel)
        return
    if file is not None:
        if name:
            raise QueryError("geef een vraagnaam óf --file, niet allebei")
        show(kg.run_file(file), fmt, out, alles=alles, excel=excel)
        return
    if not name:
        raise QueryError("geef de naam van een vraag, --file, of --list (kennisgraaf query --list)")
    result = kg.query(name, **parse_params(param))
    show(result, fmt, out, alles=alles, excel=excel)
    keuze = result.keuze
    if keuze is not None and fmt in ("csv", "json") and not quiet and len(keuze.jaren) > 1:
        err_console().print(keuze.label(), highlight=False, markup=False)


@app.command()
@handles_errors
@uses_graaf
def sparql(
    kg: Kennisgraaf,
    text: Annotated[
        str | None,
        typer.Argument(help="De query; '-' leest van standaardinvoer.", show_default=False, metavar="[QUERY]"),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Toon de voorgedeclareerde prefixen.")] = False,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    alles: AllesOpt = False,
    excel: ExcelOpt = False,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    timeout: EndpointTimeoutOpt = 60.0,
    quiet: QuietOpt = False,
) -> None:
    """Voer een eigen SPARQL-query uit (alleen lezen).

    Prefixen als kn:, skos:, org:, thema: en organisatie: zijn al gedeclareerd.

    Voorbeeld: kennisgraaf sparql "SELECT * WHERE { ?t a kn:Thema }"
    """
    from ..errors import QueryError

    check_out_file(out)
    if explain:
        show(kg.prefixes(), fmt, out)
        if not text:
            return
    if not text:
        raise QueryError('geef een query, bijvoorbeeld: kennisgraaf sparql "SELECT * WHERE { ?s a kn:Thema }"')
    if text == "-":
        text = decode_stdin(sys.stdin.buffer.read())
    show(kg.sparql(text), fmt, out, alles=alles, excel=excel)
