"""Time `kennisgraaf site` and measure what it writes: on the 2026 build and on a synthetic
data folder (benchmarks/synth.py --folder) of about 100 k triples.

    python benchmarks/site.py [--runs 3] [--scale 10] [--big-runs 1]

Per graph: the median seconds of writing the whole site in process (the build is made once
beforehand and not timed), the number of pages, resource pages and files, the size on disk
and the search index's documents and bytes. The machines are shared and noisy: read medians
and ratios, not single figures.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import median_time


def measure(name: str, data: Path | None, cache: Path, runs: int) -> dict:
    from kennisgraaf.access import open_local
    from kennisgraaf.site.writer import write
    from kennisgraaf.sources import DataFolder

    store = open_local(data, cache)
    folder = DataFolder.resolve(data)
    with tempfile.TemporaryDirectory(prefix="kennisgraaf-bench-site-") as tmp:
        out = Path(tmp) / "site"
        seconds, report = median_time(lambda: write(store, folder, out), runs)
        index = (out / "static" / "zoekindex.js").stat().st_size
    return {
        "graph": name,
        "triples": len(store),
        "seconds": seconds,
        "pages": report.pages,
        "resources": report.resources,
        "files": report.files,
        "mb": report.bytes / 1e6,
        "documents": report.documents,
        "index_mb": index / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=10, help="synth.py scale (10: about 100 k triples)")
    parser.add_argument("--big-runs", type=int, default=1)
    args = parser.parse_args()
    from synth import write_folder

    with tempfile.TemporaryDirectory(prefix="kennisgraaf-bench-") as tmp:
        cache = Path(tmp) / "cache"
        rows = [measure("2026", None, cache, args.runs)]
        synth = Path(tmp) / "synth"
        write_folder(synth, args.scale)
        rows.append(measure(f"synth x{args.scale}", synth, cache, args.big_runs))
    keys = list(rows[0])
    print("  ".join(f"{k:>10}" for k in keys))
    for row in rows:
        print("  ".join(f"{v:>10.2f}" if isinstance(v, float) else f"{v!s:>10}" for v in row.values()))
    small, big = rows
    print(
        f"ratio synth/2026: triples {big['triples'] / small['triples']:.1f}x, "
        f"time {big['seconds'] / small['seconds']:.1f}x, size {big['mb'] / small['mb']:.1f}x"
    )


if __name__ == "__main__":
    main()
