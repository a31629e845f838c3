"""The view definitions in visuals/views.toml, read into plain dataclasses.

Which kinds of node and edge a view shows, their colours, shapes and Dutch legend texts,
and the physics of the layout live in that file, not in code: a 2027 class or another
colour is an edit there.
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import KennisgraafError
from ..namespaces import PREFIXES

CONFIG_FILE = "views.toml"
LAYOUTS = ("physics", "circle", "radial")
SHAPES = {"dot", "diamond", "square", "triangle", "triangleDown", "star", "hexagon"}
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class ViewConfigError(KennisgraafError):
    """visuals/views.toml is missing something or holds a value the pages cannot use."""


@dataclass(frozen=True)
class KindStyle:
    name: str
    label: str
    classes: tuple[str, ...]
    rank: int
    colour: str
    shape: str
    size: float
    namespace: str | None = None


@dataclass(frozen=True)
class EdgeStyle:
    name: str
    label: str
    colour: str
    width: float = 1.0
    dashes: bool = False
    arrows: str = ""
    min_width: float | None = None
    max_width: float | None = None
    length: float | None = None  # spring length in the layout (vis-network edge `length`)


@dataclass(frozen=True)
class StatusStyle:
    colours: dict[str, str]  # top status concept IRI -> colour
    none: tuple[str, str]  # (legend label, colour) for a product without status
    other: tuple[str, str]


@dataclass(frozen=True)
class ViewDef:
    name: str
    title: str
    description: str
    kinds: tuple[str, ...]
    edges: tuple[str, ...]
    physics: dict
    needs_thema: bool = False
    colour_by_status: tuple[str, ...] = ()
    filter: bool = False
    smooth: bool = True
    size_range: tuple[float, float] = (10, 30)
    layout: str = "physics"
    notes: dict[str, str] = field(default_factory=dict)  # kind -> what its size/colour means


@dataclass(frozen=True)
class Config:
    folder: Path
    seed: int
    vis_network: str
    vis_network_css: str
    label_length: int
    kinds: dict[str, KindStyle]
    edges: dict[str, EdgeStyle]
    status: StatusStyle
    views: dict[str, ViewDef]
    axes: dict[str, str] = field(default_factory=dict)  # overlap axis -> Dutch heading in tooltips
    raw: dict = field(repr=False, default_factory=dict)

    def view(self, name: str) -> ViewDef:
        if name not in self.views:
            raise KennisgraafError(f"onbekende weergave {name!r}; kies uit: {', '.join(self.views)}")
        return self.views[name]

    def kind_of(self, classes: set[str], iri: str) -> str | None:
        """The kind of a thing with these rdf:types (full IRIs): the lowest rank that matches."""
        best: KindStyle | None = None
        for kind in self.kinds.values():
            if kind.namespace and not iri.startswith(kind.namespace):
                continue
            if any(c in classes for c in kind.classes) and (best is None or kind.rank < best.rank):
                best = kind
        return best.name if best else None


def expand(curie: str) -> str:
    """`kn:Thema` → the full IRI (the project's prefixes); a full IRI stays as it is."""
    prefix, _, local = curie.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return curie


def _colour(value: str, where: str) -> str:
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise ViewConfigError(f"{CONFIG_FILE}: {where}: kleur {value!r} is geen #rrggbb")
    return value.upper()


def merge(base: dict, override: dict) -> dict:
    """A deep copy of `base` with `override` laid over it (nested tables merge)."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def parse(raw: dict, folder: Path) -> Config:
    page = raw.get("page", {})
    kinds = {}
    for name, spec in raw.get("kinds", {}).items():
        shape = spec.get("shape", "dot")
        if shape not in SHAPES:
            raise ViewConfigError(f"{CONFIG_FILE}: kinds.{name}: vorm {shape!r}; kies uit {', '.join(sorted(SHAPES))}")
        kinds[name] = KindStyle(
            name=name,
            label=spec["label"],
            classes=tuple(expand(c) for c in spec.get("classes", ())),
            rank=int(spec.get("rank", 50)),
            colour=_colour(spec.get("colour", "#999999"), f"kinds.{name}"),
            shape=shape,
            size=float(spec.get("size", 10)),
            namespace=expand(spec["namespace"]) if spec.get("namespace") else None,
        )
    edges = {}
    for name, spec in raw.get("edges", {}).items():
        edges[name] = EdgeStyle(
            name=name,
            label=spec["label"],
            colour=_colour(spec.get("colour", "#999999"), f"edges.{name}"),
            width=float(spec.get("width", 1.0)),
            dashes=bool(spec.get("dashes", False)),
            arrows=str(spec.get("arrows", "")),
            min_width=spec.get("min_width"),
            max_width=spec.get("max_width"),
            length=spec.get("length"),
        )
    status_raw = raw.get("status", {})
    status = StatusStyle(
        colours={expand(k): _colour(v, f"status.{k}") for k, v in status_raw.get("colours", {}).items()},
        none=(status_raw["none"]["label"], _colour(status_raw["none"]["colour"], "status.none")),
        other=(status_raw["other"]["label"], _colour(status_raw["other"]["colour"], "status.other")),
    )
    physics = page.get("physics", {})
    views = {}
    for name, spec in raw.get("views", {}).items():
        for kind in spec.get("kinds", ()):
            if kind not in kinds:
                raise ViewConfigError(f"{CONFIG_FILE}: views.{name}: onbekende soort {kind!r}")
        for edge in spec.get("edges", ()):
            if edge not in edges:
                raise ViewConfigError(f"{CONFIG_FILE}: views.{name}: onbekende lijnsoort {edge!r}")
        layout = spec.get("layout", "physics")
        if layout not in LAYOUTS:
            raise ViewConfigError(f"{CONFIG_FILE}: views.{name}: layout {layout!r}; kies uit {', '.join(LAYOUTS)}")
        views[name] = ViewDef(
            name=name,
            title=spec["title"],
            description=spec.get("description", ""),
            kinds=tuple(spec.get("kinds", ())),
            edges=tuple(spec.get("edges", ())),
            physics=merge(physics, spec.get("physics", {})),
            needs_thema=bool(spec.get("needs_thema", False)),
            colour_by_status=tuple(spec.get("colour_by_status", ())),
            filter=bool(spec.get("filter", False)),
            smooth=bool(spec.get("smooth", True)),
            size_range=tuple(spec.get("size_range", (10, 30))),
            layout=layout,
            notes=dict(spec.get("notes", {})),
        )
    return Config(
        folder=folder,
        seed=int(page.get("random_seed", 1)),
        vis_network=page.get("vis_network", "lib/vis-9.1.2/vis-network.min.js"),
        vis_network_css=page.get("vis_network_css", "lib/vis-9.1.2/vis-network.css"),
        label_length=int(page.get("label_length", 40)),
        kinds=kinds,
        edges=edges,
        status=status,
        views=views,
        axes={str(k): str(v) for k, v in raw.get("axes", {}).items()},
        raw=raw,
    )


@lru_cache(maxsize=8)
def _load(folder: Path, stamp: float) -> Config:
    path = folder / CONFIG_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ViewConfigError(f"weergavedefinities niet gevonden: {path}") from None
    except tomllib.TOMLDecodeError as err:
        raise ViewConfigError(f"{path}: {err}") from None
    try:
        return parse(raw, folder)
    except KeyError as err:
        raise ViewConfigError(f"{path}: ontbrekende sleutel {err}") from None


def load_config(folder: Path | None = None) -> Config:
    """The view definitions of a visuals/ folder (default: the shipped one)."""
    if folder is None:
        from ..sources import DataFolder

        folder = DataFolder.resolve(None).visuals_dir
    folder = Path(folder)
    path = folder / CONFIG_FILE
    return _load(folder, path.stat().st_mtime if path.exists() else 0.0)
