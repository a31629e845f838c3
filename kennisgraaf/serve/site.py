"""The network views and the report, written into a folder for the server's /site/ mount.

`kennisgraaf serve` without `--site` makes them at start-up from the same build it serves,
through the public API (`Kennisgraaf.views`, `Kennisgraaf.rapport`), so the pages a
regisseur opens in the browser are the ones `kennisgraaf view --all` and `kennisgraaf
rapport --format html` write, from the graph behind /sparql. The plan texts, the search
page and the site's own style sheet and scripts go in beside them (kennisgraaf/site), so
the resource pages the server renders link to the same line anchors and search as the
static site of `kennisgraaf site`.
"""

from __future__ import annotations

from pathlib import Path

REPORT_FILE = "rapport.html"


def write_views(store, folder, target: Path, network=None, analysis=None) -> list[Path]:
    """Every view (with its index.html) and rapport.html into `target`; the files written.
    `network` (one plan year) and its `analysis`: the static site's, computed once for all
    its pages (kennisgraaf/site/writer.py)."""
    from ..analysis import analyse
    from ..analysis.network import load_network
    from ..analysis.years import latest
    from ..reports.rapport import render
    from ..views import Context, load_config
    from ..views import write_site as write_all_views

    target.mkdir(parents=True, exist_ok=True)
    texts = folder.sources_texts_dir
    if network is None:
        network = latest(load_network(store, texts))  # one plan year, as `view` and `rapport` show
    if analysis is None:
        analysis = analyse(network)  # once: the views show the same overlaps and gaps as the report
    context = Context(store, texts, network=network, overlaps=analysis.overlaps, gaps=analysis.findings)
    written = [done.path for done in write_all_views(context, load_config(folder.visuals_dir), target)]
    report = target / REPORT_FILE
    report.write_text(render(analysis, "html"), encoding="utf-8")
    return [*written, report]


def write_site(store, folder, target: Path) -> list[Path]:
    """The server's /site/ folder: the views and the report as the API writes them (the same
    calls as `kennisgraaf view --all` and `kennisgraaf rapport`), and the plan texts and
    search of the static site (rendered for the server's paths)."""
    from ..api import Kennisgraaf
    from ..site.writer import write_served_extras

    graaf = Kennisgraaf.of(store, folder)
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    written = [done.path for done in graaf.views(target)]
    report = target / REPORT_FILE
    report.write_text(graaf.rapport("html"), encoding="utf-8")
    return [*written, report, *write_served_extras(store, folder, target)]
