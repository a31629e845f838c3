"""What it costs to print a big table: the terminal renderer, CSV and xlsx, by row count.

    python benchmarks/render.py [--runs 3] [--rows 300,3000,30000]

Issue 12 measured `overlap` spending 83 % of 38 s on rendering 30 k rows with rich. The
terminal now cuts a table after a screenful (ROW_LIMIT rows, `--alles` for all), so its cost
should stay flat as the rows grow; `--alles`, CSV and xlsx are printed for comparison.
Rows are shaped like overlap's (two names, five scores, a long shared list).
"""

from __future__ import annotations

import argparse

from timing import median_time


def table(rows: int):
    from kennisgraaf.tables import Table

    shared = "onderwerpen: PFAS, Nutriënten, Omgevingsplannen · organisaties: Rijkswaterstaat, RIVM, IPO"
    return Table(
        ["thema A", "thema B", "score", "onderwerpen", "organisaties", "wetgeving", "overleggen", "gedeeld"],
        [[f"Thema {i}", f"Ander thema {i}", 0.25, 0.1, 0.48, 0.16, 0.25, shared] for i in range(rows)],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", default="300,3000,30000")
    args = parser.parse_args()

    from kennisgraaf.screen import ROW_LIMIT, render
    from kennisgraaf.tables import csv_text
    from kennisgraaf.xlsx import workbook

    print(f"{'rijen':>7} {'scherm (s)':>11} {'--alles (s)':>12} {'csv (s)':>9} {'xlsx (s)':>9}")
    for rows in (int(r) for r in args.rows.split(",")):
        data = table(rows)
        screen = median_time(lambda d=data: render(d, width=200, limit=ROW_LIMIT), args.runs)[0]
        full = median_time(lambda d=data: render(d, width=200), args.runs)[0]
        csv = median_time(lambda d=data: csv_text(d), args.runs)[0]
        xlsx = median_time(lambda d=data: workbook([d]), args.runs)[0]
        print(f"{rows:>7} {screen:>11.3f} {full:>12.2f} {csv:>9.3f} {xlsx:>9.2f}")


if __name__ == "__main__":
    main()
