"""Stage 4: keep the reasoned graph in a per-user cache folder, keyed by a source hash.

A build writes into a temporary folder and renames it into place only when every stage
succeeded, so a failed build can never replace (or damage) the last good one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

GRAPH_FILE = "graph.nq"
MANIFEST_FILE = "manifest.json"
KEEP_BUILDS = 5


def default_cache_dir() -> Path:
    env = os.environ.get("KENNISGRAAF_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kennisgraaf", appauthor=False))


@dataclass(frozen=True)
class CacheEntry:
    folder: Path

    @property
    def graph_file(self) -> Path:
        return self.folder / GRAPH_FILE

    @property
    def manifest(self) -> dict:
        return json.loads((self.folder / MANIFEST_FILE).read_text(encoding="utf-8"))

    def exists(self) -> bool:
        return (self.folder / MANIFEST_FILE).is_file() and self.graph_file.is_file()


class Cache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else default_cache_dir()

    def entry(self, key: str) -> CacheEntry:
        return CacheEntry(self.root / key)

    def store(self, key: str, nquads: bytes, manifest: dict) -> CacheEntry:
        """Write a complete build atomically; older builds beyond KEEP_BUILDS are pruned."""
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.entry(key)
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=self.root))
        try:
            (staging / GRAPH_FILE).write_bytes(nquads)
            (staging / MANIFEST_FILE).write_text(
                json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8"
            )
            if target.folder.exists():
                shutil.rmtree(target.folder)
            staging.rename(target.folder)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        self._prune(keep=target.folder)
        return target

    def _prune(self, keep: Path) -> None:
        builds = [p for p in self.root.iterdir() if (p / MANIFEST_FILE).is_file()]
        builds.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in builds[KEEP_BUILDS:]:
            if old != keep:
                shutil.rmtree(old, ignore_errors=True)
