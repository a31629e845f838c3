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


# --- the Dutch frame: click's and typer's own strings through gettext (kennisgraaf/cli/i18n.py) ---

ENGLISH_FRAME = (
    "Usage:",
    "Options",
    "Arguments",
    "Commands",
    "[default:",
    "[required]",
    "Show this message",
    "Missing option",
    "Missing argument",
    "No such command",
    "No such option",
    "Try '",
    "for help",
    "<bool>",
    "[OPTIONS]",
    "[ARGS]",
    " TEXT ",
    " PATH ",
)


def test_bare_command_prints_help_and_exits_zero():
    result = runner.invoke(app, [], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "Gebruik: kennisgraaf" in result.output and "Opdrachten" in result.output


@pytest.mark.parametrize("name", [None, *command_names()])
def test_help_frame_is_dutch(name):
    args = [name, "-h"] if name else ["-h"]
    result = runner.invoke(app, args, env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "Gebruik: kennisgraaf" in result.output and "Opties" in result.output
    assert "Toon deze hulp en stop." in result.output
    found = [word for word in ENGLISH_FRAME if word in result.output]
    assert not found, f"English frame in `kennisgraaf {name or ''} -h`: {found}\n{result.output}"


def test_defaults_are_shown_in_dutch():
    result = runner.invoke(app, ["stats", "--help"], env={"COLUMNS": "120"})
    assert "[standaard: table]" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["publish"], "Ontbrekende optie '--store'"),
        (["export"], "Ontbrekend argument 'TABEL'"),
        (["bestaatniet"], "Onbekende opdracht 'bestaatniet'"),
        (["query", "--bogus"], "Onbekende optie '--bogus'"),
        (["serve", "--port", "abc"], "Ongeldige waarde voor '--port'"),
    ],
)
def test_click_errors_are_dutch(args, message):
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert message in result.output, result.output
    assert "Hulp: 'kennisgraaf" in result.output


def test_version():
    from kennisgraaf import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"kennisgraaf {__version__}\n"


