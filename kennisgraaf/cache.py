"""Stage 4: keep the reasoned graph in a per-user cache folder, keyed by a hash of every input.

A build is a folder holding a persistent Oxigraph store (`store/`, opened read-only by the
commands, so a warm command opens it in milliseconds instead of re-parsing), the same quads
as N-Quads (`graph.nq`, for `serve` and `publish`) and a manifest with a SHA-256 of every
file and the quad count. A command checks those before it trusts the build, so a damaged
cache is noticed and rebuilt instead of giving partial answers.

The name of a build (`<root>/<key>`) is a symbolic link to the folder with the files. A new
build is written in a staging folder, renamed beside the old one and then switched in with
one atomic `rename` of a fresh link: at every instant `<key>` is either the old build or
the new one, so a kill can never lose the last good build. Staging folders of processes
that died are removed the next time a build is stored.

Beside the build's own files a build keeps what is derived from it (`afgeleid/`: the
analysis network and results, see analysis/precomputed.py). Each derived file carries its
own SHA-256 in its first line and is switched in with one atomic `rename`, so a reader sees
a whole file or none, and a damaged one is recomputed; they are not in the manifest, because
they are written after it, and they go when the build goes.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import StoreError
from .files import replace_whole, sha256_of

GRAPH_FILE = "graph.nq"
STORE_DIR = "store"
MANIFEST_FILE = "manifest.json"
DERIVED_DIR = "afgeleid"
#: the hashes of source files a build key was made of (a dot name: no build, never pruned)
HASHES_FILE = ".bronhashes.json"
MAX_HASHES = 50_000
_DERIVED_MAGIC = b"kennisgraaf-afgeleid sha256="
#: per data folder, the newest builds kept (an older build of the same folder is a past state)
KEEP_PER_FOLDER = 3
#: builds of a data folder not built for this long are removed (unless protected)
MAX_AGE_DAYS = 30
#: above this total size the oldest unprotected builds go first
MAX_BYTES = 8 * 1024**3
#: a staging or unreferenced folder of a process that is still running is left alone this long
STALE_SECONDS = 24 * 3600
_RUNTIME_FILES = ("LOG", "LOCK")  # written by RocksDB on open; not part of the content


class CacheDamaged(StoreError):
    """A build in the cache whose files do not match its manifest."""


def default_cache_dir() -> Path:
    env = os.environ.get("KENNISGRAAF_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kennisgraaf", appauthor=False))


def _content_files(folder: Path) -> list[Path]:
    """The files whose bytes make up a build (RocksDB's log and lock files excluded)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.relative_to(folder).parts[0] == DERIVED_DIR:
            continue  # checked per file, see CacheEntry.derived
        if path.is_file() and path.name != MANIFEST_FILE and not path.name.startswith(_RUNTIME_FILES):
            found.append(path)
    return found


def _stamp(path: Path) -> list[int]:
    """What a file's stat says of its content: size and modification time (ns)."""
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def checksums(folder: Path) -> dict[str, dict]:
    found = {}
    for p in _content_files(folder):
        stamp = _stamp(p)
        found[p.relative_to(folder).as_posix()] = {"sha256": sha256_of(p), "bytes": stamp[0], "stamp": stamp}
    return found


@dataclass(frozen=True)
class CacheEntry:
    folder: Path

    @property
    def store_dir(self) -> Path:
        return self.folder / STORE_DIR

    @property
    def graph_file(self) -> Path:
        """The N-Quads of the build, checked against the manifest before anyone reads them."""
        self.verify(only=GRAPH_FILE)
        return self.folder / GRAPH_FILE

    @property
    def manifest(self) -> dict:
        try:
            manifest = json.loads((self.folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as err:
            raise CacheDamaged(f"de build in {self.folder} is beschadigd (manifest onleesbaar: {err})") from None
        if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
            raise CacheDamaged(f"de build in {self.folder} is beschadigd (manifest onvolledig)")
        return manifest

    def exists(self) -> bool:
        return (self.folder / MANIFEST_FILE).is_file()

    def verify(self, only: str | None = None) -> dict:
        """The manifest, after checking that every file (or only `only`) has its recorded bytes."""
        return self._verify(only)[0]

    def _verify(self, only: str | None = None) -> tuple[dict, bool]:
        """`verify`, and whether every file kept the stamp (size, time) the build recorded."""
        manifest = self.manifest
        unchanged = True
        expected = {
            name: info
            for name, info in manifest["files"].items()
            if only is None or name == only or name.startswith(only + "/")
        }
        present = {p.relative_to(self.folder).as_posix(): p for p in _content_files(self.folder)}
        if only is None and set(present) != set(expected):
            raise CacheDamaged(f"de build in {self.folder} is beschadigd (bestanden ontbreken of zijn toegevoegd)")
        for name, info in expected.items():
            path = present.get(name)
            if path is not None and info.get("stamp") == _stamp(path):
                # unchanged since the build hashed it: a warm command need not read every byte
                # again (0.5 s at 1 M triples). A flipped bit that keeps size and time is left
                # to RocksDB's block checksums in the store; graph.nq has no such second check
                continue
            unchanged = False
            if path is None or path.stat().st_size != info.get("bytes") or sha256_of(path) != info.get("sha256"):
                raise CacheDamaged(f"de build in {self.folder} is beschadigd ({name} klopt niet met de controlesom)")
        return manifest, unchanged

    def open(self):
        """The build's store, read-only, after the checksums agree, and the quad count too
        when a file was touched since the build: counting walks every quad (0.35 s at 1 M),
        which a file with the size and time the build gave it does not need."""
        import pyoxigraph as ox

        from .store import OxigraphStore

        manifest, unchanged = self._verify()
        try:
            store = ox.Store.read_only(str(self.store_dir))
        except (OSError, RuntimeError) as err:
            raise CacheDamaged(f"de build in {self.folder} is beschadigd (store: {err})") from None
        if not unchanged and len(store) != manifest.get("quads"):
            raise CacheDamaged(
                f"de build in {self.folder} is beschadigd ({len(store)} quads in plaats van {manifest.get('quads')})"
            )
        opened = OxigraphStore(store=store)
        _opened_from[opened] = self
        return opened

    def derived(self, name: str) -> bytes | None:
        """What was derived from this build under `name`, or None if it is missing or damaged."""
        try:
            data = (self.folder / DERIVED_DIR / name).read_bytes()
        except OSError:
            return None
        header, _, payload = data.partition(b"\n")
        if not header.startswith(_DERIVED_MAGIC):
            return None
        if hashlib.sha256(payload).hexdigest().encode() != header[len(_DERIVED_MAGIC) :]:
            return None
        return payload

    def keep_derived(self, name: str, payload: bytes) -> None:
        """Keep `payload` beside the build, switched in whole; a cache that cannot be written
        only means the next command computes it again."""
        folder = self.folder / DERIVED_DIR
        header = _DERIVED_MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n"
        try:
            folder.mkdir(exist_ok=True)
            replace_whole(folder / name, header, payload)
        except OSError:
            pass


#: the build every opened store came from, so what is derived from it can be kept beside it
_opened_from: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def entry_of(store) -> CacheEntry | None:
    """The cached build `store` was opened from (None: a remote or in-memory store)."""
    try:
        return _opened_from.get(store)
    except TypeError:  # not weak-referenceable: not one of ours
        return None


def _pid_alive(name: str) -> bool:
    """Staging names carry the pid of the process writing them: `.build-<pid>-<random>`."""
    try:
        pid = int(name.split("-")[1])
    except (IndexError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class Cache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else default_cache_dir()

    def entry(self, key: str) -> CacheEntry:
        return CacheEntry(self.root / key)

    def file_hashes(self) -> dict:
        """The hashes of source files read before (`DataFolder.fingerprint`'s `known`); empty
        when there are none or they do not read: then every file is read again."""
        try:
            found = json.loads((self.root / HASHES_FILE).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def keep_file_hashes(self, hashes: dict) -> None:
        """Keep `hashes` (the newest MAX_HASHES), switched in whole; a cache that cannot be
        written only means the next command reads the files again."""
        if len(hashes) > MAX_HASHES:
            newest = sorted(hashes.items(), key=lambda item: item[1][3] if isinstance(item[1], list) else 0)
            hashes = dict(newest[-MAX_HASHES:])
        if not self.root.is_dir():
            return  # the build makes (or refuses) the cache folder, with its own message
        try:
            replace_whole(self.root / HASHES_FILE, json.dumps(hashes).encode("utf-8"))
        except OSError:
            pass

    def _writable_root(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(
                f"cachemap {self.root} is een bestand, geen map; kies een andere met --cache-dir "
                "of $KENNISGRAAF_CACHE_DIR"
            )
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise self._unwritable(err) from None

    def _unwritable(self, err: OSError) -> StoreError:
        why = err.strerror or str(err)
        return StoreError(
            f"cachemap {self.root} is niet beschrijfbaar ({why}); de vorige build blijft staan. "
            "Maak ruimte of kies een andere map met --cache-dir of $KENNISGRAAF_CACHE_DIR"
        )

    def store(
        self, key: str, write: Callable[[Path], None], manifest: dict, protect: tuple[str, ...] = ()
    ) -> CacheEntry:
        """Write a complete build with `write(folder)` and switch it in atomically.

        `manifest` gets the checksums of what `write` made; builds named in `protect` (the
        one the default data folder uses) are never pruned.
        """
        self._writable_root()
        self.clean_stale()
        target = self.entry(key)
        staging = self.root / f".build-{os.getpid()}-{secrets.token_hex(4)}"
        final = self.root / f".data-{os.getpid()}-{secrets.token_hex(4)}"
        link = self.root / f".link-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            staging.mkdir()
            write(staging)
            manifest = {**manifest, "files": checksums(staging), "created": time.time()}
            (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
            staging.rename(final)
            old = self._resolved(target.folder)
            os.symlink(final.name, link)
            if target.folder.is_dir() and not target.folder.is_symlink():
                legacy = self.root / f".data-{os.getpid()}-{secrets.token_hex(4)}"
                target.folder.rename(legacy)  # a build of the older layout: a real folder
                old = legacy
            os.replace(link, target.folder)  # the switch: atomic
        except OSError as err:
            raise self._unwritable(err) from None
        finally:
            for leftover in (staging, link):
                if leftover.is_symlink():
                    leftover.unlink()
                elif leftover.exists():
                    shutil.rmtree(leftover, ignore_errors=True)
            if final.exists() and self._resolved(target.folder) != final.resolve():
                shutil.rmtree(final, ignore_errors=True)
        if old is not None and old != final and old.exists():
            shutil.rmtree(old, ignore_errors=True)
        self.prune(keep={key, *protect})
        return target

    def _resolved(self, folder: Path) -> Path | None:
        if folder.is_symlink():
            return (self.root / os.readlink(folder)).resolve()
        return None

    def clean_stale(self) -> None:
        """Remove staging and unreferenced build folders left by processes that died."""
        try:
            names = list(self.root.iterdir())
        except OSError:
            return
        now = time.time()
        for path in names:
            if path.is_symlink() and path.name.startswith(".link-") and not _pid_alive(path.name):
                path.unlink(missing_ok=True)  # a switch that never happened
        names = [p for p in names if p.is_symlink() or p.exists()]
        referenced = {self._resolved(p) for p in names if p.is_symlink()}
        for path in names:
            if path.is_symlink():
                if not path.exists():
                    path.unlink(missing_ok=True)  # a link to a folder that is gone
                continue
            if not path.name.startswith((".build-", ".data-", ".link-")) or path.resolve() in referenced:
                continue
            try:
                age = now - path.lstat().st_mtime
            except OSError:
                continue
            if not _pid_alive(path.name) or age > STALE_SECONDS:
                shutil.rmtree(path, ignore_errors=True)

    def builds(self) -> list[tuple[str, dict, float, int]]:
        """(key, manifest, created, bytes) of every readable build, newest first."""
        found = []
        for path in self.root.iterdir():
            if path.name.startswith("."):
                continue
            try:
                manifest = CacheEntry(path).manifest
            except StoreError:
                continue
            created = manifest.get("created") or path.lstat().st_mtime
            found.append((path.name, manifest, created, _size(path.resolve())))
        found.sort(key=lambda b: b[2], reverse=True)
        return found

    def prune(self, keep: set[str]) -> None:
        """Per data folder keep the newest KEEP_PER_FOLDER builds, drop builds older than
        MAX_AGE_DAYS, then the oldest until the cache is under MAX_BYTES; never one in `keep`."""
        builds = self.builds()
        doomed: list[str] = []
        per_folder: dict[str, int] = {}
        now = time.time()
        for key, manifest, created, _ in builds:
            folder = str(manifest.get("data"))
            per_folder[folder] = per_folder.get(folder, 0) + 1
            if key in keep:
                continue
            if per_folder[folder] > KEEP_PER_FOLDER or now - created > MAX_AGE_DAYS * 86400:
                doomed.append(key)
        total = sum(b[3] for b in builds if b[0] not in doomed)
        for key, _, _, size in reversed(builds):
            if total <= MAX_BYTES:
                break
            if key not in keep and key not in doomed:
                doomed.append(key)
                total -= size
        for key in doomed:
            self.remove(key)

    def remove(self, key: str) -> None:
        path = self.root / key
        real = self._resolved(path)
        if path.is_symlink():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        if real is not None and real.exists():
            shutil.rmtree(real, ignore_errors=True)
