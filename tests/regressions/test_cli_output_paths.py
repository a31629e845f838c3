"""Regression: output paths and input files ended in Python tracebacks.

`--out` pointing at a folder (or into a path whose "folder" is a file), an existing file
as `--out-dir`, and a `--file` that is not UTF-8 each gave a traceback. Each is now one
Dutch line naming the option and the path, with exit code 2, through the real CLI.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app

runner = CliRunner()

COMMANDS = [
    ["rapport"],
    ["export", "producten"],
    ["query", "producten-van-thema", "-p", "thema=Waterkwaliteit"],
    ["gaps"],
    ["overlap"],
    ["validate"],
    ["view", "themas"],
    ["stats"],
]


def invoke(cache_dir, *args):
    """The CLI on the session's build (validate has no --cache-dir: the environment names it)."""
    return runner.invoke(app, [str(a) for a in args], env={"KENNISGRAAF_CACHE_DIR": str(cache_dir)})


def assert_one_dutch_line(result, *fragments):
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    text = " ".join(result.output.split())
    assert "fout:" in text
    for fragment in fragments:
        assert fragment in text, text


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_out_pointing_at_a_folder(command, build_2026, cache_dir, tmp_path):
    folder = tmp_path / "een-map"
    folder.mkdir()
    result = invoke(cache_dir, *command, "--out", folder)
    assert_one_dutch_line(result, "--out", str(folder), "is een map")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_out_below_a_file(command, build_2026, cache_dir, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    result = invoke(cache_dir, *command, "--out", blocker / "uit.txt")
    assert_one_dutch_line(result, "--out", "is een bestand, geen map")


def test_out_dir_that_is_a_file(build_2026, cache_dir, tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    result = invoke(cache_dir, "view", "--all", "--out-dir", blocker)
    assert_one_dutch_line(result, "--out-dir", str(blocker), "is een bestand")


def test_unwritable_out_path(build_2026, cache_dir):
    result = invoke(cache_dir, "gaps", "--out", "/proc/kennisgraaf-bestaat-niet/gaten.md")
    assert_one_dutch_line(result, "--out", "/proc/kennisgraaf-bestaat-niet/gaten.md")


def test_query_file_that_is_not_utf8(build_2026, cache_dir, tmp_path):
    rq = tmp_path / "latin1.rq"
    rq.write_bytes('# vraag\nSELECT * WHERE { ?s ?p "caf\xe9" }\n'.encode("latin-1"))
    result = invoke(cache_dir, "query", "--file", rq, "-q")
    assert_one_dutch_line(result, f"--file {rq}:2", "UTF-8")


def test_sparql_from_stdin_that_is_not_utf8(build_2026, cache_dir):
    result = runner.invoke(app, ["sparql", "-", "--cache-dir", str(cache_dir), "-q"], input=b'ASK { ?s ?p "\xff" }')
    assert_one_dutch_line(result, "standaardinvoer", "UTF-8")
