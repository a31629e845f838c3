"""Time the build pipeline on the shipped data: medians over several runs.

    python benchmarks/build.py [--runs 5]

Measures, as whole processes where a user would feel it:
  - cold build (`kennisgraaf build --force`, OWL-RL and RDFS reasoning)
  - warm `kennisgraaf stats` (cache hit: load N-Quads into Oxigraph, two queries, print)
  - `kennisgraaf --help`
and in-process: each stage of a cold build, and loading the cached graph.
The machines are shared and noisy: read medians and ratios, not single figures.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timing import wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    script = shutil.which("kennisgraaf") or str(Path(sys.executable).parent / "kennisgraaf")

    from kennisgraaf.access import ensure_build
    from kennisgraaf.store import OxigraphStore

    cache = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    rows = []
    try:
        for reasoner in ("owlrl", "rdfs"):
            stages: dict[str, list[float]] = {}
            sizes = None
            for _ in range(args.runs):
                report = ensure_build(None, cache, reasoner=reasoner, force=True)
                for name, secs in report.seconds.items():
                    stages.setdefault(name, []).append(secs)
                sizes = (report.asserted, report.inferred)
            for name, values in stages.items():
                rows.append((f"{reasoner}: stage {name}", statistics.median(values)))
            rows.append((f"{reasoner}: triples asserted / inferred", f"{sizes[0]} / {sizes[1]}"))
        rows.append(
            (
                "cold `kennisgraaf build --force` (process)",
                wall([script, "build", "--force", "-q", "--cache-dir", str(cache)], args.runs),
            )
        )
        entry = ensure_build(None, cache).entry
        loads = []
        for _ in range(args.runs * 4):
            start = time.perf_counter()
            OxigraphStore(entry.graph_file)
            loads.append(time.perf_counter() - start)
        rows.append(("warm: load cached graph into Oxigraph (in-process)", statistics.median(loads)))
        rows.append(
            (
                "warm `kennisgraaf stats` (process)",
                wall([script, "stats", "-q", "--cache-dir", str(cache)], args.runs * 2),
            )
        )
        rows.append(("`kennisgraaf --help` (process)", wall([script, "--help"], args.runs * 2)))
    finally:
        shutil.rmtree(cache, ignore_errors=True)

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"kennisgraaf build benchmark (median of {args.runs}+ runs)")
    table.add_column("measure")
    table.add_column("seconds / value", justify="right")
    for name, value in rows:
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console().print(table)


if __name__ == "__main__":
    main()
