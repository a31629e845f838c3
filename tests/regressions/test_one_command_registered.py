"""Issue 12: `main()` registers only the command named first on the line (typer turns every
command's signature into click options before it runs one: 70 ms of a warm 0.3 s)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kennisgraaf import cli
from kennisgraaf.cli import app

EVERY = [c.callback.__name__ for c in app.registered_commands]


@pytest.fixture
def commands(monkeypatch):
    monkeypatch.setattr(app, "registered_commands", list(app.registered_commands))
    monkeypatch.delenv("_KENNISGRAAF_COMPLETE", raising=False)
    return lambda: [c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize(("first", "left"), [(["overlap"], ["overlap"]), (["nieuw-jaar"], ["nieuw_jaar"])])
def test_the_named_command_is_the_only_one(commands, first, left):
    cli._only(first)
    assert commands() == left


@pytest.mark.parametrize("first", [[], ["--version"], ["-h"], ["bestaatniet"], ["nieuw_jaar"]])
def test_without_a_known_command_first_every_command_stays(commands, first):
    cli._only(first)
    assert commands() == EVERY and len(EVERY) > 10


def test_shell_completion_keeps_every_command(commands, monkeypatch):
    monkeypatch.setenv("_KENNISGRAAF_COMPLETE", "complete_bash")
    cli._only(["overlap"])
    assert commands() == EVERY


def test_the_real_command_line_still_lists_and_refuses():
    run = [sys.executable, "-c", "from kennisgraaf.cli import main; main()"]
    listing = subprocess.run([*run, "--help"], capture_output=True, text=True)
    assert listing.returncode == 0 and "nieuw-jaar" in listing.stdout and "overlap" in listing.stdout
    unknown = subprocess.run([*run, "overlapp"], capture_output=True, text=True)
    assert unknown.returncode == 2 and "overlapp" in unknown.stderr
    one = subprocess.run([*run, "nieuw-jaar", "--help"], capture_output=True, text=True)
    assert one.returncode == 0 and "nieuw-jaar" in one.stdout
