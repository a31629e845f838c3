"""A damaged build is noticed, said in one line, and rebuilt (issue 10: partial answers, tracebacks)."""

from __future__ import annotations

import pytest
from cli_helpers import output, run

from kennisgraaf.access import ensure_build


def _stats(mini_data, cache):
    return run("stats", "-q", "--format", "csv", "--data", mini_data, "--cache-dir", cache)


def _damage_store_file(entry):
    sst = max((entry.store_dir).glob("*.sst"), key=lambda p: p.stat().st_size)
    data = sst.read_bytes()
    sst.write_bytes(data[: len(data) // 2])


def _cut_at_line(path):
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[: len(lines) // 4]))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda e: _damage_store_file(e), id="store-file-cut"),
        pytest.param(lambda e: (e.store_dir / "CURRENT").write_bytes(b"rommel\n"), id="store-garbage"),
        pytest.param(lambda e: _cut_at_line(e.folder / "graph.nq"), id="nquads-cut-at-line"),
        pytest.param(lambda e: (e.folder / "graph.nq").write_bytes(b"\x00garbage"), id="nquads-garbage"),
        pytest.param(lambda e: (e.folder / "manifest.json").write_text('{"key": "ab'), id="manifest-cut"),
    ],
)
def test_damaged_build_is_rebuilt_with_one_line(mini_data, tmp_path, damage):
    cache = tmp_path / "c"
    good = _stats(mini_data, cache)
    assert good.returncode == 0, output(good)
    entry = ensure_build(mini_data, cache).entry
    damage(entry)
    for command in (["build", "-q"], ["stats", "-q", "--format", "csv"]):
        result = run(*command, "--data", mini_data, "--cache-dir", cache)
        text = output(result)
        assert result.returncode == 0, text
        assert "Traceback" not in text, text
        if command[0] == "build":
            assert "al gebouwd" not in text
            assert "is beschadigd" in text and "opnieuw gebouwd" in text, text
    assert _stats(mini_data, cache).stdout == good.stdout, "after the rebuild every answer is complete again"
