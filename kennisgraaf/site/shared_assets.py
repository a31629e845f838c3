"""One copy of vis-network for every view page of the site, in its static folder.

A view page written by `kennisgraaf view` stands alone, so it carries vis-network's script and
style sheet inline (≈ 0.7 MB a page): the site has a page per theme and view, and a folder that
grows by that much per page. The site rewrites each view page to load the one copy in
`static/` instead, and its Content-Security-Policy to allow scripts and styles from the site
itself ('self' on a web server, `file:` from disk: Chromium checks no Subresource-Integrity
hash on a file: URL, so the script's hash alone cannot allow it). Every other source stays
forbidden, and the page's own script stays inline, allowed by its hash.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..views.render import _hash, vis_assets

VIS_JS = "vis-network.min.js"
VIS_CSS = "vis-network.css"
_INLINE_STYLE = "style-src 'unsafe-inline'"
_SHARED_STYLE = "style-src 'self' file: 'unsafe-inline'"
_SCRIPTS = "script-src "
_SHARED_SCRIPTS = "script-src 'self' file: "


@dataclass(frozen=True)
class VisAssets:
    js: str
    css: str

    @classmethod
    def of(cls, config) -> VisAssets:
        js, css = vis_assets(config.vis_network, config.vis_network_css)
        return cls(js, css)

    def write(self, static: Path) -> list[Path]:
        """The shared copies into the site's static folder."""
        static.mkdir(parents=True, exist_ok=True)
        (static / VIS_JS).write_text(self.js, encoding="utf-8")
        (static / VIS_CSS).write_text(self.css, encoding="utf-8")
        return [static / VIS_JS, static / VIS_CSS]

    def share(self, page: str, static_href: str) -> str:
        """A view page with the inline vis-network replaced by links to `static_href`/…; a page
        without it (the index) unchanged."""
        script, style = f"<script>{self.js}</script>", f"<style>{self.css}</style>"
        if script not in page or style not in page or _INLINE_STYLE not in page:
            return page
        base = static_href.rstrip("/")
        return (
            page.replace(_INLINE_STYLE, _SHARED_STYLE, 1)
            .replace(_SCRIPTS + _hash(self.js) + " ", _SHARED_SCRIPTS, 1)
            .replace(style, f'<link rel="stylesheet" href="{base}/{VIS_CSS}">', 1)
            .replace(script, f'<script src="{base}/{VIS_JS}"></script>', 1)
        )


def share_in_folder(assets: VisAssets, pages: list[Path], root: Path) -> None:
    """Rewrite the view pages among `pages` (all under the site folder `root`) to use `root/static`."""
    for page in pages:
        if page.suffix != ".html":
            continue
        text = page.read_text(encoding="utf-8")
        shared = assets.share(text, posixpath.relpath("static", page.parent.relative_to(root).as_posix() or "."))
        if shared is not text:
            page.write_text(shared, encoding="utf-8")
