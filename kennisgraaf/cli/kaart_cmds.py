"""The themakaart command: one printable page (HTML and PDF) per theme."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..api import Kennisgraaf
from .analysis_cmds import ThemaOpt, say_year
from .app import CacheOpt, DataOpt, EndpointOpt, JaarOpt, QuietOpt, app, handles_errors, uses_graaf


@app.command()
@handles_errors
@uses_graaf
def themakaart(
    kg: Kennisgraaf,
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out-dir", "-o", help="Map waarin de themakaarten komen (wordt aangemaakt).", show_default=False
        ),
    ],
    thema: ThemaOpt = None,
    pdf: Annotated[bool, typer.Option("--pdf/--geen-pdf", help="Ook een PDF maken (met Chromium).")] = True,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Eén printbare pagina per thema om uit te delen: het plan in cijfers, producten per
    kwartaal, partners, overdrachten en samenwerking in en uit, overlap met andere thema's en
    de open bevindingen met wat te doen. HTML (met printopmaak, A4) en PDF.

    Voorbeeld: kennisgraaf themakaart --thema Waterkwaliteit --out-dir kaarten
    """
    from ..api import ThemakaartWritten

    def said(card: ThemakaartWritten) -> None:
        if not quiet:
            typer.echo("geschreven: " + ", ".join(str(p) for p in card.files))

    say_year(kg, quiet)
    kg.themakaart(out_dir, thema, pdf=pdf, on_written=said)
