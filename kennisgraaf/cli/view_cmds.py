"""The view command: interactive network views as self-contained HTML pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..api import Kennisgraaf, default_views_dir
from .app import CacheOpt, DataOpt, EndpointOpt, JaarOpt, OutOpt, QuietOpt, app, handles_errors, uses_graaf
from .output import err_console

VIEWS_HELP = "themas, thema, overdrachten, organisaties of alles"


@app.command()
@handles_errors
@uses_graaf
def view(
    kg: Kennisgraaf,
    name: Annotated[
        str | None,
        typer.Argument(help=f"De weergave: {VIEWS_HELP}.", show_default=False, metavar="[WEERGAVE]"),
    ] = None,
    thema: Annotated[
        str | None,
        typer.Option(
            "--thema",
            "-t",
            show_default=False,
            metavar="THEMA",
            help="Een thema (naam, afkorting of code). Verplicht bij 'thema'; bij overdrachten en organisaties "
            "een filter; bij themas en alles het thema dat bij openen geselecteerd is.",
        ),
    ] = None,
    out: OutOpt = None,
    all_views: Annotated[
        bool, typer.Option("--all", help="Schrijf alle weergaven en een indexpagina naar --out-dir.")
    ] = False,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="MAP",
            help="Map voor --all (standaard: een map in de cache van de gebruiker).",
            show_default=False,
        ),
    ] = None,
    open_page: Annotated[
        bool, typer.Option("--open/--no-open", help="Open de pagina daarna in de webbrowser.")
    ] = False,
    jaar: JaarOpt = None,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Teken een interactieve netwerkweergave: één HTML-bestand dat zonder internet opent.

    Met legenda, zoekveld en bij elke knoop of lijn de bron (plan en regel).

    Weergaven: themas · thema (met --thema) · overdrachten · organisaties · alles.

    Zonder --out (of --out-dir bij --all) komt het resultaat in de cachemap van de gebruiker.

    Eén planjaar per weergave (standaard het laatste; --jaar 2026). Met --all en meer planjaren
    komt elk ander jaar in een submap (<out-dir>/2026/) en heeft elke pagina een jaarkeuze.

    Voorbeeld: kennisgraaf view thema --thema zzs --out zzs.html --open
    """
    from ..errors import KennisgraafError
    from ..views import load_config
    from .paths import check_out_dir, check_out_file

    check_out_file(out)
    check_out_dir(out_dir)
    config = load_config(kg.folder.visuals_dir)
    if all_views:
        if name:
            raise KennisgraafError("geef een weergave óf --all, niet allebei")
        if out is not None:
            raise KennisgraafError("--all schrijft een map: gebruik --out-dir in plaats van --out")
        if thema:
            raise KennisgraafError("--thema hoort bij één weergave, niet bij --all")
    else:
        if not name:
            raise KennisgraafError(f"geef een weergave ({VIEWS_HELP}) of --all; bijvoorbeeld: kennisgraaf view themas")
        definition = config.view(name)  # an unknown name fails here, before any build
        if out_dir is not None:
            raise KennisgraafError("--out-dir hoort bij --all; gebruik --out voor één weergave")
        if definition.needs_thema and not thema:
            raise KennisgraafError(f"de weergave {name!r} heeft --thema nodig, bijvoorbeeld --thema Waterkwaliteit")
    kg.check_jaar()
    kg.network_keuze  # noqa: B018  (the network of the chosen year is built before any page)
    console = err_console()
    if all_views:
        target = Path(out_dir) if out_dir is not None else default_views_dir()

        def said(year: int, folder: Path) -> None:
            if not quiet:
                console.print(f"  planjaar {year}: {folder}", highlight=False, markup=False)

        written = kg.views(target, on_year=said)
        for done in written:
            if not quiet:
                console.print(
                    f"  {done.path.name}: {len(done.view.nodes)} knopen, {len(done.view.edges)} lijnen",
                    highlight=False,
                    markup=False,
                )
        index = target / "index.html"
        console.print(
            f"geschreven: {index} (en {len(written)} weergaven)", highlight=False, markup=False, soft_wrap=True
        )
        _maybe_open(index, open_page)
        return

    assert name is not None  # said above: a view, or --all
    done = kg.view(name, thema, out)
    console.print(
        f"geschreven: {done.path} ({len(done.view.nodes)} knopen, {len(done.view.edges)} lijnen)",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    _maybe_open(done.path, open_page)


def _maybe_open(path: Path, wanted: bool) -> None:
    """--open: a browser, or a clear word that there is none (webbrowser fails silently)."""
    if wanted:
        import webbrowser

        uri = Path(path).resolve().as_uri()
        try:
            opened = webbrowser.open(uri)
        except webbrowser.Error:
            opened = False
        if not opened:
            err_console().print(
                f"geen webbrowser gevonden om te openen; open zelf: {uri}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
