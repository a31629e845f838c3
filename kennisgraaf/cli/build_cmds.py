"""Commands of the build stage: build, validate, stats."""

from __future__ import annotations

from typing import Annotated

import typer

from ..api import Kennisgraaf
from .app import (
    AllesOpt,
    CacheOpt,
    DataOpt,
    ExcelOpt,
    FormatOpt,
    JaarOpt,
    OutOpt,
    QuietOpt,
    app,
    handles_errors,
    uses_graaf,
)
from .output import check_format, err_console, show


@app.command()
@handles_errors
@uses_graaf
def build(
    kg: Kennisgraaf,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    force: Annotated[bool, typer.Option("--force/--no-force", help="Opnieuw bouwen, ook als de cache klopt.")] = False,
    reasoner: Annotated[
        str,
        typer.Option(
            metavar="NAAM",
            help="rules (de OWL 2 RL-regels uit de ontologie, snel), owlrl (de referentie), rdfs, of none.",
        ),
    ] = "rules",
    quiet: QuietOpt = False,
) -> None:
    """Bouw de graaf: inlezen, valideren (SHACL), redeneren (OWL 2 RL-regels) en in de cache zetten.

    Slaat over wat al gebouwd is: de cache is gesleuteld op een hash van alle bronbestanden.

    Voorbeeld: kennisgraaf build --force
    """
    result = kg.build(force=force, reasoner=reasoner)
    if quiet:  # -q: nothing but errors (the exit code says it worked)
        return
    report = result.raw
    console = err_console()
    if report.from_cache:
        console.print(f"al gebouwd (cache): {report.entry.folder}", highlight=False, soft_wrap=True)
    show(result)
    if not report.from_cache:
        console.print(f"cache: {report.entry.folder}", highlight=False, soft_wrap=True)


@app.command()
@handles_errors
@uses_graaf
def validate(
    kg: Kennisgraaf,
    data: DataOpt = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    alles: AllesOpt = False,
) -> None:
    """Controleer de bronnen: Turtle-syntaxis en de SHACL-vormen (ontology/shapes.ttl).

    Exitcode 0: in orde (eventueel met waarschuwingen), 1: fouten in de gegevens,
    2: een bestand is onleesbaar.

    Voorbeeld: kennisgraaf validate --format csv --out problemen.csv
    """
    result = kg.validate()
    problems = result.raw
    errors = [p for p in problems if p.is_error]
    if problems:
        show(result, fmt, out, alles=alles)
    warnings, files = len(problems) - len(errors), len(kg.folder.sources())
    summary = f"{len(errors)} fout(en), {warnings} waarschuwing(en) in {files} bestanden"
    err_console().print(summary, highlight=False)
    if errors:
        raise typer.Exit(1)


@app.command()
@handles_errors
@uses_graaf
def stats(
    kg: Kennisgraaf,
    tabel: Annotated[
        str | None,
        typer.Option(
            "--tabel",
            metavar="TABEL",
            show_default=False,
            help="Alleen deze tabel: themas of tellingen (CSV bevat er één; standaard themas).",
        ),
    ] = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    excel: ExcelOpt = False,
    jaar: JaarOpt = None,
    quiet: QuietOpt = False,
    alles: AllesOpt = False,
) -> None:
    """Tel per thema het plan, de producten, partners, overleggen, wetten en overdrachten.

    Daarna de tellingen van het hele netwerk (thema's, organisaties, producten, ...), met
    dezelfde definities als het rapport, de weergaven en de exports (queries/tellingen.rq).
    Telt één planjaar (standaard het laatste jaar met plannen; --jaar 2026, of --jaar alle
    per jaar). Eén document per aanroep: JSON één object, xlsx één blad per tabel, CSV één tabel.

    Voorbeeld: kennisgraaf stats --jaar 2026 --format xlsx --out stats.xlsx
    """
    check_format(fmt)
    result = kg.stats(tabel)
    if tabel is None and fmt == "csv":
        err_console().print("CSV bevat één tabel: per thema (de tellingen: --tabel tellingen)", highlight=False)
    show(result, fmt, out, alles=alles, excel=excel)
