"""Time the network views on the shipped data: medians over several runs.

    python benchmarks/views.py [--runs 5] [--no-browser]

Measures, in-process on a warm cache:
  - reading what the views need (analysis network, overlaps, gaps) once per run;
  - building each view's nodes and edges, and rendering its HTML page;
and in headless Chromium (over the DevTools protocol, as the browser tests do) for every page:
  - the node and edge count, and the time until vis-network's stabilisation event
    (`stabilizationIterationsDone`, or the first drawing for the fixed circle layouts),
    measured from the network's construction and from the start of the page load.
Plus `kennisgraaf view alles` as a whole process. The machines are shared and noisy: read
medians and ratios, not single figures.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    args = parser.parse_args()

    from kennisgraaf.access import open_store
    from kennisgraaf.sources import DataFolder
    from kennisgraaf.views import Context, build_view, load_config, page_name, render_page

    folder = DataFolder.resolve(None)
    cache = Path(tempfile.mkdtemp(prefix="kg-bench-views-"))
    out = Path(tempfile.mkdtemp(prefix="kg-bench-pages-"))
    rows: list[tuple[str, object]] = []
    try:
        store = open_store(None, cache)
        config = load_config(folder.visuals_dir)

        def prepare():
            ctx = Context(store, folder.sources_texts_dir)
            ctx.network, ctx.overlaps, ctx.gaps, ctx.evidence_index  # noqa: B018 - fetch them now
            return ctx

        seconds, ctx = median_time(prepare, args.runs)
        rows.append(("read: analysis network, overlaps, gaps, evidence", seconds))
        pages = [(name, None) for name in config.views if not config.views[name].needs_thema]
        pages += [("thema", t) for t in ctx.themes() if ctx.plans(t)]
        written = []
        for name, thema in pages:
            built, view = median_time(lambda n=name, t=thema: build_view(ctx, config, n, t), args.runs)
            rendered, page = median_time(lambda v=view: render_page(v, config), args.runs)
            path = out / page_name(name, thema)
            path.write_text(page, encoding="utf-8")
            written.append((path, view))
            label = page_name(name, thema)[:-5]
            rows.append((f"{label}: build ({len(view.nodes)} nodes, {len(view.edges)} edges)", built))
            rows.append((f"{label}: render ({len(page) // 1024} KiB)", rendered))

        script = shutil.which("kennisgraaf") or str(Path(sys.executable).parent / "kennisgraaf")
        rows.append(
            (
                "`kennisgraaf view alles` (process, warm cache)",
                median_time(
                    lambda: subprocess.run(
                        [
                            script,
                            "view",
                            "alles",
                            "-q",
                            "--cache-dir",
                            str(cache),
                            "--out",
                            str(out / "cli-alles.html"),
                        ],
                        check=True,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    ),
                    args.runs,
                )[0],
            )
        )

        if not args.no_browser:
            from kennisgraaf.views.browser import Browser

            with Browser(timeout=120) as browser:
                for path, _view in sorted(written, key=lambda pv: -len(pv[1].nodes)):
                    layout, page = [], []
                    for _ in range(args.runs):
                        result = browser.open(path)
                        if result.errors:
                            raise SystemExit(f"{path.name}: browser errors: {result.errors}")
                        layout.append(result.stats["layoutMs"] / 1000)
                        page.append(result.stats["stabilisedMs"] / 1000)
                    label = path.stem
                    rows.append(
                        (
                            f"browser {label}: stabilised after construction "
                            f"({result.stats['nodes']} nodes, {result.stats['edges']} edges)",
                            statistics.median(layout),
                        )
                    )
                    rows.append((f"browser {label}: stabilised after page start", statistics.median(page)))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"kennisgraaf views benchmark (median of {args.runs} runs)")
    table.add_column("measure")
    table.add_column("seconds / value", justify="right")
    for name, value in rows:
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console(width=120).print(table)


if __name__ == "__main__":
    main()
