"""Timing helpers shared by the benchmark scripts (run as `python benchmarks/<name>.py`,
so this folder is on the import path). Medians, because these machines are shared."""

from __future__ import annotations

import statistics
import subprocess
import time


def median_time(func, runs: int) -> tuple[float, object]:
    """The median seconds of `runs` calls of `func`, and its last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def wall(cmd: list[str], runs: int) -> float:
    """The median wall time of a whole process, as a user would feel it."""
    run = lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: E731
    return median_time(run, runs)[0]
