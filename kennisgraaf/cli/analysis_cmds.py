"""Commands that analyse the network of themes: overlap, gaps and rapport."""

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
    FormatOpt,
    JaarOpt,
    OutOpt,
    QuietOpt,
    app,
    handles_errors,
    uses_graaf,
)
from .output import check_format, err_console, show, write_text

ThemaOpt = Annotated[
    str | None,
    typer.Option(
        "--thema",
        "-t",
        metavar="THEMA",
        help="Alleen dit thema (naam, afkorting of code) tegen alle andere.",
        show_default=False,
    ),
]
LangsOpt = Annotated[
    str,
    typer.Option(
        "--langs",
        "-l",
        metavar="ASSEN",
        help="As: onderwerpen, organisaties, wetgeving, overleggen of alles (meerdere: komma's).",
    ),
]


@app.command()
@handles_errors
@uses_graaf
def overlap(
    kg: Kennisgraaf,
    thema: ThemaOpt = None,
    langs: LangsOpt = "alles",
    as_matrix: Annotated[
        bool, typer.Option("--matrix/--paren", help="Thema × thema-matrix in plaats van paren.")
    ] = False,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    alles: AllesOpt = False,
    excel: ExcelOpt = False,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Waar overlappen thema's? Per paar wat ze delen, per as en in totaal.

    Per paar thema's wat ze delen (onderwerpen, organisaties, wetgeving, overlegpartners),
    de overlap per as (0–1; wat weinig thema's noemen telt zwaar, wat elk thema noemt
    nauwelijks, zoals in het rapport) en in totaal, van meeste naar minste overlap; de
    kolom jaccard geeft het gewone aandeel gedeeld. Op het scherm eerst een samenvatting;
    --alles toont elk paar.

    Voorbeeld: kennisgraaf overlap --thema Waterkwaliteit --langs onderwerpen
    """
    check_format(fmt)
    result = kg.overlaps(thema, langs, matrix=as_matrix)  # a wrong axis fails before any build
    say_year(kg, quiet)
    show(result, fmt, out, alles=alles, excel=excel)


@app.command()
@handles_errors
@uses_graaf
def gaps(
    kg: Kennisgraaf,
    soort: Annotated[
        list[str] | None,
        typer.Option(
            "--soort",
            "-s",
            metavar="SOORT",
            show_default=False,
            help="Alleen deze soort(en) bevinding, bijv. overdracht-zonder-plan.",
        ),
    ] = None,
    ernst: Annotated[
        str | None,
        typer.Option(
            "--ernst",
            "-e",
            metavar="ERNST",
            show_default=False,
            help="Alleen deze ernst of zwaarder: hoog, middel of laag.",
        ),
    ] = None,
    thema: ThemaOpt = None,
    regisseur: Annotated[
        str | None,
        typer.Option(
            "--regisseur",
            "-r",
            help="Alleen wat de thema's van deze kennisregisseur raakt (naam zoals in het colofon).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    alles: AllesOpt = False,
    excel: ExcelOpt = False,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Wat valt tussen twee stoelen? Bevindingen, de zwaarste eerst.

    Elke bevinding met soort, ernst, de betrokken thema's, een uitleg, wie erover gaat (de
    regisseurs), wat te doen en waar het staat (plan, paragraaf en regel); op het scherm eerst
    een samenvatting, --alles toont ze allemaal: overdrachten zonder plan of product,
    eenzijdige samenhang en samenwerking, onderwerpen en wetten zonder regie of product,
    organisaties die maar één thema betrekt, onvolledige producten, begrotingen die niet
    kloppen, kwartaalpieken en
    bijeenkomsten op dezelfde dag.

    Voorbeeld: kennisgraaf gaps --regisseur "Suzanne Giardina" --ernst middel
    """
    check_format(fmt)
    result = kg.gaps(soort, ernst, thema, regisseur)
    say_year(kg, quiet)
    show(result, fmt, out, alles=alles, excel=excel)


@app.command()
@handles_errors
@uses_graaf
def rapport(
    kg: Kennisgraaf,
    out: OutOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAAT",
            show_default=False,
            help="md of html (standaard: volgt de extensie van --out, anders md).",
        ),
    ] = None,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Eén leesbaar rapport voor het hele netwerk (Markdown of HTML).

    Samenvatting, overlapmatrix, grootste overlappen met wat de thema's delen, alle gaten
    per soort (met plan en regel), de
    organisaties en onderwerpen die de meeste thema's verbinden, en clusters van thema's.
    HTML is één zelfstandig bestand (geen internet nodig).

    Over één planjaar (standaard het laatste); heeft de graaf een eerder jaar, dan volgt een
    hoofdstuk met wat er sinds dat jaar veranderde (als kennisgraaf vergelijk).

    Voorbeeld: kennisgraaf rapport --out rapport.html
    """
    from ..api import rapport_format
    from ..reports.rapport import FORMATS

    fmt = check_format(fmt or rapport_format(out), FORMATS)
    say_year(kg, quiet)
    write_text(kg.rapport(fmt), out)


def say_year(kg: Kennisgraaf, quiet: bool) -> None:
    """The analyses are of one plan year: with several, say which on stderr (a table or a file
    stays as it was), after the network is loaded and before the answer."""
    keuze = kg.network_keuze
    if not quiet and len(keuze.jaren) > 1:
        err_console().print(
            f"{keuze.label()} (andere jaren: --jaar {', '.join(map(str, keuze.jaren))})", highlight=False, markup=False
        )
