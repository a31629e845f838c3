"""Commands about plan years: vergelijk (what changed between two years) and nieuw-jaar."""

from __future__ import annotations

from typing import Annotated

import typer

from ..api import Kennisgraaf
from .app import AllesOpt, CacheOpt, DataOpt, EndpointOpt, FormatOpt, OutOpt, QuietOpt, app, handles_errors, uses_graaf
from .output import check_format, err_console, show


@app.command()
@handles_errors
@uses_graaf
def vergelijk(
    kg: Kennisgraaf,
    van: Annotated[str, typer.Argument(help="Het oude planjaar, bijv. 2026.", show_default=False)],
    naar: Annotated[str, typer.Argument(help="Het nieuwe planjaar, bijv. 2027.", show_default=False)],
    thema: Annotated[
        str | None,
        typer.Option("--thema", "-t", help="Alleen dit thema (naam, afkorting of code).", show_default=False),
    ] = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
    alles: AllesOpt = False,
) -> None:
    """Wat veranderde tussen twee planjaren? Per thema de producten die erbij kwamen, vervielen,
    verschoven (kwartaal), een ander budget, vorm, status of titel kregen; de organisaties,
    overleggen en wetten die kwamen of gingen; regieoverdrachten die erbij kwamen of opgepakt
    werden; en bevindingen die verschenen of verdwenen.

    Producten worden over de jaren herkend aan een kn:vervolgOp-link of dezelfde IRI; anders aan
    een gelijkende titel, en dan staat er "titel (gok)" bij.

    Voorbeeld: kennisgraaf vergelijk 2026 2027 --thema zzs --data ./mijn-data
    """
    check_format(fmt)
    show(kg.vergelijk(van, naar, thema), fmt, out, alles=alles)


@app.command("nieuw-jaar")
@handles_errors
@uses_graaf
def nieuw_jaar(
    kg: Kennisgraaf,
    jaar: Annotated[int, typer.Argument(help="Het nieuwe planjaar, bijv. 2027.", show_default=False)],
    thema: Annotated[
        str, typer.Option("--thema", "-t", help="Het thema (naam, afkorting of code).", show_default=False)
    ],
    van: Annotated[
        int | None,
        typer.Option(
            "--van", help="Kopieer het plan van dit jaar (standaard: het laatste eerdere jaar).", show_default=False
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    """Begin het plan van volgend jaar met een kopie van dit jaar: het jaar aangepast in IRI's,
    naam en kwartalen, de planregels (kn:bronRegel) leeg en bij elk plan, product en elke
    overdracht een kn:vervolgOp-link naar het origineel. Schrijft graph/plans/<jaar>/<thema>.ttl
    in de datamap (--data) en overschrijft nooit een bestaand plan.

    Daarna: de tekst in graph/bronnen/<jaar>/ zetten, het plan bewerken, en `kennisgraaf
    validate` toont welke planregels nog ingevuld moeten worden.

    Voorbeeld: kennisgraaf nieuw-jaar 2027 --thema ZZS --data ./mijn-data
    """
    done = kg.nieuw_jaar(jaar, thema, van)
    folder = kg.folder
    console = err_console()
    console.print(
        f"geschreven: {done.target} (kopie van {done.source.relative_to(folder.root)}; "
        f"{done.links} vervolgOp-links, {done.cleared} planregels leeggemaakt)",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    console.print(
        "nu: zet de tekst in graph/bronnen/, bewerk het plan en draai kennisgraaf validate",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
