"""Tables as a person reads them in a terminal (or a file a person reads): never a broken word.

rich folds a cell mid-word once the columns no longer fit ("ondergron / d"), so we decide the
layout ourselves: a table whose narrowest form (every column as wide as its longest word)
fits the width is drawn by rich, which then wraps only at spaces; a table that does not fit
becomes one block per record ("label: value" lines). Piped output is plain (no box
characters); long tables are cut after `limit` rows with a count and a hint, so rendering
cost stays bounded on big graphs.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import replace

from .numbers import human, is_number

ROW_LIMIT = 40
HINT = "--alles toont alle rijen; --format csv of xlsx geeft ze voor een spreadsheet."


def _plain_box():
    from rich.box import Box

    # top, head, head_row, mid, row, foot_row, foot, bottom: only the header rule is drawn
    return Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True)


def cells(table) -> list[list[str]]:
    money = [table.is_money(c) for c in table.columns]
    return [[human(v, money[i]) for i, v in enumerate(row)] for row in table.rows]


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _narrow(table, texts) -> list[int]:
    return [
        max([_longest_word(c), *(_longest_word(r[i]) for r in texts)], default=0) for i, c in enumerate(table.columns)
    ]


def _overhead(table) -> int:
    return 3 * len(table.columns) + 1  # padding on both sides and a rule per column, plus the edge


def fits(table, texts: list[list[str]], width: int) -> bool:
    """Does the table fit with every column at least as wide as its longest word?"""
    return sum(_narrow(table, texts)) + _overhead(table) <= width


def column_widths(table, texts: list[list[str]], width: int) -> list[int]:
    """Each column's width: its longest line if all fit; else columns give up one character
    at a time, each time the column where the fewest cells would wrap anew, never below its
    longest word. rich's own squeeze folds words, so we hand it widths it need not go below."""
    import bisect

    narrow = _narrow(table, texts)
    lengths = [
        sorted([len(c), *(max((len(x) for x in r[i].split("\n")), default=0) for r in texts)])
        for i, c in enumerate(table.columns)
    ]
    widths = [values[-1] for values in lengths]
    room = width - _overhead(table)
    while sum(widths) > room:

        def cost(i):  # the cells exactly as wide as the column: they would wrap anew
            w = widths[i]
            return bisect.bisect_right(lengths[i], w) - bisect.bisect_left(lengths[i], w)

        candidates = [i for i in range(len(widths)) if widths[i] > narrow[i]]
        if not candidates:
            break
        widths[min(candidates, key=lambda i: (cost(i), -widths[i]))] -= 1
    return widths


def blocks(table, texts: list[list[str]], width: int, max_lines: int | None = None) -> tuple[str, int]:
    """One block per record: 'label: value', values wrapped at spaces, never inside a word.
    With `max_lines`, stop after the record that crosses it; returns the text and the
    number of records shown."""
    label_width = max((len(c) for c in table.columns), default=0) + 2
    out: list[str] = []
    shown = 0
    for row in texts:
        if max_lines is not None and shown and len(out) >= max_lines:
            break
        shown += 1
        for column, text in zip(table.columns, row, strict=True):
            if not text:
                continue
            head = f"{column}:".ljust(label_width)
            lines = []
            for part in text.split("\n"):
                lines += textwrap.wrap(
                    part, width=max(width - label_width, 20), break_long_words=False, break_on_hyphens=False
                ) or [""]
            out.append(head + lines[0])
            out += [" " * label_width + line for line in lines[1:]]
        out.append("")
    return "\n".join(out), shown


def cut_note(shown: int, total: int) -> str:
    """What a screen left out, and how to get it all: one wording for every command."""
    return f"… {shown} van {total} rijen getoond.\n{HINT}"


def truncated(table, limit: int | None):
    """The rows to draw and a note on what was left out."""
    if limit is None or table.row_count() <= limit:
        return table.rows, None
    return table.rows[:limit], cut_note(limit, table.row_count())


def screenful(table, limit: int = ROW_LIMIT):
    """The first `limit` rows of `table`, knowing how many it has: what `render` draws of it
    with that limit, as plain data a cache can keep."""
    return replace(table, rows=table.rows[:limit], total=table.row_count())


def csv_screenful(text: str, limit: int = ROW_LIMIT) -> tuple[str, str | None]:
    """The header and the first `limit` records of a CSV text, cut at a record's end (a quoted
    cell may hold a line break), and the note on what was left out (None: nothing was)."""
    import csv

    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines)
    kept = 0
    for number, _ in enumerate(reader):
        if number == limit:  # the header and `limit` records read
            kept = reader.line_num
        if number > limit:
            break
    else:
        return text, None
    total = limit + 1 + sum(1 for _ in reader)
    return "".join(lines[:kept]), cut_note(limit, total)


def render(table, width: int = 80, terminal: bool = False, limit: int | None = None) -> str:
    """The text of one table at `width` columns: boxed on a terminal, plain otherwise."""
    from rich.console import Console
    from rich.table import Table as RichTable

    rows, cut = truncated(table, limit)
    shown = replace(table, rows=rows)
    texts = cells(shown)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=terminal,
        highlight=False,
        color_system="auto" if terminal else None,
        legacy_windows=False,
    )
    if table.title:
        console.print(table.title, markup=False, style="bold" if terminal else None)
    if not fits(shown, texts, width):
        text, count = blocks(shown, texts, width, max_lines=None if limit is None else limit * 2)
        if count < len(shown.rows):
            cut = cut_note(count, table.row_count())
        console.print(text, markup=False, soft_wrap=True)
    else:
        options = {} if terminal else {"box": _plain_box(), "show_edge": False, "header_style": None}
        out = RichTable(show_lines=False, **options)
        widths = column_widths(shown, texts, width)
        for index, column in enumerate(shown.columns):
            values = [r[index] for r in shown.rows if r[index] is not None]
            numeric = bool(values) and all(is_number(v) for v in values)
            out.add_column(column, justify="right" if numeric else "left", overflow="fold", width=widths[index])
        for row in texts:
            out.add_row(*row)
        console.print(out)
    for note in [*table.notes, *([cut] if cut else [])]:
        console.print(note, markup=False)
    text = buffer.getvalue()
    return text if terminal else "\n".join(line.rstrip() for line in text.split("\n"))
