"""The network views and the report, written into a folder for the server's /site/ mount.

`kennisgraaf serve` without `--site` makes them at start-up from the same build it serves,
with the same library calls as `kennisgraaf view --all` and `kennisgraaf rapport`, so
the pages a regisseur opens in the browser always match the graph behind /sparql.
"""

from __future__ import annotations

from pathlib import Path

REPORT_FILE = "rapport.html"


def write_site(store, folder, target: Path) -> list[Path]:
    """Every view (with its index.html) and rapport.html into `target`; the files written."""
    from ..analysis import analyse
    from ..analysis.network import load_network
    from ..analysis.years import latest
    from ..reports.rapport import render
    from ..views import Context, load_config
    from ..views import write_site as write_views

    target.mkdir(parents=True, exist_ok=True)
    texts = folder.sources_texts_dir
    network = latest(load_network(store, texts))  # one plan year, as `view` and `rapport` show
    analysis = analyse(network)  # once: the views show the same overlaps and gaps as the report
    context = Context(store, texts, network=network, overlaps=analysis.overlaps, gaps=analysis.findings)
    written = [done.path for done in write_views(context, load_config(folder.visuals_dir), target)]
    report = target / REPORT_FILE
    report.write_text(render(analysis, "html"), encoding="utf-8")
    return [*written, report]