def test_completion_install_writes_the_script_for_the_users_shell(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = runner.invoke(app, ["--install-completion"], env={"HOME": str(home), "SHELL": "/bin/bash"})
    assert result.exit_code == 0, result.output
    assert "aanvullen voor bash geïnstalleerd" in result.output
    script = home / ".bash_completions" / "kennisgraaf.sh"
    assert "_KENNISGRAAF_COMPLETE" in script.read_text(encoding="utf-8")
    assert str(script) in (home / ".bashrc").read_text(encoding="utf-8")
    shown = runner.invoke(app, ["--show-completion"], env={"SHELL": "/bin/zsh"})
    assert shown.exit_code == 0 and "#compdef kennisgraaf" in shown.output


def test_shipped_translation_is_compiled_from_the_po_file():
    from kennisgraaf.cli.i18n import MO_FILE, compiled

    assert MO_FILE.read_bytes() == compiled(), "kennisgraaf.mo is stale: run python -m kennisgraaf.cli.i18n"


# --- every `Voorbeeld:` line fits 80 columns and works when pasted into a shell ---


def examples() -> list[tuple[str, str]]:
    found = []
    for name in [None, *command_names()]:
        result = runner.invoke(app, [name, "--help"] if name else ["--help"], env={"COLUMNS": "80"})
        lines = result.output.splitlines()
        for index, line in enumerate(lines):
            if "Voorbeeld: " in line:
                text = line.split("Voorbeeld: ", 1)[1].rstrip(" │")
                following = lines[index + 1].strip(" │") if index + 1 < len(lines) else ""
                found.append((name or "kennisgraaf", text + ("\n" + following if following else "")))
    return found


@pytest.mark.parametrize(("name", "example"), examples())
def test_example_fits_80_columns_on_one_line(name, example):
    assert "\n" not in example, f"the example of {name} wraps at 80 columns:\n{example}"


class _GraphStoreStub:
    """A Graph Store Protocol endpoint on localhost that accepts every PUT: for `publish`."""

    def __enter__(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def _reply(self, status):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_PUT(self):  # noqa: N802 - the base class's name
                self._reply(201)

            def do_GET(self):  # noqa: N802
                self._reply(404)

            def do_DELETE(self):  # noqa: N802
                self._reply(404)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.server.server_address[1]

    def __exit__(self, *exc):
        self.server.shutdown()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _prepare(name: str, folder: Path, env: dict) -> None:
    """What an example expects to find, as a user would have it: the file it reads (a plan
    text; the workbook `werkboek` writes) or a data folder of their own (`--data ./mijn-data`:
    the shipped data, with the 2027 ZZS fixture plan for `vergelijk`)."""
    from kennisgraaf.sources import shipped_root

    if name == "scan":
        source = shipped_root() / "graph" / "bronnen" / "2026" / "kennisplan-2026-waterkwaliteit.txt"
        shutil.copy(source, folder / source.name)
    elif name == "inlezen":
        subprocess.run(
            ["bash", "-c", "kennisgraaf werkboek --thema zzs --jaar 2026 --out zzs.xlsx"],
            cwd=folder,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
    elif name == "nieuw-jaar":
        for part in ("ontology", "graph"):
            shutil.copytree(shipped_root() / part, folder / "mijn-data" / part)
    elif name == "vergelijk":
        from jaren_helpers import compose

        compose(folder / "mijn-data", bodem=False)


@pytest.mark.parametrize(("name", "example"), [e for e in examples() if "\n" not in e[1]])
def test_example_works_when_pasted(name, example, build_2026, cache_dir, tmp_path):
    """Each example runs in bash, in an empty folder, against the real 2026 data (the test
    session's build). Two need a server: `serve` is given a free port instead of 8000 (the
    shared machine may use it) and stopped once it listens; `publish` talks to a local stub."""
    import signal
    import time

    bindir = Path(sys.executable).parent
    env = {
        **os.environ,
        "KENNISGRAAF_CACHE_DIR": str(cache_dir),
        "PATH": f"{bindir}:{os.environ['PATH']}",
        "BROWSER": "true",
        "HOME": str(tmp_path),
    }
    _prepare(name, tmp_path, env)
    if name == "serve":
        command = example.replace("--port 8000", f"--port {_free_port()}")
        process = subprocess.Popen(
            ["bash", "-c", "exec " + command],
            cwd=tmp_path,
            env=env,
            text=True,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
        )
        deadline, seen = time.time() + 120, ""
        while time.time() < deadline and "draait op" not in seen and process.poll() is None:
            seen += process.stderr.readline()
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        assert "draait op" in seen, seen
        return
    if name == "publish":
        with _GraphStoreStub() as port:
            command = example.replace("localhost:8890", f"127.0.0.1:{port}")
            result = subprocess.run(
                ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
            )
    else:
        result = subprocess.run(
            ["bash", "-c", example], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
    assert result.returncode == 0, f"{example}\n{result.stderr}"


# --- big outputs: a screenful with one note, the whole with --alles ------------------------

#: commands with --format that show no row table: a document, a search with its own --limit,
#: a short publish report
NOT_TABLES = {"rapport", "zoek", "publish"}


def test_every_table_command_takes_alles():
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        params = {p.name for p in command.params}
        if "fmt" in params and name not in NOT_TABLES:
            assert "alles" in params, f"{name} heeft geen --alles"


def _plan_text() -> str:
    return str(Path(__file__).resolve().parents[2] / "shared" / "sources" / "kennisplan-2026-waterkwaliteit.txt")


@pytest.mark.parametrize(
    ("args", "field"),
    [(["validate"], "ernst"), (["scan", "{text}"], "uitkomst")],
    ids=["validate", "scan"],
)
def test_long_tables_are_cut_with_a_count_and_alles_shows_every_row(args, field, build_2026, cache_dir):
    from kennisgraaf.screen import HINT

    if "{text}" in args and not Path(_plan_text()).exists():
        pytest.skip("plantekst niet beschikbaar")
    args = [_plan_text() if a == "{text}" else a for a in args]
    env = {"COLUMNS": "100", "KENNISGRAAF_CACHE_DIR": str(cache_dir)}
    short, whole = runner.invoke(app, args, env=env), runner.invoke(app, [*args, "--alles"], env=env)
    assert short.exit_code == whole.exit_code == 0, short.output
    records = len(re.findall(rf"^{field}:", whole.stdout, flags=re.M))
    shown = len(re.findall(rf"^{field}:", short.stdout, flags=re.M))
    assert records > shown > 0
    assert short.stdout.rstrip().endswith(f"… {shown} van {records} rijen getoond.\n{HINT}")
    assert "rijen getoond" not in whole.stdout


def test_export_csv_on_a_terminal_is_a_screenful_and_whole_on_a_pipe(build_2026, cache_dir, monkeypatch):
    import csv
    import io

    from kennisgraaf.cli import output
    from kennisgraaf.screen import HINT, ROW_LIMIT

    env = {"KENNISGRAAF_CACHE_DIR": str(cache_dir)}
    piped = runner.invoke(app, ["export", "producten", "-q"], env=env)
    everything = list(csv.reader(io.StringIO(piped.stdout)))
    assert len(everything) - 1 > ROW_LIMIT and "rijen getoond" not in piped.output
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    screen = runner.invoke(app, ["export", "producten", "-q"], env=env)
    assert list(csv.reader(io.StringIO(screen.stdout))) == everything[: ROW_LIMIT + 1]
    assert f"… {ROW_LIMIT} van {len(everything) - 1} rijen getoond.\n{HINT}" in screen.stderr
    alles = runner.invoke(app, ["export", "producten", "-q", "--alles"], env=env)
    assert alles.stdout == piped.stdout and "rijen getoond" not in alles.stderr


def test_zoek_is_the_api_search_and_a_term_without_letters_fails_before_any_build(build_2026, cache_dir, tmp_path):
    from kennisgraaf import api
    from kennisgraaf.errors import KennisgraafError

    env = {"COLUMNS": "100", "KENNISGRAAF_CACHE_DIR": str(cache_dir)}
    result = runner.invoke(app, ["zoek", "staalslakken", "-q", "-f", "csv"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout == api.open(cache_dir=cache_dir).zoek("staalslakken").render("csv")
    assert "Staalslakken" in result.stdout
    empty = tmp_path / "leeg"  # a cache with no build: the refusal must not build one
    refused = runner.invoke(app, ["zoek", "!?", "--cache-dir", str(empty)], env=env)
    assert refused.exit_code != 0 and "bevat geen letters of cijfers" in refused.stderr
    assert not empty.exists() or not any(empty.iterdir())
    with pytest.raises(KennisgraafError):
        api.open(cache_dir=empty).zoek("...")
