"""Where the data lives: the ontology, graph, queries and visuals folders.

In a checkout they sit at the top of the repository; in an installed wheel they are copied
into `kennisgraaf/_data`. `--data DIR` points at another folder with the same layout (next
year's plans, a fork); folders it lacks (queries/, visuals/) fall back to the shipped ones.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .errors import DataFolderError
from .files import sha256_of
from .namespaces import GRAPH_BASE

PACKAGE_DIR = Path(__file__).resolve().parent
RDF_SUFFIXES = {".ttl": "turtle", ".trig": "trig"}
SHAPES_FILE = "shapes.ttl"


def shipped_root() -> Path:
    """The data folder that came with this installation."""
    packaged = PACKAGE_DIR / "_data"
    if (packaged / "ontology").is_dir():
        return packaged
    return PACKAGE_DIR.parent


@dataclass(frozen=True)
class SourceFile:
    path: Path
    relative: str  # e.g. "graph/plans/2026/waterkwaliteit.ttl"
    format: str

    @property
    def graph_iri(self) -> str:
        """One named graph per file: graph/plans/2026/x.ttl → <…/graph/plans/2026/x>."""
        stem = self.relative.rsplit(".", 1)[0]
        if stem.startswith("graph/"):
            stem = stem[len("graph/") :]
        return GRAPH_BASE + stem


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @classmethod
    def resolve(cls, data: Path | None = None) -> DataFolder:
        if data is None:
            return cls(shipped_root())
        root = Path(data).expanduser()
        if not root.exists():
            raise DataFolderError(f"datamap bestaat niet: {root}")
        if not root.is_dir():
            raise DataFolderError(f"datamap is geen map: {root}")
        folder = cls(root.resolve())
        if not folder.sources():
            raise DataFolderError(
                f"datamap {root} bevat geen Turtle-bronnen (verwacht: ontology/*.ttl en graph/**/*.ttl)"
            )
        return folder

    def _dir(self, name: str) -> Path:
        own = self.root / name
        return own if own.is_dir() else shipped_root() / name

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def graph_dir(self) -> Path:
        return self.root / "graph"

    @property
    def queries_dir(self) -> Path:
        return self._dir("queries")

    @property
    def visuals_dir(self) -> Path:
        return self._dir("visuals")

    @property
    def sources_texts_dir(self) -> Path:
        """The published plan texts that `kn:bronRegel` points into."""
        return self.graph_dir / "bronnen"

    @property
    def shapes_file(self) -> Path:
        own = self.ontology_dir / SHAPES_FILE
        return own if own.is_file() else shipped_root() / "ontology" / SHAPES_FILE

    def sources(self) -> list[SourceFile]:
        """Every RDF source file except the shapes, in a stable order."""
        return list(self._sources)

    @cached_property
    def _sources(self) -> tuple[SourceFile, ...]:
        """Walked once per DataFolder: a command resolves its folder once and asks often."""
        found = []
        for top in ("ontology", "graph"):
            base = self.root / top
            if not base.is_dir():
                continue
            for path in sorted(base.rglob("*")):
                fmt = RDF_SUFFIXES.get(path.suffix)
                if fmt is None or not path.is_file():
                    continue
                if top == "ontology" and path.name == SHAPES_FILE:
                    continue
                relative = path.relative_to(self.root).as_posix()
                found.append(SourceFile(path, relative, fmt))
        return tuple(found)

    def validation_inputs(self) -> list[tuple[str, Path]]:
        """Every file a build reads besides the sources: shapes, integrity checks, plan texts.

        All of them are in the cache key: a cut plan text or a new check must rebuild.
        """
        found = [(SHAPES_FILE, self.shapes_file)]
        checks = self.queries_dir / "checks"
        if checks.is_dir():
            found += [(f"queries/checks/{p.name}", p) for p in sorted(checks.glob("*.rq")) if p.is_file()]
        texts = self.sources_texts_dir
        if texts.is_dir():
            found += [(p.relative_to(self.root).as_posix(), p) for p in sorted(texts.rglob("*")) if p.is_file()]
        return found

    def fingerprint(self, extra: str = "", known: dict | None = None) -> str:
        """A hash of every source file and every validation input: the cache key.

        `known` (path → [size, mtime_ns, inode, hashed_at_ns, sha256], kept by the cache)
        spares reading a file again whose size, time and inode are unchanged: at 1 M triples
        reading 125 MB of sources was 0.3–1 s of every warm command. It is updated in place.
        """
        digest = hashlib.sha256(extra.encode())
        inputs = [(s.relative, s.path) for s in self.sources()] + self.validation_inputs()
        for relative, path in inputs:
            digest.update(relative.encode() + b"\0" + _file_hash(path, relative, known).encode() + b"\0")
        return digest.hexdigest()

    def text_path(self, name: str) -> Path | None:
        """The plan text a `kn:bestandsnaam` names, or None if the name leads outside the
        plan-text folder (`../`, an absolute path, a link out): such a file is never read."""
        return text_path(self.sources_texts_dir, name)


#: a hash in `known` is trusted only for a file last written this long (ns) before it was
#: hashed: file times move in steps of milliseconds, so a file written in the same step as
#: its hashing can have new bytes under the old size and time (git's "racy" rule)
_RACY_NS = 2_000_000_000


def _file_hash(path: Path, relative: str, known: dict | None) -> str:
    try:
        stat = path.stat()
        where = str(path.absolute())
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        seen = known.get(where) if known is not None else None
        if isinstance(seen, list) and len(seen) == 5 and seen[:3] == stamp and seen[3] - stamp[1] > _RACY_NS:
            return str(seen[4])
        hashed_at = time.time_ns()
        found = sha256_of(path)
    except OSError as err:
        raise DataFolderError(f"{relative}: onleesbaar ({err.strerror or err})") from None
    if known is not None:
        known[where] = [*stamp, hashed_at, found]
    return found


def text_path(texts_dir: Path, name: str) -> Path | None:
    """The one rule for turning a `kn:bestandsnaam` into a path inside `texts_dir`."""
    base = Path(texts_dir).resolve()
    try:
        path = (base / str(name)).resolve()
    except (OSError, ValueError):
        return None
    return path if path.is_relative_to(base) and "\0" not in str(name) else None
