"""One static website of the whole network, and the page renderer `serve` shares with it.

    from kennisgraaf.site.writer import write
    write(store, DataFolder.resolve(None), Path("site"))   # kennisgraaf site --out site/

    from kennisgraaf.site import render
    page = render(store, "id/thema/waterkwaliteit")       # serve: the same page, server links

Modules: links (site paths and the links between pages, for file:// and for serve), model
(the network and the plan line behind each statement), resource_page, theme_sections,
plantext, overview, catalogue (pages), search (index and ranking, also `kennisgraaf zoek`),
writer (the folder). Ontology names link to `def/index.html#<localname>`.
"""

from __future__ import annotations

from .model import Page


def render(store, path: str) -> Page | None:
    """The HTML of the resource page at site path `path` ("id/thema/x") as serve answers it;
    None when the graph has no such resource. For the server's handler (one renderer)."""
    from ..serve.pages import resource_page
    from ..serve.resources import iri_for, resource_view

    kind, _, slug = path.strip("/").removeprefix("id/").partition("/")
    iri = iri_for(kind, slug) if path.strip("/").startswith("id/") else None
    view = resource_view(store, iri) if iri else None
    if view is None:
        return None
    return Page(path.strip("/"), view.label, resource_page(view), iri)
