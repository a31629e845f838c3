"""Interactive network views of the graph: self-contained HTML pages drawn by vis-network.

    ctx = Context(store)                         # what the views read (analysis network, ...)
    config = load_config()                       # visuals/views.toml
    view = build_view(ctx, config, "thema", thema=iri)
    html = render_page(view, config)             # one page, no network access needed
    write_site(ctx, config, Path("site"))        # every view + index.html

The views: themas, thema (one theme, needs a theme IRI), overdrachten, organisaties, alles.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import KennisgraafError
from ..slugs import local_name
from .config import Config, load_config
from .context import Context
from .model import ViewGraph
from .render import IndexEntry, render_index, render_page, write_text


class _Builders(Mapping[str, Callable[..., ViewGraph]]):
    """The builder of each view, imported when first asked for: a warm `view` reads its kept
    page (`kept_page`) and needs none of them (with what they import, ≈ 0.1 s)."""

    def __init__(self, where: dict[str, tuple[str, str]]):
        self._where = where

    def __getitem__(self, name: str) -> Callable[..., ViewGraph]:
        module, function = self._where[name]
        return getattr(importlib.import_module(f".{module}", __name__), function)

    def __contains__(self, name: object) -> bool:
        return name in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


BUILDERS: Mapping[str, Callable[..., ViewGraph]] = _Builders(
    {
        "themas": ("themes", "themas"),
        "thema": ("themes", "thema"),
        "overdrachten": ("links", "overdrachten"),
        "organisaties": ("links", "organisaties"),
        "alles": ("whole", "alles"),
    }
)
VIEWS = tuple(BUILDERS)
INDEX_FILE = "index.html"


def build_view(ctx: Context, config: Config, name: str, thema: str | None = None) -> ViewGraph:
    """One view as data; `thema` is a theme IRI (required by the `thema` view)."""
    definition = config.view(name)
    builder = BUILDERS.get(name)
    if builder is None:
        raise KennisgraafError(
            f"weergave {name!r} staat in views.toml maar heeft geen bouwer; kies uit: {', '.join(VIEWS)}"
        )
    if definition.needs_thema and not thema:
        choices = ", ".join(ctx.label(t) for t in ctx.themes() if ctx.plans(t))
        raise KennisgraafError(f"de weergave {name!r} heeft --thema nodig; bijvoorbeeld: {choices}")
    if thema and thema not in ctx.network:
        raise KennisgraafError(f"thema {thema!r} staat niet in de graaf")
    return builder(ctx, config, thema)


@dataclass(frozen=True)
class Written:
    path: Path
    view: ViewGraph


def write_view(
    ctx: Context,
    config: Config,
    name: str,
    out: Path,
    thema: str | None = None,
    index_href: str | None = None,
    years=(),
) -> Written:
    def make() -> tuple[str, ViewGraph]:
        view = build_view(ctx, config, name, thema)
        return render_page(view, config, index_href, years), view

    page, view = kept_page(ctx, config, (name, thema, index_href, tuple(years)), make)
    return Written(write_text(Path(out), page), view)


def kept_page(ctx: Context, config: Config, options: tuple, make: Callable[[], tuple[str, ViewGraph]]):
    """The rendered page of a view on a cached build, kept beside the build (checksummed,
    switched in whole, keyed by the build, the code, the network and every input of the page):
    building and rendering a view costs more than the rest of a warm `view`."""
    from ..analysis.precomputed import cached_analysis, kept_for_year
    from ..derived import files_digest
    from .context import EVERY_YEAR
    from .render import vis_assets

    if ctx.handed_in:
        return make()
    assets = hashlib.sha256("\0".join(vis_assets(config.vis_network, config.vis_network_css)).encode()).hexdigest()
    inputs = (repr(config), files_digest(config.folder), assets, *map(repr, options))
    if "network" not in vars(ctx) and ctx.jaar is not EVERY_YEAR:  # named without reading the network
        return kept_for_year(ctx.store, ctx.texts, ctx.jaar, "weergave", inputs, make)
    return cached_analysis(ctx.network, make, *inputs, kind="weergave")


def page_name(name: str, thema: str | None = None) -> str:
    if thema:
        return f"{name}-{local_name(thema)}.html"
    return f"{name}.html"


def write_site(ctx: Context, config: Config, out_dir: Path, years=None) -> list[Written]:
    """Every view (the `thema` view once per theme with a plan) and an index page linking them;
    `years(page)`: the year switch of a page, when the site is one of several plan years."""
    from .model import TooManyNodes

    out_dir = Path(out_dir)
    written: list[Written] = []
    entries: list[IndexEntry] = []
    for name, definition in config.views.items():
        if name not in BUILDERS:
            continue
        if definition.needs_thema:
            children = []
            for iri in ctx.themes():
                if not ctx.plans(iri):
                    continue
                done = write_view(
                    ctx,
                    config,
                    name,
                    out_dir / page_name(name, iri),
                    iri,
                    INDEX_FILE,
                    years(page_name(name, iri)) if years else (),
                )
                written.append(done)
                children.append((page_name(name, iri), ctx.label(iri)))
            entries.append(IndexEntry("", definition.title, definition.description, 0, 0, tuple(children)))
            continue
        try:
            done = write_view(
                ctx, config, name, out_dir / page_name(name), None, INDEX_FILE, years(page_name(name)) if years else ()
            )
        except TooManyNodes as err:  # the index says why the page is not there
            entries.append(IndexEntry("", definition.title, str(err), 0, 0))
            continue
        written.append(done)
        entries.append(
            IndexEntry(
                page_name(name), definition.title, definition.description, len(done.view.nodes), len(done.view.edges)
            )
        )
    write_text(out_dir / INDEX_FILE, render_index(entries, config))
    return written


__all__ = [
    "BUILDERS",
    "VIEWS",
    "Context",
    "Config",
    "ViewGraph",
    "Written",
    "build_view",
    "load_config",
    "page_name",
    "render_page",
    "write_site",
    "write_view",
]
