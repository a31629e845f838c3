"""A refactor changes no output: every recorded command gives the same bytes as before.

The records (tests/expected/commands/) were made on the shipped data just before the
public-API refactor (issue 11); refresh them only for a change meant to change output.
"""

from __future__ import annotations

import pytest
from command_outputs import CASES, ENV, RECORDS, run_case


@pytest.mark.parametrize(("name", "args"), CASES, ids=[name for name, _ in CASES])
def test_output_is_byte_identical_to_the_record(name, args, tmp_path, monkeypatch, build_2026, cache_dir):
    monkeypatch.setenv("KENNISGRAAF_CACHE_DIR", str(cache_dir))
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    expected = (RECORDS / f"{name}.out").read_bytes()
    assert run_case(args, tmp_path) == expected, f"{name}: output changed (python tests/command_outputs.py to review)"


def test_every_record_has_a_case():
    names = {name for name, _ in CASES}
    assert {p.stem for p in RECORDS.glob("*.out")} == names
