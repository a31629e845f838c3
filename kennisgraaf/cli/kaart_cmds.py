"""The themakaart command: one printable page (HTML and PDF) per theme."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .analysis_cmds import ThemaOpt, _network, _texts_dir
from .app import CacheOpt, DataOpt, EndpointOpt, JaarOpt, QuietOpt, app, handles_errors


@app.command()
@handles_errors
def themakaart(
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
    from ..analysis import analyse
    from ..analysis.network import _slug, find_theme
    from ..errors import KennisgraafError
    from ..reports.themakaart import render, themes_with_plan, to_pdf

    network = _network(data, cache_dir, endpoint, quiet, jaar)
    themes = [find_theme(network, thema)] if thema else themes_with_plan(network)
    analysis = analyse(network)
    texts = _texts_dir(data)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KennisgraafError(f"kan de map {out_dir} (--out-dir) niet maken: {exc.strerror}") from exc
    for t in themes:
        name = f"themakaart-{_slug(t)}"
        html_file = out_dir / f"{name}.html"
        html_file.write_text(render(network, analysis, t, texts), encoding="utf-8")
        written = [html_file]
        if pdf:
            written.append(to_pdf(html_file, out_dir / f"{name}.pdf"))
        if not quiet:
            typer.echo("geschreven: " + ", ".join(str(p) for p in written))
