"""kennisgraaf: the knowledge plans of the Kennisnetwerk VTH as one RDF knowledge graph.

In Python (a notebook, a script) start with `kennisgraaf.open()`; see `kennisgraaf.api`.
`open` and `Kennisgraaf` load on first use (module `__getattr__`), so `import kennisgraaf`
and every command that does not need them stay as cheap as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import Kennisgraaf, open

__all__ = ["Kennisgraaf", "__version__", "open"]

_LAZY = {"open", "Kennisgraaf"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
