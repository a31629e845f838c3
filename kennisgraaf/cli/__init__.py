"""The `kennisgraaf` command: a thin typer layer over the library.

Each submodule registers the commands of one stage; they only parse arguments, call the
library and hand the result to `output.emit`. Command modules import heavy libraries inside
the commands, so `--help` stays fast.
"""

from __future__ import annotations

from . import commands  # noqa: F401  (registers every command)
from .app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
