"""What every page of the site reads, asked once per build: the analysis network (every plan
year), the plan lines behind each statement, and the plan texts.

`serve` keeps one `SiteModel` per store, so a resource page it answers cites the same plan
lines as the page the static site wrote.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..tables import compact


@dataclass(frozen=True)
class Page:
    """One rendered page: its site path ("id/thema/x"), title and the whole HTML document."""

    path: str
    title: str
    html: str
    iri: str | None = None  # the resource it describes: its Turtle and JSON-LD sit next to it


class SiteModel:
    """One store and its plan texts, read for pages."""

    def __init__(self, store, texts: Path | None = None, network=None):
        if texts is None:
            from ..sources import shipped_root

            texts = shipped_root() / "graph" / "bronnen"
        self.store = store
        self.texts = Path(texts)
        if network is not None:
            self.__dict__["network"] = network

    @cached_property
    def network(self):
        from ..analysis.network import load_network

        return load_network(self.store, self.texts)

    @cached_property
    def context(self):
        from ..views.context import Context

        return Context(self.store, self.texts, network=self.network)

    def cites(self, subject: str, predicate: str, obj: str) -> str | None:
        """The plan line that states `subject predicate obj`: the item's own line (kn:bronRegel),
        or for a plan the line the text search found for that plan-level fact."""
        if subject not in self.network:
            return None
        return self.context.statement_bron(subject, compact(predicate), obj)

    @cached_property
    def text_files(self) -> dict[str, Path]:
        """Plan text file name → its path in the data folder (graph/bronnen/<year>/...)."""
        if not self.texts.is_dir():
            return {}
        return {p.name: p for p in sorted(self.texts.rglob("*.txt"))}


_MODELS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def model_for(store, texts: Path | None = None) -> SiteModel:
    """The one SiteModel of a store (serve asks it per page; the network is read once)."""
    found = _MODELS.get(store)
    if found is None:
        found = _MODELS[store] = SiteModel(store, texts)
    return found
