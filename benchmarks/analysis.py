"""Time the overlap and gap analysis: on the 2026 build and on a synthetic graph 100× its size.

    python benchmarks/analysis.py [--runs 5] [--scale 100] [--big-runs 3]

Per graph, medians over the runs of each step, in process:
  load      load_network(store): four SELECTs through the Store, the typed networkx graph
  overlap   overlaps(network): four bipartite projections (Jaccard), every pair of themes
  gaps      find_gaps(network): every gap rule
  bridges   bridges(network): betweenness between themes over organisations and topics
  clusters  clusters(network): Louvain on the theme–theme graph
  analyse   analyse(network): all of the above but load, as `kennisgraaf rapport` runs it
  rapport   rendering the Markdown and HTML rapport from that analysis
  kaarten   rendering the HTML themakaart of (at most) six themes with a plan (the PDF is
            Chromium's work: time it with `time kennisgraaf themakaart --out-dir DIR`)
The synthetic graph comes from benchmarks/synth.py (the shape of the plans, Zipf-shared
topics, organisations and laws). The machines are shared and noisy: read medians and
ratios, not single figures.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from timing import median_time


def measure(name: str, store, runs: int) -> dict:
    from kennisgraaf.analysis import analyse
    from kennisgraaf.analysis.bridges import bridges, clusters
    from kennisgraaf.analysis.gaps import find_gaps
    from kennisgraaf.analysis.network import load_network
    from kennisgraaf.analysis.overlap import overlaps
    from kennisgraaf.reports.rapport import render

    row: dict = {"graaf": name, "triples": len(store)}
    row["load"], network = median_time(lambda: load_network(store), runs)
    row["knopen"], row["kanten"] = network.number_of_nodes(), network.number_of_edges()
    row["overlap"], found = median_time(lambda: overlaps(network), runs)
    row["paren"] = len(found)
    row["gaps"], gaps = median_time(lambda: find_gaps(network), runs)
    row["bevindingen"] = len(gaps)
    row["bridges"], _ = median_time(lambda: bridges(network), runs)
    row["clusters"], _ = median_time(lambda: clusters(network), runs)
    row["analyse"], result = median_time(lambda: analyse(network), runs)
    row["rapport"], _ = median_time(lambda: (render(result, "md"), render(result, "html")), runs)
    from kennisgraaf.reports.themakaart import render as card
    from kennisgraaf.reports.themakaart import themes_with_plan

    themes = themes_with_plan(network)[:6]
    row["kaarten"], _ = median_time(lambda: [card(network, result, t) for t in themes], runs)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs on the 2026 graph")
    parser.add_argument("--scale", type=int, default=100, help="size of the synthetic graph (× 2026)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs on the synthetic graph")
    args = parser.parse_args()

    from synth import synthetic_store  # benchmarks/synth.py: a script's folder is on sys.path

    from kennisgraaf.access import open_store

    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as cache:
        rows.append(measure("2026", open_store(None, Path(cache)), args.runs))
    start = time.perf_counter()
    big = synthetic_store(args.scale)
    generated = time.perf_counter() - start
    rows.append(measure(f"synthetisch ×{args.scale}", big, args.big_runs))

    columns = [
        "graaf",
        "triples",
        "knopen",
        "kanten",
        "paren",
        "bevindingen",
        "load",
        "overlap",
        "gaps",
        "bridges",
        "clusters",
        "analyse",
        "rapport",
        "kaarten",
    ]
    print(f"mediaan in seconden (load..kaarten); synthetische graaf gemaakt in {generated:.1f} s")
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        cells = [f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in columns]
        print("| " + " | ".join(cells) + " |")
    small, large = rows
    ratio = {k: large[k] / small[k] for k in ("knopen", "kanten", "triples")}
    slower = (large["load"] + large["analyse"]) / (small["load"] + small["analyse"])
    print(
        f"\nverhouding knopen {ratio['knopen']:.0f}×, kanten {ratio['kanten']:.0f}×, "
        f"triples {ratio['triples']:.0f}×; load + analyse {slower:.0f}× zo lang"
    )


if __name__ == "__main__":
    main()
