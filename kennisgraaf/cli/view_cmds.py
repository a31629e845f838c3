"""The view command: interactive network views as self-contained HTML pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import CacheOpt, DataOpt, EndpointOpt, OutOpt, QuietOpt, app, handles_errors
from .output import err_console, progress

VIEWS_HELP = "themas, thema, overdrachten, organisaties of alles"


def default_views_dir() -> Path:
    """Where pages go when no --out/--out-dir is given: a folder of its own in the user's cache
    (not inside the build cache, whose old folders are pruned)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kennisgraaf-weergaven", appauthor=False))


@app.command()
@handles_errors
def view(
    name: Annotated[
        str | None,
        typer.Argument(help=f"De weergave: {VIEWS_HELP}.", show_default=False, metavar="[WEERGAVE]"),
    ] = None,
    thema: Annotated[
        str | None,
        typer.Option(
            "--thema", "-t", show_default=False, metavar="THEMA",
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
        typer.Option("--out-dir", metavar="MAP",
                     help="Map voor --all (standaard: een map in de cache van de gebruiker).",
                     show_default=False),
    ] = None,
    open_page: Annotated[
        bool, typer.Option("--open/--no-open", help="Open de pagina daarna in de webbrowser.")
    ] = False,
    data: DataOpt = None,
    cache_dir: CacheOpt = None,
    endpoint: EndpointOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Teken een interactieve netwerkweergave: één HTML-bestand dat zonder internet opent.

    Met legenda, zoekveld en bij elke knoop of lijn de bron (plan en regel).

    Weergaven: themas · thema (met --thema) · overdrachten · organisaties · alles.

    Zonder --out (of --out-dir bij --all) komt het resultaat in de cachemap van de gebruiker.

    Voorbeeld: kennisgraaf view thema --thema zzs --out zzs.html --open
    """
    from ..access import open_store
    from ..errors import KennisgraafError
    from ..sources import DataFolder
    from ..views import Context, load_config, page_name, write_site, write_view

    folder = DataFolder.resolve(data)
    config = load_config(folder.visuals_dir)
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

    store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet))
    ctx = Context(store, folder.sources_texts_dir)
    console = err_console()
    if all_views:
        target = Path(out_dir) if out_dir is not None else default_views_dir()
        written = write_site(ctx, config, target)
        for done in written:
            if not quiet:
                console.print(f"  {done.path.name}: {len(done.view.nodes)} knopen, {len(done.view.edges)} lijnen",
                              highlight=False, markup=False)
        index = target / "index.html"
        console.print(f"geschreven: {index} (en {len(written)} weergaven)", highlight=False, markup=False,
                      soft_wrap=True)
        _maybe_open(index, open_page)
        return

    iri = None
    if thema:
        from ..resolve import resolve

        iri = resolve(store, "thema", thema, name="--thema").value
    target = Path(out) if out is not None else default_views_dir() / page_name(name, iri)
    done = write_view(ctx, config, name, target, iri)
    console.print(f"geschreven: {done.path} ({len(done.view.nodes)} knopen, {len(done.view.edges)} lijnen)",
                  highlight=False, markup=False, soft_wrap=True)
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
            err_console().print(f"geen webbrowser gevonden om te openen; open zelf: {uri}", highlight=False,
                                markup=False, soft_wrap=True)
