"""Issue 12: a warm command at 1 M triples read all 125 MB of sources to make the cache key
(0.3-1 s). The cache keeps each file's hash with its size, time and inode, and reads a file
again only when one of them changed, or when it was written too close to its hashing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from kennisgraaf.access import ensure_build

PLAN = "graph/plans/2026/proef.ttl"


def _age(folder: Path, seconds: float) -> None:
    past = time.time() - seconds
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


def test_unchanged_sources_are_not_read_again(mini_data, tmp_path, monkeypatch):
    _age(mini_data, 60)
    first = ensure_build(mini_data, tmp_path / "c")
    read: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or real(self))
    again = ensure_build(mini_data, tmp_path / "c")
    assert again.from_cache and again.entry.folder == first.entry.folder
    assert [p for p in read if p.is_relative_to(mini_data)] == []


def test_a_change_hidden_under_the_old_size_and_time_is_seen_while_it_is_racy(mini_data, tmp_path):
    plan = mini_data / PLAN
    os.utime(plan)  # written now (the fixture copied the shipped file's old time)
    first = ensure_build(mini_data, tmp_path / "c")  # hashed in the same instant
    stat = plan.stat()
    text = plan.read_text()
    plan.write_text(text.replace('"15000"^^xsd:decimal', '"15001"^^xsd:decimal'))
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time, same inode
    second = ensure_build(mini_data, tmp_path / "c")
    assert not second.from_cache and second.entry.folder != first.entry.folder


def test_an_unreadable_hash_file_means_reading_again(mini_data, tmp_path):
    first = ensure_build(mini_data, tmp_path / "c")
    (tmp_path / "c" / ".bronhashes.json").write_text("{niet json")
    assert ensure_build(mini_data, tmp_path / "c").entry.folder == first.entry.folder
