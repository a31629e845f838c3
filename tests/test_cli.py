"""The command line as a user meets it: help with examples, README coverage, the real
console script from an unrelated folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app

runner = CliRunner()
README = Path(__file__).resolve().parents[1] / "README.md"


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_ending_with_an_example(name):
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert re.search(r"Voorbeeld: kennisgraaf " + re.escape(name), result.output), result.output


def test_every_command_is_in_the_readme():
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    missing = [name for name in command_names() if f"kennisgraaf {name}" not in text]
    assert not missing, f"commands missing from README.md: {missing}"


def test_console_script_runs_outside_a_checkout(tmp_path):
    """The installed script finds its shipped data and caches under the user's cache folder,
    writing nothing into the working directory."""
    script = shutil.which("kennisgraaf") or str(Path(sys.executable).parent / "kennisgraaf")
    work = tmp_path / "elders"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "KENNISGRAAF_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg-cache")
    env["HOME"] = str(tmp_path / "home")
    result = subprocess.run(
        [script, "stats", "--format", "csv", "-q"], cwd=work, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("thema,kennisplan,producten")
    assert "Waterkwaliteit,Kennisplan Waterkwaliteit 2026" in result.stdout
    assert list(work.iterdir()) == []
    assert any((tmp_path / "xdg-cache" / "kennisgraaf").iterdir())


def test_readme_example_output_is_true(build_2026, cache_dir):
    text = README.read_text(encoding="utf-8")
    block = text.split("$ kennisgraaf query regisseurs --format csv\n", 1)[1].split("```", 1)[0]
    result = runner.invoke(app, ["query", "regisseurs", "--format", "csv", "-q", "--cache-dir", str(cache_dir)])
    assert result.exit_code == 0
    assert result.stdout == block
