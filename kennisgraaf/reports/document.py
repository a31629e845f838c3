"""A tiny document model (headings, paragraphs, lists, tables) and its two renderings.

The rapport is built once as blocks and then written as Markdown or as a self-contained
HTML page, so the two never say different things. Every piece of text is escaped by the
renderer: a label with '|', '*' or '<script>' stays text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..htmltext import esc
from ..tables import markdown_table

#: inline styles a span can have; a LINK span is (LINK, text, href)
PLAIN, BOLD, ITALIC, CODE, LINK = "", "b", "i", "code", "a"

Span = tuple  # (style, text) or (LINK, text, href)


def spans(*parts) -> list[Span]:
    """Plain strings and (style, text) pairs → a list of spans."""
    return [(PLAIN, p) if isinstance(p, str) else p for p in parts]


@dataclass
class Heading:
    level: int
    text: str
    anchor: str = ""


@dataclass
class Para:
    spans: list[Span]
    css: str = ""


@dataclass
class Bullets:
    items: list[list[Span]]
    css: list[str] = field(default_factory=list)  # one class per item (e.g. the severity)


@dataclass
class Cell:
    text: str
    heat: float | None = None  # 0..1: the HTML shades the cell


@dataclass
class TableBlock:
    columns: list[str]
    rows: list[list[Cell | str]]
    numeric: list[bool] = field(default_factory=list)


@dataclass
class Box:
    """A framed aside: a title and a few lines ("Hoe lees je dit")."""

    title: str
    items: list[list[Span]]


Block = Heading | Para | Bullets | TableBlock | Box


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _md_spans(items: list[Span]) -> str:
    out = []
    for style, text, *rest in items:
        if style == LINK:
            out.append(f"[{md_escape(text)}](<{rest[0].replace('>', '%3E')}>)" if rest and rest[0] else md_escape(text))
        elif style == BOLD:
            out.append(f"**{md_escape(text)}**")
        elif style == ITALIC:
            out.append(f"_{md_escape(text)}_")
        elif style == CODE:
            out.append(f"`{text.replace('`', '')}`")
        else:
            out.append(md_escape(text))
    return "".join(out)


def _cell_text(cell: Cell | str) -> str:
    return cell.text if isinstance(cell, Cell) else cell


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + md_escape(block.text), ""]
        elif isinstance(block, Para):
            lines += [_md_spans(block.spans), ""]
        elif isinstance(block, Bullets):
            lines += ["- " + _md_spans(item) for item in block.items] + [""]
        elif isinstance(block, Box):
            lines += [f"> **{md_escape(block.title)}**", ">"] + ["> - " + _md_spans(i) for i in block.items] + [""]
        elif isinstance(block, TableBlock):
            rows = [[_cell_text(c) for c in row] for row in block.rows]
            lines += [*markdown_table(block.columns, rows, md_escape, block.numeric), ""]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:72rem;margin:2rem auto;
padding:0 1rem;color:#1d2733;line-height:1.5}
h1{font-size:1.7rem;border-bottom:3px solid #1f6f8b;padding-bottom:.3rem}
h2{font-size:1.35rem;margin-top:2.2rem;border-bottom:1px solid #ccd6dd;padding-bottom:.2rem}
h3{font-size:1.1rem;margin-top:1.4rem}
table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.92rem}
th,td{border:1px solid #ccd6dd;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#eef3f6}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
li{margin:.25rem 0}
li.hoog::marker{color:#b3261e}
li.middel::marker{color:#b26a00}
li.laag::marker{color:#5f6b76}
b.hoog{color:#b3261e}
b.middel{color:#8a5300}
b.laag{color:#5f6b76}
code{font-size:.85em;background:#f2f4f6;padding:0 .25em;border-radius:3px}
p.meta{color:#5f6b76}
div.box{border:1px solid #1f6f8b;background:#f3f8fa;border-radius:6px;padding:.4rem 1rem;margin:1rem 0}
div.box h2{border:0;margin-top:.4rem;font-size:1.1rem}
ul.findings li{margin:.6rem 0}
span.actie{display:block;font-weight:600}
span.wie,span.waar{display:block;color:#3c4a57;font-size:.92em}
nav ul{columns:2}
@media print{body{margin:0}}
"""


def _html_spans(items: list[Span]) -> str:
    out = []
    for style, text, *rest in items:
        text = esc(text)
        if style == LINK:
            out.append(f'<a href="{esc(rest[0])}">{text}</a>' if rest and rest[0] else text)
        elif style == BOLD:
            out.append(f'<b class="{text}">{text}</b>' if text in ("hoog", "middel", "laag") else f"<b>{text}</b>")
        elif style == ITALIC:
            out.append(f"<i>{text}</i>")
        elif style == CODE:
            out.append(f"<code>{text}</code>")
        else:
            out.append(text)
    return "".join(out)


def _heat(value: float) -> str:
    value = max(0.0, min(1.0, float(value)))
    alpha = round(0.08 + 0.72 * value, 3) if value > 0 else 0
    return f' style="background:rgba(31,111,139,{alpha})"' if alpha else ""


def to_html(blocks: list[Block], title: str, extra_css: str = "") -> str:
    body: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            anchor = f' id="{html.escape(block.anchor, quote=True)}"' if block.anchor else ""
            body.append(f"<h{block.level}{anchor}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            css = f' class="{html.escape(block.css, quote=True)}"' if block.css else ""
            body.append(f"<p{css}>{_html_spans(block.spans)}</p>")
        elif isinstance(block, Box):
            body.append(
                f'<div class="box"><h2>{html.escape(block.title)}</h2>\n<ul>\n'
                + "\n".join(f"<li>{_html_spans(i)}</li>" for i in block.items)
                + "\n</ul></div>"
            )
        elif isinstance(block, Bullets):
            items = []
            for i, item in enumerate(block.items):
                css = block.css[i] if i < len(block.css) else ""
                css = f' class="{html.escape(css, quote=True)}"' if css else ""
                items.append(f"<li{css}>{_html_spans(item)}</li>")
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
        elif isinstance(block, TableBlock):
            numeric = block.numeric or [False] * len(block.columns)
            head = "".join(
                f"<th{' class=num' if n else ''}>{html.escape(c)}</th>"
                for c, n in zip(block.columns, numeric, strict=True)
            )
            rows = []
            for row in block.rows:
                cells = []
                for cell, n in zip(row, numeric, strict=True):
                    heat = _heat(cell.heat) if isinstance(cell, Cell) and cell.heat is not None else ""
                    num = ' class="num"' if n else ""
                    cells.append(f"<td{num}{heat}>{html.escape(_cell_text(cell))}</td>")
                rows.append("<tr>" + "".join(cells) + "</tr>")
            body.append(
                f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
            )
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}{extra_css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
