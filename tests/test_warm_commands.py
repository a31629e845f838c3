"""Warm commands read their answer kept beside the build (analysis/precomputed.py
`kept_for_year`, views `kept_page`): the answer read back is byte for byte the one computed,
and reading it needs neither networkx nor the analysis network."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from command_outputs import CASES, ENV, RECORDS, run_case

WARM = [(name, args) for name, args in CASES if name.split("-")[0] in {"overlap", "gaps", "rapport", "view"}]
#: asks, after one command, whether networkx was imported to answer it
PROBE = (
    "import sys; sys.argv = ['kennisgraaf', *sys.argv[1:]]\n"
    "from kennisgraaf.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print('networkx' in sys.modules, file=sys.stderr)"
)


@pytest.fixture(scope="module")
def own_cache(tmp_path_factory):
    """A cache of this module's own, so the first run of each case is the one that computes."""
    return tmp_path_factory.mktemp("warm-cache")


@pytest.mark.parametrize(("name", "args"), WARM, ids=[name for name, _ in WARM])
def test_the_kept_answer_is_the_computed_one(name, args, tmp_path, monkeypatch, own_cache):
    monkeypatch.setenv("KENNISGRAAF_CACHE_DIR", str(own_cache))
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    expected = (RECORDS / f"{name}.out").read_bytes()
    assert run_case(args, tmp_path) == expected, f"{name}: computed output changed"
    assert run_case(args, tmp_path) == expected, f"{name}: the kept answer differs from the computed one"


@pytest.mark.parametrize(
    "args",
    [["overlap"], ["gaps"], ["rapport", "--out", "{out}.md"], ["view", "themas", "--out", "{out}.html"]],
    ids=lambda args: args[0],
)
def test_a_warm_command_needs_no_networkx(args, tmp_path, own_cache):
    env = {**os.environ, **ENV, "KENNISGRAAF_CACHE_DIR": str(own_cache)}
    env.pop("KENNISGRAAF_DATA", None)
    real = [a.replace("{out}", str(tmp_path / "uit")) for a in args]
    imported = []
    for _ in range(2):  # the first run may compute (and import networkx); the second reads
        done = subprocess.run([sys.executable, "-c", PROBE, *real], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        imported.append(done.stderr.strip().splitlines()[-1])
    assert imported[-1] == "False", f"{args[0]}: networkx imported on a warm run"
