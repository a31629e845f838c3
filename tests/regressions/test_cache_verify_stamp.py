"""A warm command does not hash every byte of the build again (issue 12: 0.5 s per command
at 1 M triples), yet a changed file is still noticed."""

from __future__ import annotations

import os

import pytest

from kennisgraaf import cache as cache_module
from kennisgraaf.access import ensure_build
from kennisgraaf.cache import CacheDamaged


@pytest.fixture
def entry(mini_data, tmp_path):
    return ensure_build(mini_data, tmp_path / "c").entry


def test_unchanged_build_is_verified_without_hashing(entry, monkeypatch):
    hashed = []
    monkeypatch.setattr(cache_module, "sha256_of", lambda path: hashed.append(path) or "")
    entry.verify()
    assert hashed == []


def test_same_size_change_is_still_caught(entry):
    path = entry.folder / "graph.nq"
    data = bytearray(path.read_bytes())
    data[-2:-1] = b"X" if data[-2:-1] != b"X" else b"Y"
    stat = path.stat()
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == stat.st_size
    with pytest.raises(CacheDamaged, match="graph.nq"):
        entry.verify()
