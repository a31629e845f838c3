"""The view command: interactive network views as self-contained HTML pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import CacheOpt, DataOpt, EndpointOpt, JaarOpt, OutOpt, QuietOpt, app, handles_errors
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
    from ..access import open_store
    from ..errors import KennisgraafError
    from ..sources import DataFolder
    from ..views import Context, load_config, page_name, write_view
    from .paths import check_out_dir, check_out_file

    check_out_file(out)
    check_out_dir(out_dir)
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

    from ..analysis.precomputed import load_network
    from ..analysis.years import plan_years, scope
    from ..years import parse_year, pick

    parse_year(jaar)
    store = open_store(folder, cache_dir, endpoint=endpoint, progress=progress(quiet))
    network = load_network(store, folder.sources_texts_dir)
    keuze = pick(plan_years(network), jaar, allow_all=False)
    ctx = Context(store, folder.sources_texts_dir, network=scope(network, keuze.jaar))
    console = err_console()
    if all_views:
        target = Path(out_dir) if out_dir is not None else default_views_dir()
        written = _write_years(store, folder, network, config, target, keuze, console, quiet)
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

    iri = None
    if thema:
        from ..resolve import resolve

        iri = resolve(store, "thema", thema, name="--thema").value
    target = Path(out) if out is not None else default_views_dir() / page_name(name, iri)
    done = write_view(ctx, config, name, target, iri)
    console.print(
        f"geschreven: {done.path} ({len(done.view.nodes)} knopen, {len(done.view.edges)} lijnen)",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    _maybe_open(done.path, open_page)


def _write_years(store, folder, network, config, target: Path, keuze, console, quiet):
    """The site of the chosen year at `target`; with several plan years every other year in
    `target/<jaar>/`, and on every page a switch to the same page of the other years."""
    from ..analysis.network import nodes_of
    from ..analysis.years import scope
    from ..views import Context, page_name, write_site

    if len(keuze.jaren) < 2:
        return write_site(Context(store, folder.sources_texts_dir, network=scope(network, keuze.jaar)), config, target)
    home = keuze.jaar
    folders = {y: "" if y == home else f"{y}/" for y in keuze.jaren}
    scoped = {y: scope(network, y) for y in keuze.jaren}
    pages = {
        y: {page_name(n) for n in config.views}
        | {page_name("thema", scoped[y].nodes[p]["thema"]) for p in nodes_of(scoped[y], "plan")}
        for y in keuze.jaren
    }

    def switch(here: int):
        up = "" if here == home else "../"

        def years(page: str):
            return tuple(
                (y, None if y == here else up + folders[y] + (page if page in pages[y] else "index.html"))
                for y in keuze.jaren
            )

        return years

    written = []
    for y in keuze.jaren:
        ctx = Context(store, folder.sources_texts_dir, network=scoped[y])
        done = write_site(ctx, config, target / folders[y] if folders[y] else target, switch(y))
        if not quiet and y != home:
            console.print(f"  planjaar {y}: {target / str(y)}", highlight=False, markup=False)
        written += done if y == home else []
    return written


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
