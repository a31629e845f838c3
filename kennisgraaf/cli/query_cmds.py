"""Commands that ask the graph questions: query (named or from a file) and sparql."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

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
)
from .output import check_format, emit, err_console, progress, write_text
from .paths import check_out_file, decode_stdin, read_utf8

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


def show(store, results, fmt: str, out: Path | None, title: str = "", alles: bool = False, excel: bool = False) -> None:
    """One rendering path for every query result: SELECT, ASK or CONSTRUCT."""
    from ..labels import with_labels
    from ..screen import ROW_LIMIT
    from ..store import AskResult, GraphResult
    from ..tables import Table, from_results, sparql_json

    check_format(fmt)
    limit = None if alles else ROW_LIMIT
    if isinstance(results, AskResult):
        if fmt == "json":
            write_text(sparql_json(results), out)
        else:
            emit(Table(["antwoord"], [["ja" if results else "nee"]], title=title), fmt, out)
        return
    if isinstance(results, GraphResult):  # CONSTRUCT / DESCRIBE: Turtle
        if fmt == "xlsx":
            from ..errors import QueryError

            raise QueryError("xlsx is een tabel: alleen voor SELECT en ASK; CONSTRUCT geeft Turtle")
        import pyoxigraph as ox

        from ..namespaces import PREFIXES

        text = ox.serialize(results.triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        write_text(text.decode("utf-8") if isinstance(text, bytes) else text, out)
        return
    if fmt == "json":
        write_text(sparql_json(results), out)
        return
    if fmt in ("table", "md", "xlsx"):  # a person reads these: names, not IRIs
        results = with_labels(store, results)
    table = from_results(results, title=title)
    if not table.rows:
        table.notes.append("(geen resultaten)")
    emit(table, fmt, out, limit=limit, excel=excel)


def list_table(catalogue):
    from ..tables import Table

    rows = []
    for query in catalogue.queries.values():
        params = ", ".join(
            f"{p.name} ({p.kind}{', verplicht' if p.required else ''}{', standaard ' + p.default if p.default else ''})"
            for p in query.params
        )
        rows.append([query.name, query.title, params or "—"])
    return Table(["naam", "vraag", "parameters"], rows, title="Vragen (queries/*.rq)")


@app.command()
@handles_errors
def query(
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
    from ..access import open_store
    from ..errors import QueryError
    from ..queries import Catalogue
    from ..sources import DataFolder

    check_out_file(out)  # before any build: a folder or an unwritable path is said at once
    folder = DataFolder.resolve(data)
    catalogue = Catalogue.load(folder.queries_dir)
    if list_:
        emit(list_table(catalogue), fmt, out, excel=excel)
        return
    if file is not None:
        if name:
            raise QueryError("geef een vraagnaam óf --file, niet allebei")
        if not file.is_file():
            raise QueryError(f"bestand niet gevonden: {file}")
        text = read_utf8(file, "--file")
        store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet), timeout=timeout)
        show(store, store.run(text), fmt, out, title=file.name, alles=alles, excel=excel)
        return
    if not name:
        raise QueryError("geef de naam van een vraag, --file, of --list (kennisgraaf query --list)")
    from ..years import choose, parse_year, uses_year

    named = catalogue.get(name)  # unknown name → the list, before any build
    parse_year(jaar)
    store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet), timeout=timeout)
    title = named.title
    keuze = None
    if uses_year(named.text):
        keuze = choose(store, jaar)
        title = f"{title} — {keuze.label()}"
    results = catalogue.execute(store, name, parse_params(param), jaar=keuze)
    show(store, results, fmt, out, title=title, alles=alles, excel=excel)
    if keuze is not None and fmt in ("csv", "json") and not quiet and len(keuze.jaren) > 1:
        err_console().print(keuze.label(), highlight=False, markup=False)


@app.command()
@handles_errors
def sparql(
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
    from ..access import open_store
    from ..errors import QueryError
    from ..namespaces import PREFIXES
    from ..tables import Table

    check_out_file(out)
    if explain:
        emit(Table(["prefix", "IRI"], [[p + ":", iri] for p, iri in PREFIXES.items()], title="Prefixen"), fmt, out)
        if not text:
            return
    if not text:
        raise QueryError('geef een query, bijvoorbeeld: kennisgraaf sparql "SELECT * WHERE { ?s a kn:Thema }"')
    if text == "-":
        text = decode_stdin(sys.stdin.buffer.read())
    store = open_store(data, cache_dir, endpoint=endpoint, progress=progress(quiet), timeout=timeout)
    show(store, store.run(text), fmt, out, alles=alles, excel=excel)
