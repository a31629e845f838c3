"""Run the whole query catalogue on the local build and print per-query times (medians).

    python benchmarks/queries.py [--runs 20] [--endpoint URL]

Each named query runs with the parameters of its first golden case (tests/expected/queries/
manifest.json), through the same Catalogue.run path the CLI uses: parameter resolution,
binding and the query itself. The store is loaded once; times exclude the build.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

MANIFEST = Path(__file__).resolve().parents[1] / "tests" / "expected" / "queries" / "manifest.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--endpoint", default=None)
    args = parser.parse_args()

    from rich.console import Console
    from rich.table import Table

    from kennisgraaf.access import open_store
    from kennisgraaf.queries import Catalogue
    from kennisgraaf.sources import DataFolder

    store = open_store(endpoint=args.endpoint)
    catalogue = Catalogue.load(DataFolder.resolve(None).queries_dir)
    params = {}
    for case in json.loads(MANIFEST.read_text(encoding="utf-8")):
        params.setdefault(case["query"], case.get("params", {}))

    table = Table(title=f"query catalogue, median of {args.runs} runs ({store.name})")
    for column in ("query", "parameters", "rows", "median ms", "p90 ms"):
        table.add_column(column, justify="left" if column in ("query", "parameters") else "right")
    medians = []
    for name in sorted(catalogue.queries):
        values = params.get(name, {})
        times = []
        rows = 0
        for _ in range(args.runs):
            start = time.perf_counter()
            rows = len(catalogue.run(store, name, values).rows)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        median = statistics.median(times)
        medians.append(median)
        table.add_row(
            name,
            ", ".join(f"{k}={v}" for k, v in values.items()),
            str(rows),
            f"{median:.1f}",
            f"{times[int(len(times) * 0.9) - 1]:.1f}",
        )
    table.add_row("(whole catalogue)", "", "", f"{sum(medians):.1f}", "")
    Console().print(table)


if __name__ == "__main__":
    main()
