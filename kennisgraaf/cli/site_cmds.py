"""The static site (`site`) and its search from the command line (`zoek`)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from ..api import Kennisgraaf
from .app import CacheOpt, DataOpt, FormatOpt, OutOpt, QuietOpt, app, handles_errors, uses_graaf
from .output import err_console, progress, show


@app.command()
@handles_errors
def site(
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", metavar="MAP", help="Map waarin de website komt (wordt aangemaakt).", show_default=False
        ),
    ],
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Schrijf één statische website van het hele netwerk, met zoeken.

    Thema's, plannen met regelnummers, een pagina per bron, het rapport, de weergaven en de
    vaste vragen met hun antwoorden.

    Werkt vanaf file:// en vanaf elke gewone webserver; niets wordt van buiten geladen. Elke
    bronpagina staat er ook als Turtle (.ttl) en JSON-LD (.jsonld) naast.

    Voorbeeld: kennisgraaf site --out site/
    """
    from ..access import open_local
    from ..errors import KennisgraafError
    from ..site.writer import write
    from ..sources import DataFolder

    stage = progress(quiet)
    store = open_local(data, cache_dir, progress=stage)
    folder = DataFolder.resolve(data)
    if out.exists() and not out.is_dir():
        raise KennisgraafError(f"--out {out} is een bestand, geen map")
    if out.is_dir() and any(out.iterdir()) and not (out / "static" / "zoekindex.js").is_file():
        raise KennisgraafError(f"de map {out} is niet leeg en bevat geen eerdere site; kies een lege map")
    current: list[contextlib.AbstractContextManager] = []

    def step(name: str) -> None:
        if stage is None:
            return
        while current:
            current.pop().__exit__(None, None, None)
        manager = stage(name)
        manager.__enter__()
        current.append(manager)

    try:
        report = write(store, folder, out, progress=step)
    finally:
        while current:
            current.pop().__exit__(None, None, None)
    if not quiet:
        err_console().print(
            f"site geschreven in {out}: {report.pages} pagina's, {report.resources} bronnen, "
            f"{report.files} bestanden, {report.bytes / 1e6:.1f} MB; open {(out / 'index.html').resolve().as_uri()}",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
@handles_errors
@uses_graaf
def zoek(
    kg: Kennisgraaf,
    term: Annotated[
        str, typer.Argument(metavar="TERM", help="Waar je naar zoekt (accenten en hoofdletters tellen niet).")
    ],
    limit: Annotated[int, typer.Option("--max", metavar="AANTAL", min=1, help="Hoogstens zoveel resultaten.")] = 20,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    fmt: FormatOpt = "table",
    out: OutOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Zoek in alle namen, beschrijvingen en plannen, zoals het zoekveld van de site.

    Voorbeeld: kennisgraaf zoek staalslakken
    """
    show(kg.zoek(term, limit), fmt, out)
