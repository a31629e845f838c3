"""Every warm command on the shipped 2026 data, as a user feels it: the median wall time of
a whole process (interpreter start included) over `--runs` runs, after one run that makes
the build and whatever is kept beside it.

    python benchmarks/warm.py [--runs 5] [--code DIR] [--only stats,gaps]

`--code DIR` times another checkout (its package put first on PYTHONPATH), so a before and
an after can be measured in one run on the same machine, with a ratio per command.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOAL = 0.3
#: what the installed `kennisgraaf` script runs, but importable from `--code`
ENTRY = "import sys; sys.argv[0] = 'kennisgraaf'; from kennisgraaf.cli import main; main()"


def catalogue() -> list[tuple[str, list[str]]]:
    """Every catalogue query, with the parameter the ones that need one are shown with."""
    params = {
        "producten-van-thema": ["-p", "thema=zzs"],
        "waar-staat-dit": ["-p", "item=PFAS"],
        "oplevering-per-kwartaal": ["-p", "kwartaal=Q2"],
        "overleggen-van-organisatie": ["-p", "organisatie=RIVM"],
        "producten-met-organisatie": ["-p", "organisatie=RIVM"],
        "themas-bij-onderwerp": ["-p", "onderwerp=PFAS"],
    }
    return [
        (f"query {p.stem}", ["query", p.stem, *params.get(p.stem, [])]) for p in sorted((REPO / "queries").glob("*.rq"))
    ]


def commands(out: Path) -> list[tuple[str, list[str]]]:
    return [
        ("stats", ["stats"]),
        *catalogue(),
        ("overlap", ["overlap"]),
        ("gaps", ["gaps"]),
        ("rapport", ["rapport", "--out", str(out / "rapport.md")]),
        ("view themas", ["view", "themas", "--out", str(out / "themas.html")]),
        ("view thema zzs", ["view", "thema", "--thema", "zzs", "--out", str(out / "zzs.html")]),
        ("view overdrachten", ["view", "overdrachten", "--out", str(out / "overdrachten.html")]),
    ]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], envs: list[tuple[Path, dict]], runs: int) -> list[tuple[float, float] | None]:
    """Per checkout the median wall time and the median CPU time (user + system, which a
    busy shared machine inflates less); the runs alternate between checkouts, so a busy
    moment slows both alike."""
    cmd = [sys.executable, "-c", ENTRY, *args]
    ok = []
    for code, env in envs:
        first = subprocess.run(cmd, cwd=code, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if first.returncode != 0:
            print(f"  {' '.join(args)}: exit {first.returncode}: {first.stderr.decode()[-300:]}", file=sys.stderr)
        ok.append(first.returncode == 0)
    walls: list[list[float]] = [[] for _ in envs]
    cpus: list[list[float]] = [[] for _ in envs]
    for _ in range(runs):
        for index, (code, env) in enumerate(envs):
            if ok[index]:
                start, cpu = time.perf_counter(), _cpu()
                subprocess.run(cmd, cwd=code, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                walls[index].append(time.perf_counter() - start)
                cpus[index].append(_cpu() - cpu)
    return [(statistics.median(w), statistics.median(c)) if w else None for w, c in zip(walls, cpus, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, help="another checkout to time beside this one")
    parser.add_argument("--only", help="comma-separated names (as in the first column)")
    opts = parser.parse_args()
    columns = [("nu", REPO)] + ([("vergelijk", opts.code.resolve())] if opts.code else [])
    with tempfile.TemporaryDirectory(prefix="kg-warm-") as tmp:
        out = Path(tmp)
        chosen = commands(out)
        if opts.only:
            wanted = {w.strip() for w in opts.only.split(",")}
            chosen = [c for c in chosen if c[0] in wanted]
        envs = {}
        for label, code in columns:
            env = {**os.environ, "KENNISGRAAF_CACHE_DIR": str(out / f"cache-{label}"), "COLUMNS": "100"}
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))
            env.pop("KENNISGRAAF_DATA", None)
            envs[label] = env
        header = f"{'opdracht':34s}" + "".join(f"{label + ' wand':>14s}{label + ' cpu':>14s}" for label, _ in columns)
        print(header + ("   ratio wand  ratio cpu" if opts.code else "") + f"   (mediaan van {opts.runs}, s)")
        for name, args in chosen:
            medians = timed(args, [(code, envs[label]) for label, code in columns], opts.runs)
            row = f"{name:34s}"
            for m in medians:
                row += f"{m[0]:14.3f}{m[1]:14.3f}" if m is not None else f"{'-':>14s}{'-':>14s}"
            now, then = medians[0], medians[-1]
            if opts.code and now is not None and then is not None:
                row += f"{then[0] / now[0]:12.2f}×{then[1] / now[1]:10.2f}×"
            if now is not None and now[0] > GOAL:
                row += f"   > {GOAL} s"
            print(row, flush=True)


if __name__ == "__main__":
    main()
