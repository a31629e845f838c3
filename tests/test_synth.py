"""benchmarks/synth.py writes a real data folder: it validates with 0 errors and builds."""

from __future__ import annotations

import sys
from pathlib import Path

from kennisgraaf.load import load
from kennisgraaf.sources import DataFolder
from kennisgraaf.validate import validate

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from synth import write_folder  # noqa: E402


def test_synthetic_folder_validates_with_no_errors(tmp_path):
    triples = write_folder(tmp_path / "synth", scale=2)
    folder = DataFolder.resolve(tmp_path / "synth")
    assert len(folder.sources()) > 10 and triples > 4000
    errors = [f"{v.source}: {v.label} {v.path}: {v.message}" for v in validate(load(folder), folder) if v.is_error]
    assert errors == []
    texts = list((tmp_path / "synth" / "graph" / "bronnen" / "synth").glob("*.txt"))
    assert len(texts) == 12  # one per plan: three themes in four have one, at 8 themes per unit of scale
