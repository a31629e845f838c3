"""A cache folder that cannot be written ends in one Dutch line and keeps the last good build.

Issue 10: a read-only or full cache folder, or a cache path that is a file, gave tracebacks.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal

import pytest
from cli_helpers import assert_one_clean_error, output, run


def _as_unprivileged():
    """Root ignores permission bits; without capabilities (setpriv) it obeys them like anyone."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("root without setpriv cannot be kept out of a read-only folder")
    return ["setpriv", "--bounding-set=-all", "--"]


def test_cache_path_that_is_a_file(mini_data, tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("geen map")
    for command in ("build", "stats"):
        result = run(command, "-q", "--data", mini_data, "--cache-dir", cache)
        assert_one_clean_error(result, 2, f"cachemap {cache} is een bestand")
    assert cache.read_text() == "geen map"


def test_read_only_cache_folder(mini_data, tmp_path):
    import subprocess

    from cli_helpers import SCRIPT

    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        result = subprocess.run(
            [*_as_unprivileged(), str(SCRIPT), "stats", "-q", "--data", str(mini_data), "--cache-dir", str(cache)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        cache.chmod(0o755)
    assert_one_clean_error(result, 2, f"cachemap {cache} is niet beschrijfbaar")
    assert list(cache.iterdir()) == []


def _small_files():
    """A child whose files may not grow past 64 kB: writes fail as on a full disk (EFBIG, not ENOSPC)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_full_cache_folder_keeps_the_last_good_build(mini_data, tmp_path):
    cache = tmp_path / "cache"
    first = run("build", "-q", "--data", mini_data, "--cache-dir", cache)
    assert first.returncode == 0, output(first)
    before = sorted(p.name for p in cache.iterdir())
    result = run("build", "-q", "--force", "--data", mini_data, "--cache-dir", cache, preexec_fn=_small_files)
    assert_one_clean_error(result, 2, f"cachemap {cache} is niet beschrijfbaar", "de vorige build blijft staan")
    assert sorted(p.name for p in cache.iterdir()) == before, "no staging folder left behind"
    again = run("stats", "-q", "--format", "csv", "--data", mini_data, "--cache-dir", cache)
    assert again.returncode == 0 and "beschadigd" not in again.stderr, output(again)
