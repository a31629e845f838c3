"""`build --force` swaps without a window in which a kill loses the last good build.

Issue 10: the old build was removed before the new one was renamed into place; a kill in
between lost it and left a `.build-*` folder that was never cleaned. Here a child process
kills itself (SIGKILL, so no cleanup runs) at each rename of the swap in turn.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from cli_helpers import output, run

from kennisgraaf.access import ensure_build
from kennisgraaf.cache import Cache

KILLER = """
import os, pathlib, signal, sys
from kennisgraaf.access import ensure_build
calls = {"n": 0}
def dying(real):
    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapper
pathlib.Path.rename = dying(pathlib.Path.rename)
os.replace = dying(os.replace)
ensure_build(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), force=True)
"""


@pytest.mark.parametrize("kill_at", [1, 2])
def test_kill_during_the_swap_keeps_the_last_good_build(mini_data, tmp_path, kill_at):
    cache = tmp_path / "c"
    good = ensure_build(mini_data, cache)
    expected = good.entry.verify()["files"]
    child = subprocess.run(
        [sys.executable, "-c", KILLER, str(mini_data), str(cache), str(kill_at)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == -9, child.stderr
    assert good.entry.verify()["files"] == expected, "the last good build is still whole"
    result = run("build", "--data", mini_data, "--cache-dir", cache)
    assert result.returncode == 0 and "al gebouwd" in result.stderr, output(result)
    Cache(cache).clean_stale()
    leftovers = [p.name for p in cache.iterdir() if p.name.startswith((".build-", ".link-"))]
    assert leftovers == []
    hidden = [p for p in cache.iterdir() if p.name.startswith(".data-")]
    assert [p.resolve() for p in hidden] == [good.entry.folder.resolve()], "only the live build's folder remains"
