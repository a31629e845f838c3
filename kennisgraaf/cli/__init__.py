"""The `kennisgraaf` command: a thin typer layer over the library.

Each submodule registers the commands of one stage; they only parse arguments, ask the
`Kennisgraaf` of `kennisgraaf.api` (built once from the shared options, `app.uses_graaf`)
and hand its `Result` to `output.show`. Command modules import heavy libraries inside
the commands, so `--help` stays fast.
"""

from __future__ import annotations

import os
import sys

from typer.main import get_command_name

from .i18n import install as _install_dutch

_install_dutch()  # before typer renders anything: the help frame and click's errors in Dutch

from . import commands  # noqa: E402, F401  (registers every command)
from .app import app  # noqa: E402


def main() -> None:
    _only(sys.argv[1:2])
    app()


def _only(first: list[str]) -> None:
    """Register only the command named first on the line, when one is: typer turns every
    command's signature into click options before it runs one, 20 commands and 70 ms of a
    warm command's 0.3 s on the 2026 data. With no command, an option first, an unknown name
    or shell completion asking, every command stays (the list, the error, the completions)."""
    if not first or os.environ.get("_KENNISGRAAF_COMPLETE"):
        return
    chosen = [c for c in app.registered_commands if _name(c) == first[0]]
    if chosen:
        app.registered_commands = chosen


def _name(command) -> str | None:
    """The name typer gives a registered command (its own, else its function's, dashed)."""
    if command.name:
        return command.name
    return get_command_name(command.callback.__name__) if command.callback else None


__all__ = ["app", "main"]
