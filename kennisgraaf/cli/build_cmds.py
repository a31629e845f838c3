"""Commands of the build stage: build, validate, stats."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import CacheOpt, DataOpt, ExcelOpt, FormatOpt, JaarOpt, OutOpt, QuietOpt, app, handles_errors
from .output import emit, emit_all, err_console, progress

STAGE_NAMES = ("inlezen", "valideren", "redeneren", "opslaan")


@app.command()
@handles_errors
def build(
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
    from ..access import ensure_build
    from ..errors import KennisgraafError
    from ..reason import MODES
    from ..tables import Table

    if reasoner not in MODES:
        raise KennisgraafError(f"onbekende redeneerder {reasoner!r}; kies uit: {', '.join(MODES)}")
    report = ensure_build(data, cache_dir, reasoner=reasoner, force=force, progress=progress(quiet))
    if quiet:  # -q: nothing but errors (the exit code says it worked)
        return
    console = err_console()
    if report.from_cache:
        console.print(f"al gebouwd (cache): {report.entry.folder}", highlight=False, soft_wrap=True)
    rows = [
        ["bronbestanden", report.sources],
        ["triples (bronnen)", report.asserted],
        ["triples (afgeleid)", report.inferred],
        ["triples (totaal)", report.asserted + report.inferred],
    ]
    if not report.from_cache:  # a warm build did no work: the manifest's timings are of an earlier run
        rows += [[f"tijd {name} (s)", round(report.seconds.get(name, 0.0), 2)] for name in STAGE_NAMES]
    warnings = [w for w in report.warnings if not w.is_error]
    title = f"Build ({report.reasoner})" + (" uit de cache" if report.from_cache else "")
    emit(
        Table(
            ["", "waarde"],
            rows,
            title=title,
            notes=[f"{len(warnings)} waarschuwing(en); zie: kennisgraaf validate"] if warnings else [],
        )
    )
    if not report.from_cache:
        console.print(f"cache: {report.entry.folder}", highlight=False, soft_wrap=True)


@app.command()
@handles_errors
def validate(
    data: DataOpt = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
) -> None:
    """Controleer de bronnen: Turtle-syntaxis en de SHACL-vormen (ontology/shapes.ttl).

    Exitcode 0: in orde (eventueel met waarschuwingen), 1: fouten in de gegevens,
    2: een bestand is onleesbaar.

    Voorbeeld: kennisgraaf validate --format csv --out problemen.csv
    """
    from ..load import load
    from ..sources import DataFolder
    from ..validate import validate as run_validation
    from .validation_view import violation_table

    folder = DataFolder.resolve(data)
    problems = run_validation(load(folder), folder)
    errors = [p for p in problems if p.is_error]
    if problems:
        emit(violation_table(problems), fmt, out)
    summary = (
        f"{len(errors)} fout(en), {len(problems) - len(errors)} waarschuwing(en) in {len(folder.sources())} bestanden"
    )
    err_console().print(summary, highlight=False)
    if errors:
        raise typer.Exit(1)


STATS_TABLES = {"themas": ("thema-overzicht", "Per thema"), "tellingen": ("tellingen", "Tellingen")}


@app.command()
@handles_errors
def stats(
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
) -> None:
    """Tel per thema het plan, de producten, partners, overleggen, wetten en overdrachten.

    Daarna de tellingen van het hele netwerk (thema's, organisaties, producten, ...), met
    dezelfde definities als het rapport, de weergaven en de exports (queries/tellingen.rq).
    Telt één planjaar (standaard het laatste jaar met plannen; --jaar 2026, of --jaar alle
    per jaar). Eén document per aanroep: JSON één object, xlsx één blad per tabel, CSV één tabel.

    Voorbeeld: kennisgraaf stats --jaar 2026 --format xlsx --out stats.xlsx
    """
    from ..access import open_store
    from ..errors import KennisgraafError
    from ..queries import Catalogue
    from ..sources import DataFolder
    from ..years import choose, parse_year
    from .output import check_format

    check_format(fmt)
    parse_year(jaar)
    if tabel is not None and tabel not in STATS_TABLES:
        raise KennisgraafError(f"onbekende tabel {tabel!r}; kies uit: {', '.join(STATS_TABLES)}")
    if tabel is None and fmt == "csv":
        tabel = "themas"
        err_console().print("CSV bevat één tabel: per thema (de tellingen: --tabel tellingen)", highlight=False)
    keys = [tabel] if tabel else list(STATS_TABLES)
    folder = DataFolder.resolve(data)
    store = open_store(folder, cache_dir, progress=progress(quiet))
    catalogue = Catalogue.load(folder.queries_dir)
    keuze = choose(store, jaar)
    tables = []
    for key in keys:
        name, title = STATS_TABLES[key]
        table = catalogue.run(store, name, jaar=keuze)
        table.title = f"{title} — {keuze.label()}" if len(keuze.jaren) > 1 else title
        tables.append(table)
    if "tellingen" in keys:
        tables[keys.index("tellingen")].notes.append("Per klasse van de ontologie: kennisgraaf query klassen")
    emit_all(tables, fmt, out, excel=excel, keys=keys)
