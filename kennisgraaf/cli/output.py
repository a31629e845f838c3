"""Where command output goes: stdout or --out, stderr for progress and errors."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..tables import FORMATS, Table, render

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


def check_format(fmt: str, allowed=FORMATS) -> str:
    if fmt not in allowed:
        from ..errors import KennisgraafError

        raise KennisgraafError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(allowed)}")
    return fmt


def write_text(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from .paths import check_out_file, os_reason

    out = check_out_file(Path(out))
    try:
        if out.parent and not out.parent.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        from ..errors import KennisgraafError

        raise KennisgraafError(f"--out {out}: kan niet schrijven: {os_reason(err)}") from None
    err_console().print(f"geschreven: {out}", highlight=False)


def emit(table: Table, fmt: str = "table", out: Path | None = None) -> None:
    """Render one table in the chosen format to stdout or a file."""
    check_format(fmt)
    if fmt == "table" and out is None:
        from rich.console import Console

        from ..tables import rich_table

        console = Console(highlight=False)
        console.print(rich_table(table))
        for note in table.notes:
            console.print(note, markup=False, highlight=False)
        return
    write_text(render(table, fmt), out)
