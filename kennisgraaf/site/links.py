"""Where a page lives and how another page links to it, for the static site and for serve.

Every page has one site path without suffix ("id/thema/waterkwaliteit", "tekst/kennisplan-
2026-x", "index"). The static site writes it as `<path>.html` and links relatively, so the
folder works from `file://` and from any sub-folder of a plain web server; `serve` answers the
resource pages at their IRI's path (`/id/...`) and everything else under its `/site/` mount.
The renderers only ever call `Linker.href`, so the same page comes out of both.
"""

from __future__ import annotations

import functools
import posixpath
import urllib.parse
from dataclasses import dataclass

from ..namespaces import BASE, KN

ID_BASE = BASE + "id/"
#: H7's ontology documentation: one page, an anchor per class and property (`#<localname>`)
DEF_PAGE = "def/index"
VIEWS_DIR = "weergaven"
QUERIES_DIR = "vragen"
#: site pages that serve answers at a route of its own: its home, its query page, /def/, and
#: its /site/ mount, which holds the views (and rapport.html) at the top
SERVED_ROUTES = {"index": "/", QUERIES_DIR + "/index": "/vragen", DEF_PAGE: "/def/", VIEWS_DIR + "/index": "/site/"}


def page_of(iri: str) -> str | None:
    """The site path of a resource IRI (`…/id/thema/x` → `id/thema/x`); None for other IRIs."""
    if iri.startswith(ID_BASE) and len(iri) > len(ID_BASE) and "/" in iri[len(ID_BASE) :]:
        return "id/" + iri[len(ID_BASE) :]
    return None


def def_anchor(iri: str) -> str | None:
    """The anchor of a class or property of the ontology on the documentation page."""
    if iri.startswith(KN) and len(iri) > len(KN):
        return iri[len(KN) :]
    return None


def text_page(name: str) -> str:
    """The site path of a plan text, by its file name ("kennisplan-2026-x.txt")."""
    return "tekst/" + name.removesuffix(".txt")


def line_anchor(line: int) -> str:
    return f"r{line}"


@functools.lru_cache(maxsize=65536)  # a site links the same few hundred targets from every folder
def _relative(target: str, folder: str) -> str:
    return urllib.parse.quote(posixpath.relpath(target, folder))


@dataclass(frozen=True)
class Linker:
    """Links from the page at `here` (a site path). `served`: root-relative links as `serve` answers them."""

    here: str = "index"
    served: bool = False
    site_root: str = "/site/"

    def at(self, here: str) -> Linker:
        return Linker(here, self.served, self.site_root)

    def href(self, path: str, anchor: str | None = None, *, suffix: str = ".html") -> str:
        """The link to the page (or file, with `suffix=""`) at site path `path`."""
        fragment = f"#{urllib.parse.quote(anchor)}" if anchor else ""
        if self.served:
            return urllib.parse.quote(self._served(path, suffix)) + fragment
        return _relative(path + suffix, posixpath.dirname(self.here) or ".") + fragment

    def _served(self, path: str, suffix: str) -> str:
        """Where serve answers the page at site path `path`: /id/... live, its own routes, else /site/."""
        if suffix != ".html":
            return self.site_root + path + suffix
        if path in SERVED_ROUTES:
            return SERVED_ROUTES[path]
        if path.startswith("id/"):  # a listing "id/thema/index" is /id/thema/
            return "/" + (path.removesuffix("index") if path.endswith("/index") else path)
        if path.startswith(VIEWS_DIR + "/"):
            return self.site_root + path[len(VIEWS_DIR) + 1 :] + suffix
        return self.site_root + path + suffix

    def resource(self, iri: str) -> str | None:
        """The link to a resource's page; its own IRI for an outside resource; None for neither."""
        path = page_of(iri)
        if path:
            return self.href(path)
        if self.served:  # the ontology at /def#…, the named graphs at /graph/…
            from ..serve.resources import local_path

            served = local_path(iri)
            if served:
                return served
        anchor = def_anchor(iri)
        if anchor:
            return self.href(DEF_PAGE, anchor)
        return iri if iri.startswith(("http://", "https://")) else None

    def citation(self, bron: str) -> str | None:
        """A citation "kennisplan-2026-x.txt:123" (or just the file) as a link to that line."""
        name, _, line = bron.partition(":")
        if not name.endswith(".txt"):
            return None
        first = line.split(",", 1)[0].strip()
        return self.href(text_page(name), line_anchor(int(first)) if first.isdigit() else None)

    def place(self, place) -> str | None:
        """A finding's place in a plan (analysis.findings.Plaats) as a link to its line: the
        citation function the reports take (reports/citations.py)."""
        return self.citation(f"{place.bestand}:{place.regel}" if place.regel else place.bestand)

    def static(self, name: str) -> str:
        return self.href("static/" + name, suffix="")
