"""A view as plain data: nodes, edges and their tooltips, shaped like pyvis's data model.

`ViewGraph.vis_nodes()` / `vis_edges()` give the dicts pyvis keeps in `Network.nodes` and
`Network.edges` (id/label/title/shape/color/size/value; from/to/width/arrows/dashes/...),
plus two fields of our own: `kind` and `tip`, the structured tooltip the page turns into
DOM text nodes. No field ever holds HTML: a title is text, and the page never parses it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import KennisgraafError
from .config import Config, EdgeStyle, ViewDef

#: above this many things a browser is minutes laying a page out (vis-network took 98 s to
#: settle at 14 k nodes), so `alles` and `themas` refuse and point at the views that stay readable
MAX_NODES = 1500


#: why a view refuses, in the words of every refusal
TOO_BIG = "wordt de pagina onleesbaar en doet de browser minuten over de opmaak"


class TooManyNodes(KennisgraafError):
    """A view has more things than one page can show."""


@dataclass(frozen=True)
class Row:
    """One line of a tooltip: a key, a value, and the plan lines that state it."""

    key: str
    value: str
    bron: tuple[str, ...] = ()


@dataclass
class Tip:
    """A tooltip: what it is, a heading, rows, and the source of the whole."""

    heading: str
    kind: str = ""
    rows: list[Row] = field(default_factory=list)
    bron: tuple[str, ...] = ()

    def add(self, key: str, value, *bron: str | None) -> Tip:
        if value is None or value == "" or (isinstance(value, (list, tuple, set, frozenset)) and not value):
            return self
        if isinstance(value, (list, tuple, set, frozenset)):
            value = ", ".join(str(v) for v in value)
        self.rows.append(Row(key, str(value), tuple(b for b in bron if b)))
        return self

    def _row_bron(self, row: Row) -> tuple[str, ...]:
        """A row's sources, unless they are the same as the whole tooltip's (shown once)."""
        return () if row.bron == self.bron else row.bron

    def text(self) -> str:
        lines = [f"{self.kind}: {self.heading}" if self.kind else self.heading]
        for row in self.rows:
            line = f"{row.key}: {row.value}"
            if self._row_bron(row):
                line += f" [{'; '.join(row.bron)}]"
            lines.append(line)
        if self.bron:
            lines.append("Bron: " + "; ".join(self.bron))
        return "\n".join(lines)

    def data(self) -> dict:
        out = {"h": self.heading, "s": self.kind, "r": [[r.key, r.value, list(self._row_bron(r))] for r in self.rows]}
        if self.bron:
            out["b"] = list(self.bron)
        return out


@dataclass
class Node:
    id: str
    kind: str
    label: str
    tip: Tip
    value: float | None = None  # scaled into size (budget, number of themes)
    colour: str | None = None  # overrides the kind's colour (status)
    muted: bool = False  # drawn pale with a dashed border (a theme without a plan)
    group: str = ""  # legend entry the colour belongs to, when not the kind
    x: float | None = None  # a fixed place (circle and radial layouts)
    y: float | None = None
    fixed: bool = False


@dataclass
class Edge:
    source: str
    target: str
    kind: str
    tip: Tip | None = None
    label: str = ""
    value: float | None = None  # scaled into width (overlap score)


@dataclass(frozen=True)
class LegendEntry:
    label: str
    colour: str
    shape: str = "dot"  # a node shape, or "line" for an edge kind
    kind: str = ""  # the node kind this entry filters (the 'alles' view)
    dashes: bool = False
    arrows: bool = False
    muted: bool = False


@dataclass
class ViewGraph:
    name: str
    definition: ViewDef
    title: str
    description: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    extra_legend: list[LegendEntry] = field(default_factory=list)
    focus: str | None = None  # node selected when the page opens

    # building --------------------------------------------------------------------

    def add_node(self, node: Node) -> Node:
        if node.kind not in self.definition.kinds:
            raise ValueError(f"view {self.name}: node kind {node.kind!r} is not in its definition")
        return self.nodes.setdefault(node.id, node)

    def add_edge(self, edge: Edge) -> Edge:
        if edge.kind not in self.definition.edges:
            raise ValueError(f"view {self.name}: edge kind {edge.kind!r} is not in its definition")
        if edge.source not in self.nodes or edge.target not in self.nodes:
            raise ValueError(f"view {self.name}: edge {edge.source} -> {edge.target} has an end outside the view")
        self.edges.append(edge)
        return edge

    def has_edge(self, source: str, target: str, kind: str | None = None) -> bool:
        return any(e.source == source and e.target == target and (kind is None or e.kind == kind) for e in self.edges)

    # what tests compare ------------------------------------------------------------

    def node_set(self, kind: str | None = None) -> set[str]:
        return {n.id for n in self.nodes.values() if kind is None or n.kind == kind}

    def edge_set(self, kind: str | None = None) -> set[tuple[str, str, str]]:
        return {(e.source, e.target, e.kind) for e in self.edges if kind is None or e.kind == kind}

    # rendering data ----------------------------------------------------------------

    def sorted_nodes(self, config: Config) -> list[Node]:
        rank = {name: k.rank for name, k in config.kinds.items()}
        return sorted(self.nodes.values(), key=lambda n: (rank.get(n.kind, 99), n.kind, n.label.casefold(), n.id))

    def sorted_edges(self) -> list[Edge]:
        return sorted(self.edges, key=lambda e: (e.source, e.target, e.kind, e.label))

    def vis_nodes(self, config: Config) -> list[dict]:
        low, high = self.definition.size_range
        out = []
        for node in self.sorted_nodes(config):
            style = config.kinds[node.kind]
            colour = node.colour or style.colour
            item = {
                "id": node.id,
                "label": short(node.label, config.label_length),
                "title": node.tip.text(),
                "shape": style.shape,
                "size": style.size,
                "color": colour_spec(colour, muted=node.muted),
                "borderWidth": 2 if node.muted or colour == "#FFFFFF" else 1,
                "kind": node.kind,
                "tip": node.tip.data(),
            }
            if node.muted:
                item["shapeProperties"] = {"borderDashes": [4, 3]}
                item["font"] = {"color": "#6B6B6B"}
            if node.value is not None:
                item["value"] = node.value
                item["scaling"] = {"min": low, "max": high}
            if node.x is not None and node.y is not None:
                item["x"], item["y"] = round(node.x, 1), round(node.y, 1)
                if node.fixed:
                    item["fixed"] = {"x": True, "y": True}
            out.append(item)
        return out

    def vis_edges(self, config: Config) -> list[dict]:
        edges = self.sorted_edges()
        curves = _curves(edges) if self.definition.smooth else {}
        out = []
        for index, edge in enumerate(edges):
            style: EdgeStyle = config.edges[edge.kind]
            item = {
                "id": f"e{index}",
                "from": edge.source,
                "to": edge.target,
                "color": {
                    "color": style.colour,
                    "highlight": darker(style.colour),
                    "hover": darker(style.colour),
                    "inherit": False,
                },
                "width": style.width,
                "kind": edge.kind,
            }
            if edge.tip is not None:
                item["title"] = edge.tip.text()
                item["tip"] = edge.tip.data()
            if edge.label:
                item["label"] = short(edge.label, config.label_length)
            if style.arrows:
                item["arrows"] = style.arrows
            if style.dashes:
                item["dashes"] = True
            if style.length:
                item["length"] = style.length
            if edge.value is not None:
                item["value"] = edge.value
                if style.min_width is not None:
                    item["scaling"] = {"min": style.min_width, "max": style.max_width or style.min_width}
            if index in curves:
                item["smooth"] = curves[index]
            out.append(item)
        return out

    def legend(self, config: Config) -> list[LegendEntry]:
        present = {n.kind for n in self.nodes.values()}
        entries = []
        for kind in self.definition.kinds:
            if kind not in present:
                continue
            style = config.kinds[kind]
            label = style.label
            colour = "#FFFFFF" if kind in self.definition.colour_by_status else style.colour
            if kind in self.definition.notes:
                label += f" ({self.definition.notes[kind]})"
            entries.append(LegendEntry(label, colour, style.shape, kind=kind))
        entries += self.extra_legend
        used = {e.kind for e in self.edges}
        for name in self.definition.edges:
            if name in used:
                line = config.edges[name]
                entries.append(
                    LegendEntry(line.label, line.colour, "line", dashes=line.dashes, arrows=bool(line.arrows))
                )
        return entries

    def place(self) -> None:
        """Fixed places for the `circle` and `radial` layouts (the same input, the same picture)."""
        layout = self.definition.layout
        if layout == "circle":
            ring = sorted(self.nodes.values(), key=lambda n: (n.label.casefold(), n.id))
            _on_circle(ring, max(260.0, 55.0 * len(ring)), fixed=False)
        elif layout == "radial" and self.focus in self.nodes:
            centre = self.nodes[self.focus]
            centre.x, centre.y, centre.fixed = 0.0, 0.0, True
            ring = sorted(
                (n for n in self.nodes.values() if n.kind == centre.kind and n.id != centre.id),
                key=lambda n: (n.label.casefold(), n.id),
            )
            _on_circle(ring, 150.0 + 45.0 * len(self.nodes) ** 0.5, fixed=True)

    def to_pyvis(self, config: Config):
        """The same view as a pyvis Network (for notebooks and tests); built from data, not edge by edge."""
        from pyvis.network import Network

        net = Network(directed=True, cdn_resources="in_line", heading=self.title)
        for item in self.vis_nodes(config):
            data = {k: v for k, v in item.items() if k != "tip"}
            net.nodes.append(data)
            net.node_ids.append(item["id"])
            net.node_map[item["id"]] = data
        net.edges = [{k: v for k, v in item.items() if k != "tip"} for item in self.vis_edges(config)]
        return net


def _on_circle(nodes: list[Node], radius: float, fixed: bool) -> None:
    """Spread nodes evenly over a circle, the first at the top, clockwise."""
    for index, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * index / max(1, len(nodes))
        node.x, node.y, node.fixed = radius * math.cos(angle), radius * math.sin(angle), fixed


def short(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(int(c * factor) for c in (r, g, b)))


def lighter(colour: str, factor: float = 0.55) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(int(c + (255 - c) * factor) for c in (r, g, b)))


def colour_spec(colour: str, muted: bool = False) -> dict:
    background = lighter(colour) if muted else colour
    border = "#555555" if colour == "#FFFFFF" else darker(colour)
    return {
        "background": background,
        "border": border,
        "highlight": {"background": background, "border": "#000000"},
        "hover": {"background": background, "border": "#000000"},
    }


def _curves(edges: list[Edge]) -> dict[int, dict]:
    """Parallel edges between the same two nodes bend apart, each to its own side and depth."""
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, edge in enumerate(edges):
        low, high = sorted((edge.source, edge.target))
        pairs[(low, high)].append(index)
    curves = {}
    for (first, _), indexes in pairs.items():
        if len(indexes) < 2:
            continue
        for position, index in enumerate(indexes):
            clockwise = position % 2 == 0
            if edges[index].source != first:  # drawn the other way round: mirror the side
                clockwise = not clockwise
            curves[index] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.12 + 0.18 * (position // 2), 2),
            }
    return curves
