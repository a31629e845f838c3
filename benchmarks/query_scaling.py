"""How the catalogue queries and parameter lookups grow with the graph: each query timed on
data folders of several sizes (benchmarks/synth.py --folder), with the exponent k of
time ≈ c · size^k between the smallest and the largest (k ≈ 1: linear, k ≈ 2: quadratic).

    python benchmarks/synth.py --scale 3 --folder /tmp/s3   (and 10, 30, ...)
    python benchmarks/query_scaling.py /tmp/s3 /tmp/s10 /tmp/s30 [--runs 3] [--only regieoverdrachten]

Times are medians inside one process, the build opened once per folder (the build itself is
benchmarks/build.py's); a query that needs a parameter gets the first name of that kind.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from timing import median_time as _median  # benchmarks/ is on the path when run as a script


def _a_name(store, kind: str) -> str | None:
    from kennisgraaf.resolve import index

    labels = sorted(index(store, kind).labels.values())
    return labels[0] if labels else None


def measure(folder: Path, runs: int, only: set[str] | None) -> tuple[int, dict[str, float]]:
    from kennisgraaf.access import ensure_build
    from kennisgraaf.queries import Catalogue
    from kennisgraaf.resolve import resolve
    from kennisgraaf.sources import DataFolder

    data = DataFolder.resolve(folder)
    report = ensure_build(data, None)
    store = report.entry.open()
    catalogue = Catalogue.load(data.queries_dir)
    seconds: dict[str, float] = {}
    for name in sorted(catalogue.queries):
        if only and name not in only:
            continue
        query = catalogue.get(name)
        values = {}
        for param in query.params:
            if param.required:
                value = _a_name(store, param.kind)
                if value is None:
                    break
                values[param.name] = value
        else:
            seconds[f"query {name}"] = _median(lambda n=name, v=values: catalogue.run(store, n, v), runs)[0]
    for kind in ("thema", "organisatie", "onderwerp", "item"):
        if only and f"resolve {kind}" not in only:
            continue
        value = _a_name(store, kind)
        if value is not None:
            seconds[f"resolve {kind}"] = _median(lambda k=kind, v=value: resolve(store, k, v), runs)[0]
    return report.asserted + report.inferred, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="comma-separated: query or resolve names as printed")
    opts = parser.parse_args()
    only = {w.strip().removeprefix("query ") for w in opts.only.split(",")} if opts.only else None
    sizes, results = [], []
    for folder in opts.folders:
        size, seconds = measure(folder, opts.runs, only)
        sizes.append(size)
        results.append(seconds)
    names = sorted(set().union(*results))
    print(f"{'':34s}" + "".join(f"{s:>12,d}" for s in sizes) + "  exponent   (triples; median s)")
    for name in names:
        row = [r.get(name) for r in results]
        text = "".join(f"{t:12.4f}" if t is not None else f"{'-':>12s}" for t in row)
        first, last = row[0], row[-1]
        if first and last and len(sizes) > 1 and sizes[-1] != sizes[0]:
            text += f"  {math.log(last / first) / math.log(sizes[-1] / sizes[0]):8.2f}"
        print(f"{name:34s}{text}", flush=True)


if __name__ == "__main__":
    main()
