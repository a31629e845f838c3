"""The `kennisgraaf` command: a thin typer layer over the library.

Each submodule registers the commands of one stage; they only parse arguments, call the
library and hand the result to `output.emit`.
"""

from __future__ import annotations

from .app import app


def main() -> None:
    from . import commands  # noqa: F401  (registers every command)

    app()


__all__ = ["app", "main"]
