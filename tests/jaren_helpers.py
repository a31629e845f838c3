"""The plan-years fixture: the shipped data plus the fictional files of tests/fixtures/jaren/.

tests/fixtures/jaren/graph/ holds only the fictional files (a ZZS plan for 2027, a minimal
Bodem en ondergrond plan for 2026, and their texts); `compose` lays them over a copy of the
shipped ontology/ and graph/, so the real data is never duplicated in the fixture.
The pytest fixtures that build them live in conftest.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kennisgraaf.sources import shipped_root

JAREN = Path(__file__).parent / "fixtures" / "jaren"
BODEM = ("plans/2026/bodem-en-ondergrond.ttl", "bronnen/2026/kennisplan-2026-bodem-en-ondergrond.txt")


def compose(target: Path, bodem: bool = True) -> Path:
    """A data folder at `target`: shipped data + the 2027 plan (+ the Bodem plan when `bodem`)."""
    root = shipped_root()
    shutil.copytree(root / "ontology", target / "ontology")
    shutil.copytree(root / "graph", target / "graph")
    for path in sorted((JAREN / "graph").rglob("*")):
        relative = path.relative_to(JAREN / "graph").as_posix()
        if path.is_dir() or (not bodem and relative in BODEM):
            continue
        (target / "graph" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target / "graph" / relative)
    return target
