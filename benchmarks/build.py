"""Time the build pipeline on the shipped data: medians over several runs.

    python benchmarks/build.py [--runs 5]
    python benchmarks/build.py --stages --data DIR [--data DIR ...] [--runs 3] [--against CHECKOUT]
    python benchmarks/build.py --store NQUADS

`--stages`: cold builds with the rules reasoner, each in its own process: per stage the wall
and CPU seconds, the whole build and the peak RSS (medians); `--against` runs the same builds
with the package of another checkout (e.g. `git archive main | tar -x -C /tmp/main`), in the
same run, and prints the ratio. `--store`: ways of writing the on-disk store from memory.

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

_ONE_BUILD = """
import json, resource, sys, time
from pathlib import Path
from kennisgraaf.build import build
from kennisgraaf.cache import Cache
from kennisgraaf.sources import DataFolder
stages = {}
class Stage:
    def __init__(self, name): self.name = name
    def __enter__(self): self.t, self.c = time.perf_counter(), time.process_time()
    def __exit__(self, *exc): stages[self.name] = (time.perf_counter() - self.t, time.process_time() - self.c)
start = time.perf_counter()
report = build(DataFolder.resolve(sys.argv[1]), Cache(Path(sys.argv[2])), force=True, progress=Stage, notify=None)
total = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"stages": stages, "total": total, "rss_mb": rss, "asserted": report.asserted}))
"""


def _one_build(data: str, code: str | None) -> dict:
    import json
    import os
    import subprocess

    env = dict(os.environ, PYTHONPATH=code) if code else None
    with tempfile.TemporaryDirectory(prefix="kg-bench-stages-") as cache:
        out = subprocess.run(
            [sys.executable, "-c", _ONE_BUILD, data, cache], check=True, capture_output=True, text=True, env=env
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def stage_table(data: list[str], runs: int, against: str | None) -> None:
    """Per-stage medians of cold builds, this checkout beside `against` (if given)."""
    med = statistics.median
    for folder in data:
        builds: dict[str, list[dict]] = {"nu": [], "tegen": []}
        for _ in range(runs):  # interleaved, so both see the same load on a shared machine
            builds["nu"].append(_one_build(folder, None))
            if against:
                builds["tegen"].append(_one_build(folder, against))
        print(f"{folder} ({builds['nu'][0]['asserted']} asserted triples, median of {runs})")
        for label, found in builds.items():
            if not found:
                continue
            names = list(found[0]["stages"])
            parts = [
                f"{n} {med(b['stages'][n][0] for b in found):.2f}s (cpu {med(b['stages'][n][1] for b in found):.2f})"
                for n in names
            ]
            total, rss = med(b["total"] for b in found), med(b["rss_mb"] for b in found)
            print(f"  {label:5s} total {total:.2f}s  peak {rss} MB  | " + ", ".join(parts))
        if builds["tegen"]:
            ratio = med(b["total"] for b in builds["tegen"]) / med(b["total"] for b in builds["nu"])
            print(f"  ratio tegen/nu: {ratio:.2f}x")


def store_writes(nquads: str) -> None:
    """The on-disk store written three ways from one in-memory store, and opened after."""
    import gc

    import pyoxigraph as ox

    memory = ox.Store()
    memory.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?o } }"
    for way in ("dump+bulk_load", "bulk_extend", "bulk_extend+optimize"):
        with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as folder:
            start = time.perf_counter()
            disk = ox.Store(folder + "/store")
            if way == "dump+bulk_load":
                memory.dump(output=folder + "/x.nq", format=ox.RdfFormat.N_QUADS)
                disk.bulk_load(path=folder + "/x.nq", format=ox.RdfFormat.N_QUADS)
            else:
                disk.bulk_extend(memory.quads_for_pattern(None, None, None, None))
            if way.endswith("optimize"):
                disk.optimize()
            disk.flush()
            del disk
            gc.collect()
            written = time.perf_counter() - start
            opens = []
            for _ in range(3):
                start = time.perf_counter()
                list(ox.Store.read_only(folder + "/store").query(query))
                opens.append(time.perf_counter() - start)
                gc.collect()
            print(f"{way:22s} write {written:.1f}s  open+count query {statistics.median(opens):.3f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stages", action="store_true")
    parser.add_argument("--data", action="append", default=[])
    parser.add_argument("--against")
    parser.add_argument("--store")
    args = parser.parse_args()
    if args.stages:
        return stage_table(args.data or [str(Path(__file__).parents[1])], args.runs, args.against)
    if args.store:
        return store_writes(args.store)
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
