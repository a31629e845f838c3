"""Build and every command at 10 k, 100 k and 1 M triples, beside a plain rdflib pipeline.

    python benchmarks/scale.py [--sizes 10k,100k,1M] [--runs 3] [--plain-at 10k,100k]

For each size, benchmarks/synth.py writes a real data folder (ontology, plans, plan texts)
that validates with 0 errors. Measured as whole processes, as a user feels them:
  - cold `kennisgraaf build --force` (load, validate, reason, store): median, peak RSS
  - every command on that build, once just after it (what it computes then is kept) and then
    warm: stats, every catalogue query, overlap and gaps (screen and CSV), rapport, view
  - the plain pipeline on the same folder: rdflib parsing, pySHACL, owlrl, and the catalogue
    queries through rdflib's SPARQL engine, in one process (skipped when it passes --plain-limit)
Prints medians, peak RSS and the ratio plain / kennisgraaf. The machine is shared: read
medians and ratios, not single figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth import PER_SCALE, write_folder

from kennisgraaf.views.model import MAX_NODES

#: synth scale per size (about 2,600 asserted triples per unit, plus the ontology)
SIZES = {"10k": 4, "100k": 38, "1M": 385}
PARAMS = {
    "thema": "Thema 0",
    "organisatie": "Organisatie 0",
    "onderwerp": "Onderwerp 0",
    "kwartaal": "Q2",
    "minimum": "2",
    "item": "Product 0 van plan 0",
}
SCRIPT = shutil.which("kennisgraaf") or str(Path(sys.executable).parent / "kennisgraaf")


def tree_rss(pid: int) -> int:
    """Peak resident KB so far (VmHWM) of a process and every process under it, summed (Linux
    /proc): a big build validates in a second process beside the reasoning, the 4 GB goal is
    for both together, and a child's ru_maxrss holds only the largest one."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as children:
                todo += [int(c) for c in children.read().split()]
        except OSError:  # gone in between, or no /proc: ru_maxrss still counts
            pass
    return total


