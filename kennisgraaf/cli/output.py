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


def _write(out: Path, write) -> None:
    """Write a file at --out: the path checked first, an OS error said in Dutch, no traceback."""
    from .paths import check_out_file, os_reason

    out = check_out_file(Path(out))
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
    """Several tables as ONE document: xlsx sheets, one JSON object (by `keys`), one Markdown
    file, or one terminal page. CSV holds one table only: callers pick which."""
    import json

    from ..tables import _json_value, markdown

    check_format(fmt)
    if fmt == "xlsx":
        from ..xlsx import workbook

        write_bytes(workbook(tables), out)
    elif fmt == "table":
        if out is None:
            console = stdout_console()
            sys.stdout.write("\n".join(screen_text(t, console, limit) for t in tables))
            sys.stdout.flush()
        else:
            write_text("\n".join(render(t, "table") for t in tables), out)
    elif fmt == "md":
        write_text("\n".join(markdown(t) for t in tables), out)
    elif len(tables) == 1:
        write_text(render(tables[0], fmt, excel=excel), out)
    elif fmt == "json":
        payload = {
            key: [dict(zip(t.columns, (_json_value(v) for v in row), strict=True)) for row in t.rows]
            for key, t in zip(keys or [t.title for t in tables], tables, strict=True)
        }
        write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", out)
    else:
        raise ValueError("CSV holds one table; choose one before emit_all")
