"""Where command output goes: stdout or --out, stderr for progress and errors."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..api import Result, check_format, render_tables
from ..tables import Table

__all__ = ["check_format", "emit", "emit_all", "err_console", "fail", "progress", "show", "write", "write_text"]

_err_console = None


def err_console():
    global _err_console
    if _err_console is None:
        from rich.console import Console

        _err_console = Console(stderr=True, highlight=False)
    return _err_console


def progress(quiet: bool = False):
    """A callback for the build stages: a spinner on a terminal, silent otherwise."""
    if quiet:
        return None

    def stage(name: str):
        return err_console().status(f"[bold]{name}[/]…")

    return stage


def fail(err) -> None:
    from ..errors import ValidationFailed

    console = err_console()
    if isinstance(err, ValidationFailed):
        from .validation_view import print_violations

        print_violations(err.violations, console)
    console.print(f"[red]fout:[/] {err}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(err.exit_code)


def _write(out: Path, write) -> None:
    """Write a file at --out: the path checked first, an OS error said in Dutch, no traceback."""
    from ..files import os_reason
    from .paths import check_out_file

    out = check_out_file(Path(out)) or Path(out)
    try:
        if out.parent and not out.parent.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
        write(out)
    except OSError as err:
        from ..errors import KennisgraafError

        raise KennisgraafError(f"--out {out}: kan niet schrijven: {os_reason(err)}") from None
    err_console().print(f"geschreven: {out}", highlight=False)


def write_text(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _write(out, lambda path: path.write_text(text, encoding="utf-8"))


def write_bytes(data: bytes, out: Path | None) -> None:
    """A binary document (xlsx): to --out, or to a pipe; never onto a terminal."""
    if out is None:
        if sys.stdout.isatty():
            from ..errors import KennisgraafError

            raise KennisgraafError("xlsx is een binair bestand: geef --out, bijvoorbeeld --out uitvoer.xlsx")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    _write(out, lambda path: path.write_bytes(data))


def stdout_console():
    from rich.console import Console

    return Console(highlight=False)


def screen_text(table: Table, console, limit: int | None = None) -> str:
    """A table at the console's width: boxed on a terminal, plain when piped."""
    from ..screen import render as screen_render

    return screen_render(table, width=console.width, terminal=console.is_terminal, limit=limit)


def emit(
    table: Table, fmt: str = "table", out: Path | None = None, limit: int | None = None, excel: bool = False
) -> None:
    """Render one table in the chosen format to stdout or a file."""
    emit_all([table], fmt, out, limit=limit, excel=excel)


def emit_all(
    tables: list[Table],
    fmt: str = "table",
    out: Path | None = None,
    limit: int | None = None,
    excel: bool = False,
    keys: list[str] | None = None,
) -> None:
    """Several tables as ONE document (`api.render_tables`), written to stdout or --out."""
    if fmt == "table" and out is None:
        console = stdout_console()
        write_text(str(render_tables(tables, fmt, width=console.width, terminal=console.is_terminal, limit=limit)), out)
        return
    write(render_tables(tables, fmt, keys=keys, excel=excel), out)


def stdout_is_terminal() -> bool:
    """Is a person reading stdout (rather than a pipe or a file)?"""
    return bool(stdout_console().is_terminal)


def show(result: Result, fmt: str = "table", out: Path | None = None, alles: bool = True, excel: bool = False) -> None:
    """Write an API result as the command's output. The table format is for people: at the
    console's width, a screenful unless --alles (on a pipe too, so what a test records is what
    a person sees). CSV, JSON, Markdown and xlsx are for tools and always whole, except CSV
    written onto a terminal (export's default): a screenful there too, the note on stderr."""
    check_format(fmt, result.formats)
    if fmt == "table" and out is None:
        console = stdout_console()
        write_text(str(result.render(fmt, alles=alles, width=console.width, terminal=console.is_terminal)), out)
        return
    data = result.render(fmt, alles=alles, excel=excel)
    if fmt == "csv" and out is None and not alles and result.limited and stdout_is_terminal():
        from ..screen import csv_screenful

        text, note = csv_screenful(str(data))
        write_text(text, None)
        if note:
            err_console().print(note, highlight=False, markup=False)
        return
    write(data, out)


def write(data: str | bytes, out: Path | None) -> None:
    if isinstance(data, bytes):
        write_bytes(data, out)
    else:
        write_text(data, out)
