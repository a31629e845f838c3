"""Write a view as one self-contained HTML page (and an index page for a set of views).

pyvis's own templates fetch from a CDN and its write/show put a lib/ folder in the working
directory, so the page is written here, from visuals/page.html: UTF-8, the vis-network
script and stylesheet that ship inside the installed pyvis wheel inlined, our own legend,
search and tooltips. Every text from the graph is escaped for where it lands: HTML text and
attributes through `html.escape`, the data block as JSON with `<`, `>` and `&` written as
\\u escapes, so nothing in it can close the script element. A Content-Security-Policy with
the hashes of the two scripts forbids every other script (an injected `onerror=` included)
and every network request.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template

from ..htmltext import esc, script_json
from .config import Config
from .model import LegendEntry, ViewGraph, lighter

PAGE_TEMPLATE = "page.html"
INDEX_TEMPLATE = "index.html"
PAGE_CSS = "view.css"
PAGE_JS = "view.js"
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


@lru_cache(maxsize=4)
def vis_assets(js_path: str, css_path: str) -> tuple[str, str]:
    """The vis-network script and stylesheet from the installed pyvis package."""
    # found, not imported: importing pyvis imports IPython and jinja2 (~0.25 s of a warm `view`)
    spec = importlib.util.find_spec("pyvis")
    base = (
        Path(spec.submodule_search_locations[0])
        if spec and spec.submodule_search_locations
        else resources.files("pyvis")
    )
    js = _SOURCE_MAP.sub("", base.joinpath(js_path).read_text(encoding="utf-8"))
    css = base.joinpath(css_path).read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # would end the inline element early
        raise ValueError("vis-network asset contains a closing tag; cannot inline it")
    return js, css


def _asset(config: Config, name: str) -> str:
    return (config.folder / name).read_text(encoding="utf-8")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def vis_options(view: ViewGraph, config: Config) -> dict:
    many = len(view.nodes) > 150
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "locale": "nl",
        "layout": {"randomSeed": config.seed, "improvedLayout": len(view.nodes) <= 100},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": many,
            "keyboard": False,
            "navigationButtons": False,
            "multiselect": False,
        },
        "nodes": {
            "font": {
                "size": 14,
                "face": "system-ui, Segoe UI, Roboto, Arial, sans-serif",
                "color": "#1A1A1A",
                "strokeWidth": 3,
                "strokeColor": "#FFFFFF",
            },
            "borderWidthSelected": 3,
        },
        "edges": {
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.25} if view.definition.smooth else False,
            "font": {
                "size": 12,
                "face": "system-ui, Segoe UI, Roboto, Arial, sans-serif",
                "color": "#333333",
                "strokeWidth": 4,
                "strokeColor": "#FFFFFF",
                "align": "horizontal",
            },
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
        "physics": dict(view.definition.physics, enabled=view.definition.layout != "circle"),
    }


SHAPE_SVG = {
    "dot": '<circle cx="9" cy="9" r="6.5"/>',
    "square": '<rect x="3" y="3" width="12" height="12"/>',
    "diamond": '<polygon points="9,1.5 16.5,9 9,16.5 1.5,9"/>',
    "triangle": '<polygon points="9,2 16.5,15.5 1.5,15.5"/>',
    "triangleDown": '<polygon points="1.5,2.5 16.5,2.5 9,16"/>',
    "star": '<polygon points="9,1 11.2,6.6 17,6.9 12.4,10.6 14,16.3 9,13 4,16.3 5.6,10.6 1,6.9 6.8,6.6"/>',
    "hexagon": '<polygon points="4.5,1.8 13.5,1.8 17.5,9 13.5,16.2 4.5,16.2 0.5,9"/>',
}


def swatch(entry: LegendEntry) -> str:
    colour = esc(entry.colour)
    if entry.shape == "line":
        dash = ' stroke-dasharray="5,3"' if entry.dashes else ""
        head = f'<polygon points="26,9 19,5 19,13" fill="{colour}"/>' if entry.arrows else ""
        end = 21 if entry.arrows else 27
        return (
            f'<svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">'
            f'<line x1="1" y1="9" x2="{end}" y2="9" stroke="{colour}" stroke-width="3"{dash}/>'
            f"{head}</svg>"
        )
    fill = esc(lighter(entry.colour)) if entry.muted else colour
    stroke = "#555555" if entry.colour.upper() == "#FFFFFF" else "#333333"
    dash = ' stroke-dasharray="3,2"' if entry.muted else ""
    shape = SHAPE_SVG.get(entry.shape, SHAPE_SVG["dot"])
    return (
        f'<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
        f'<g fill="{fill}" stroke="{stroke}" stroke-width="1.2"{dash}>{shape}</g></svg>'
    )


def legend_html(view: ViewGraph, config: Config) -> str:
    items = []
    filterable = view.definition.filter
    for entry in view.legend(config):
        text = esc(entry.label)
        if filterable and entry.kind:
            nodes = [n for n in view.nodes.values() if n.kind == entry.kind]
            sub = sum(1 for n in nodes if n.group == "subthema")  # counted apart, as in stats and rapport
            count = f"{len(nodes) - sub}" + (f" + {sub} subthema" if sub else "")
            items.append(
                f'        <li><label><input type="checkbox" data-kind="{esc(entry.kind)}" checked> '
                f"{swatch(entry)} <span>{text} ({count})</span></label></li>"
            )
        else:
            items.append(f"        <li>{swatch(entry)} <span>{text}</span></li>")
    return "\n".join(items)


def page_data(view: ViewGraph, config: Config) -> dict:
    view.place()
    return {
        "view": view.name,
        "nodes": view.vis_nodes(config),
        "edges": view.vis_edges(config),
        "options": vis_options(view, config),
        "focus": view.focus,
    }


def render_page(view: ViewGraph, config: Config, index_href: str | None = None, years=()) -> str:
    """The complete HTML of one view; `years`: (year, href) pairs for the year switch, the href
    None for the year shown (only when the graph has plans of several years)."""
    vis_js, vis_css = vis_assets(config.vis_network, config.vis_network_css)
    page_js = _asset(config, PAGE_JS)
    data = page_data(view, config)
    links = [f'<a href="{esc(index_href)}">← Alle weergaven</a>'] if index_href else []
    if years:
        links.append(
            "Planjaar: "
            + " · ".join(
                f"<strong>{esc(str(y))}</strong>" if href is None else f'<a href="{esc(href)}">{esc(str(y))}</a>'
                for y, href in years
            )
        )
    nav = f'<nav class="kg-nav">{" ".join(links)}</nav>' if links else ""
    hint = '<p class="kg-hint">Vink een soort uit om die te verbergen.</p>' if view.definition.filter else ""
    counts = f"{len(data['nodes'])} knopen, {len(data['edges'])} lijnen."
    template = Template(_asset(config, PAGE_TEMPLATE))
    return template.substitute(
        script_hashes=f"{_hash(vis_js)} {_hash(page_js)}",
        title=esc(view.title),
        description=esc(view.description),
        view_name=esc(view.name),
        nav=nav,
        filter_hint=hint,
        legend=legend_html(view, config),
        counts=esc(counts),
        data=script_json(data),
        vis_css=vis_css,
        page_css=_asset(config, PAGE_CSS),
        vis_js=vis_js,
        page_js=page_js,
    )


@dataclass(frozen=True)
class IndexEntry:
    href: str
    title: str
    description: str
    nodes: int
    edges: int
    children: tuple[tuple[str, str], ...] = ()  # (href, title) of the pages under this one


def render_index(entries: list[IndexEntry], config: Config) -> str:
    cards = []
    for entry in entries:
        heading = f'<a href="{esc(entry.href)}">{esc(entry.title)}</a>' if entry.href else esc(entry.title)
        parts = [f"    <li><h2>{heading}</h2>", f"      <p>{esc(entry.description)}</p>"]
        if entry.href:
            parts.append(f"      <p>{entry.nodes} knopen, {entry.edges} lijnen.</p>")
        if entry.children:
            parts.append("      <ul>")
            parts += [f'        <li><a href="{esc(href)}">{esc(title)}</a></li>' for href, title in entry.children]
            parts.append("      </ul>")
        parts.append("    </li>")
        cards.append("\n".join(parts))
    template = Template(_asset(config, INDEX_TEMPLATE))
    return template.substitute(cards="\n".join(cards), page_css=_asset(config, PAGE_CSS))


def write_text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
