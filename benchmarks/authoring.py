"""Time the authoring steps per 2026 plan: `inlezen` (workbook → checked Turtle, with and
without the validation of the whole data folder) and `scan` (plan text → report).

    python benchmarks/authoring.py [--runs 5]

In-process medians; the machines are shared and noisy, so read medians and ratios.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import median_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from kennisgraaf.sources import DataFolder

    folder = DataFolder.resolve(None)
    out = Path(tempfile.mkdtemp(prefix="kg-authoring-"))
    texts = sorted(folder.sources_texts_dir.glob("2026/kennisplan-2026-*.txt"))
    print(f"{'plan':32} {'werkboek':>9} {'inlezen (cellen)':>17} {'inlezen (+validate)':>20} {'scan':>7}")
    for text in texts:
        print(time_plan(folder, text, out, args.runs))
    print("medians in seconds; 'inlezen (+validate)' loads and SHACL-validates the whole data folder")


def time_plan(folder, text: Path, out: Path, runs: int) -> str:
    """One line of medians for one plan."""
    from kennisgraaf.authoring.model import from_rows
    from kennisgraaf.authoring.plans import read_plan_workbook, write_plan_workbook
    from kennisgraaf.authoring.registers import Registers
    from kennisgraaf.authoring.scan import scan
    from kennisgraaf.authoring.turtle import serialise
    from kennisgraaf.authoring.workbook import read_workbook

    theme = text.stem.removeprefix("kennisplan-2026-")
    book = out / f"{theme}.xlsx"
    t_book, _ = median_time(lambda: write_plan_workbook(folder, theme, "2026", book), runs)

    def cells():
        result = from_rows(read_workbook(book), Registers.load(folder))
        return serialise(result.graph, result.plan, result.comments, book.name)

    t_cells, _ = median_time(cells, runs)
    t_full, _ = median_time(lambda: read_plan_workbook(book, folder), max(1, runs // 2))
    t_scan, _ = median_time(lambda: scan(text, folder), runs)
    return f"{theme:32} {t_book:8.2f}s {t_cells:16.2f}s {t_full:19.2f}s {t_scan:6.2f}s"


if __name__ == "__main__":
    main()
