"""The `kennisgraaf` command: a thin typer layer over the library.

Each submodule registers the commands of one stage; they only parse arguments, ask the
`Kennisgraaf` of `kennisgraaf.api` (built once from the shared options, `app.uses_graaf`)
and hand its `Result` to `output.show`. Command modules import heavy libraries inside
the commands, so `--help` stays fast.
"""

from __future__ import annotations

from .i18n import install as _install_dutch

_install_dutch()  # before typer renders anything: the help frame and click's errors in Dutch

from . import commands  # noqa: E402, F401  (registers every command)
from .app import app  # noqa: E402


def main() -> None:
    app()


__all__ = ["app", "main"]
