"""Pruning is per data folder and never removes the build the default data folder uses.

Issue 10: with KEEP_BUILDS=5, five builds of other folders pruned the base build.
"""

from __future__ import annotations

import json

from kennisgraaf.access import ensure_build
from kennisgraaf.cache import KEEP_PER_FOLDER

PLAN = "graph/plans/2026/proef.ttl"


def test_other_folders_never_prune_the_default_build(mini_data, tmp_path):
    cache = tmp_path / "c"
    default = ensure_build(None, cache)
    manifest = default.entry.folder / "manifest.json"
    old = json.loads(manifest.read_text())
    old["created"] -= 400 * 86400  # long unused: the age rule would take it if it were not protected
    manifest.write_text(json.dumps(old))
    builds = []
    plan = mini_data / PLAN
    for n in range(KEEP_PER_FOLDER + 3):
        plan.write_text(plan.read_text() + f"\n# versie {n}\n")
        builds.append(ensure_build(mini_data, cache).entry.folder.name)
    names = {p.name for p in cache.iterdir() if not p.name.startswith(".")}
    assert default.entry.folder.name in names
    assert ensure_build(None, cache).from_cache
    assert names == {default.entry.folder.name, *builds[-KEEP_PER_FOLDER:]}
