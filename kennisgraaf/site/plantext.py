"""A plan text (graph/bronnen/...) as a page with an anchor per line (`#r123`), so every
citation in the site ("kennisplan-2026-x.txt:123", kn:bronRegel) opens the line it cites."""

from __future__ import annotations

from pathlib import Path

from ..analysis.textlines import headings
from ..htmltext import esc
from .layout import page
from .links import Linker, line_anchor, text_page


def text_lines(path: Path) -> list[str]:
    """The lines as the citations count them: 1-based, as `PlanTexts.lines` reads the file."""
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def plan_text_page(link: Linker, path: Path, title: str | None = None) -> str:
    lines = text_lines(path)
    heads = headings(lines)
    toc = "".join(
        f'<li><a href="#{line_anchor(n)}">{esc(text)}</a> <span class="count">{n}</span></li>' for n, text in heads
    )
    rows = "\n".join(
        f'<div class="regel" id="{line_anchor(i)}"><a class="nr" href="#{line_anchor(i)}">{i}</a>'
        f"<span>{esc(line) or '&nbsp;'}</span></div>"
        for i, line in enumerate(lines, 1)
    )
    name = title or path.name
    body = (
        f'<h1>{esc(name)}</h1>\n<p class="meta">Plantekst <code>{esc(path.name)}</code>, {len(lines)} regels; '
        "elke bronvermelding in de site wijst naar een regel hier.</p>\n"
        + (f'<details class="toc"><summary>Inhoud</summary><ul>{toc}</ul></details>\n' if toc else "")
        + f'<div class="plantekst">\n{rows}\n</div>'
    )
    return page(link, name, body)


def texts_index(link: Linker, files: dict[str, Path], titles: dict[str, str]) -> str:
    items = "\n".join(
        f'<li><a href="{esc(link.href(text_page(name)))}">{esc(titles.get(name, name))}</a> '
        f'<span class="count">{esc(name)}</span></li>'
        for name in sorted(files)
    )
    return page(link, "Plannen", f'<h1>Plannen</h1>\n<ul class="listing">\n{items}\n</ul>')