def timed(cmd: list[str], timeout: float | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (MB; of the process tree, read every 0.1 s) and exit code of one
    child process."""
    import threading

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done = [0], threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except KeyboardInterrupt:
        proc.kill()
        raise
    finally:
        done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss starts from this process's own size at the fork (kept across exec), so a small
    # command would show the benchmark's size: the samples say it, unless it ended before one
    return time.perf_counter() - start, (peak[0] or usage.ru_maxrss) // 1024, proc.returncode


def median_run(cmd: list[str], runs: int, refused: bool = False) -> tuple[float, int]:
    """Median seconds and peak MB of `runs` runs; `refused`: the command is expected to say no
    (exit 2 with a message, as `view themas` does above 1,500 themes)."""
    results = [timed(cmd) for _ in range(runs)]
    failed = [r for r in results if r[2] != (2 if refused else 0)]
    if failed:
        raise SystemExit(f"mislukt ({failed[0][2]}): {' '.join(cmd)}")
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def stages(cache: Path) -> dict[str, float]:
    """The seconds per stage the last build wrote in its manifest (load, validate, reason)."""
    import json

    manifests = sorted(cache.glob("*/manifest.json"), key=lambda p: p.stat().st_mtime)
    return json.loads(manifests[-1].read_text(encoding="utf-8"))["seconds"] if manifests else {}


def commands(folder: Path, cache: Path, out: Path) -> dict[str, list[str]]:
    from kennisgraaf.queries import Catalogue
    from kennisgraaf.sources import DataFolder

    common = ["--data", str(folder), "--cache-dir", str(cache)]
    found = {"stats": ["stats", "-q", "--format", "csv", *common]}
    catalogue = Catalogue.load(DataFolder.resolve(folder).queries_dir)
    for query in catalogue.queries.values() if hasattr(catalogue, "queries") else catalogue:
        name = query.name
        params = [
            p for p in PARAMS if f"?{p}" in query.text and f"# Voorbeeld: kennisgraaf query {name} -p {p}" in query.text
        ]
        extra = [arg for p in params for arg in ("-p", f"{p}={PARAMS[p]}")]
        found[f"query {name}"] = ["query", name, *extra, "-q", "--format", "csv", *common]
    # the screen (a summary and 40 rows, what a regisseur reads) and the whole table as CSV
    found["overlap"] = ["overlap", "-q", *common]
    found["overlap --format csv"] = ["overlap", "-q", "--format", "csv", *common]
    found["gaps"] = ["gaps", "-q", *common]
    found["gaps --format csv"] = ["gaps", "-q", "--format", "csv", *common]
    found["rapport"] = ["rapport", "-q", "--out", str(out / "rapport.html"), *common]
    found["view themas"] = ["view", "themas", "-q", "--no-open", "--out", str(out / "v.html"), *common]
    return found


PLAIN = r"""
import sys, time
from pathlib import Path
import owlrl
from pyshacl import validate
from rdflib import Dataset, Graph, URIRef
folder = Path(sys.argv[1])
start = time.perf_counter()
dataset, union = Dataset(default_union=True), Graph()
for path in sorted([*folder.glob("ontology/**/*.ttl"), *folder.glob("graph/**/*.ttl")]):
    if path.name != "shapes.ttl":
        named = dataset.graph(URIRef(path.resolve().as_uri()))
        named.parse(path, format="turtle")
        union += named
shapes = Graph().parse(folder / "ontology" / "shapes.ttl", format="turtle")
conforms, _, _ = validate(union, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
closure = Graph()
closure += union
owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
inferred = dataset.graph(URIRef("https://w3id.org/kennisgraaf/graph/inferred"))
for triple in closure:
    inferred.add(triple)
for query in sorted(Path(sys.argv[2]).glob("*.rq")):
    list(dataset.query(query.read_text(encoding="utf-8")))  # parameters left unbound
print(time.perf_counter() - start, len(union))
"""


class Report(list):
    """Rows printed as they are measured (a long run that is cut off still shows what it had)."""

    def append(self, row) -> None:
        super().append(row)
        size, name, secs, mb = row
        print(f"{size:6} {name:54} {secs:>12} s {mb:>8} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--plain-at", default="10k,100k", help="sizes at which the plain pipeline runs too")
    parser.add_argument("--plain-limit", type=float, default=600.0, help="seconds before the plain run is given up")
    parser.add_argument("--keep", type=Path, help="keep the data folders here (else a temporary folder)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    from kennisgraaf.sources import shipped_root

    queries_dir = shipped_root() / "queries"
    report = Report()
    try:
        for size in args.sizes.split(","):
            folder, cache, out = work / f"data-{size}", work / f"cache-{size}", work / f"out-{size}"
            out.mkdir(parents=True, exist_ok=True)
            triples = write_folder(folder, SIZES[size])
            print(f"{size}: {triples} triples (synth schaal {SIZES[size]})", file=sys.stderr, flush=True)
            runs = 1 if size == "1M" else args.runs
            build_s, build_mb = median_run(
                [SCRIPT, "build", "--force", "-q", "--data", str(folder), "--cache-dir", str(cache)], runs
            )
            report.append((size, "build (koud)", f"{build_s:.2f}", f"{build_mb}"))
            seconds = stages(cache)
            for stage, secs in seconds.items():
                report.append((size, f"  build: {stage} (laatste run)", f"{secs:.2f}", ""))
            # the manifest is written while the store is saved: what the stages leave is
            # saving the store, starting the process and checking the cache
            report.append((size, "  build: opslaan en opstart (rest)", f"{build_s - sum(seconds.values()):.2f}", ""))
            warm, queries = [], []
            themes = SIZES[size] * PER_SCALE["themes"]
            for name, cmd in commands(folder, cache, out).items():
                refused = name == "view themas" and themes > MAX_NODES  # a page draws at most this many
                # the first run on a new build computes what later runs read (the analysis
                # network, the overlaps, a page); shown apart, then the median of `runs`
                first, first_mb = median_run([SCRIPT, *cmd], 1, refused)
                report.append((size, f"{name} (eerste keer)", f"{first:.2f}", f"{first_mb}"))
                secs, mb = median_run([SCRIPT, *cmd], runs, refused)
                warm.append(secs)
                if name.startswith("query "):
                    queries.append(secs)
                report.append((size, name, f"{secs:.2f}", f"{mb}"))
                print(f"  {name}: {secs:.2f} s", file=sys.stderr, flush=True)
            report.append((size, "warm: slechtste commando", f"{max(warm):.2f}", ""))
            if size in args.plain_at.split(","):
                try:
                    start = time.perf_counter()
                    proc = subprocess.run(
                        [sys.executable, "-c", PLAIN, str(folder), str(queries_dir)],
                        capture_output=True,
                        text=True,
                        timeout=args.plain_limit,
                    )
                    plain = time.perf_counter() - start
                    if proc.returncode:
                        raise SystemExit(proc.stderr[-2000:])
                    ours = build_s + sum(warm)
                    report.append((size, "plain rdflib+pySHACL+owlrl+rdflib-SPARQL", f"{plain:.2f}", ""))
                    report.append((size, "kennisgraaf build + alle commando's", f"{ours:.2f}", ""))
                    report.append((size, "verhouding plain / kennisgraaf", f"{plain / ours:.1f}x", ""))
                    # the same work on both sides: build, then every catalogue query once
                    same = build_s + sum(queries)
                    report.append((size, "kennisgraaf build + catalogusvragen", f"{same:.2f}", ""))
                    report.append((size, "verhouding plain / (build + vragen)", f"{plain / same:.1f}x", ""))
                except subprocess.TimeoutExpired:
                    report.append((size, "plain pipeline", f"> {args.plain_limit:.0f} (afgebroken)", ""))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
