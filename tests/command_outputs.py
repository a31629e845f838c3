"""Every command's output on the shipped data, recorded before a refactor and compared
after it byte for byte (tests/test_command_outputs.py).

A refactor changes no output; a change that *should* change output refreshes the record
(then review the diff before committing):
    python tests/command_outputs.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
RECORDS = HERE / "expected" / "commands"
PLAN_TEXT = HERE.parent.parent / "shared" / "sources"

#: (record name, arguments); "{out}" is a file the command writes, recorded instead of stdout
CASES: list[tuple[str, list[str]]] = [
    ("help", ["--help"]),
    ("stats", ["stats"]),
    ("stats-csv", ["stats", "--format", "csv"]),
    ("stats-tellingen-md", ["stats", "--tabel", "tellingen", "--format", "md"]),
    ("stats-json", ["stats", "--format", "json"]),
    ("query-list", ["query", "--list"]),
    ("query-regisseurs", ["query", "regisseurs"]),
    ("query-producten-van-thema", ["query", "producten-van-thema", "-p", "thema=zzs"]),
    ("query-producten-van-thema-csv", ["query", "producten-van-thema", "-p", "thema=Waterkwaliteit", "-f", "csv"]),
    ("query-oplevering-q2-json", ["query", "oplevering-per-kwartaal", "-p", "kwartaal=Q2", "-f", "json"]),
    ("query-regieoverdrachten-md", ["query", "regieoverdrachten", "-f", "md"]),
    ("query-budget-excel", ["query", "budget-per-thema", "-f", "csv", "--excel"]),
    ("query-thema-overzicht", ["query", "thema-overzicht", "--alles"]),
    ("query-waar-staat-dit", ["query", "waar-staat-dit", "-p", "item=PFAS"]),
    ("sparql", ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv"]),
    ("export-producten-csv", ["export", "producten"]),
    ("export-alles-json", ["export", "alles", "--format", "json"]),
    ("overlap", ["overlap"]),
    ("overlap-thema", ["overlap", "--thema", "Waterkwaliteit", "--langs", "onderwerpen"]),
    ("overlap-matrix-csv", ["overlap", "--matrix", "-f", "csv"]),
    ("gaps", ["gaps"]),
    ("gaps-csv", ["gaps", "-f", "csv"]),
    ("gaps-regisseur-md", ["gaps", "--regisseur", "Suzanne Giardina", "--ernst", "middel", "-f", "md"]),
    ("rapport-md", ["rapport", "--out", "{out}.md"]),
    ("rapport-html", ["rapport", "--out", "{out}.html"]),
    ("themakaart-zzs", ["themakaart", "--thema", "zzs", "--geen-pdf", "--out-dir", "{dir}"]),
    ("view-themas", ["view", "themas", "--out", "{out}.html"]),
    ("view-thema-zzs", ["view", "thema", "--thema", "zzs", "--out", "{out}.html"]),
    ("view-overdrachten", ["view", "overdrachten", "--out", "{out}.html"]),
    ("validate", ["validate"]),
    ("vergelijk-jaren", ["vergelijk", "2026", "2027", "--data", "{jaren}"]),
    ("vergelijk-jaren-csv", ["vergelijk", "2026", "2027", "--data", "{jaren}", "-f", "csv"]),
    ("stats-jaren-2027", ["stats", "--data", "{jaren}", "--jaar", "2027"]),
    ("scan-waterkwaliteit", ["scan", "{sources}/kennisplan-2026-waterkwaliteit.txt"]),
]

ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


_JAREN: list[Path] = []


def jaren_folder() -> Path:
    """The plan-years fixture, composed once per process (see tests/jaren_helpers.py)."""
    import tempfile

    if not _JAREN:
        sys.path.insert(0, str(HERE))
        from jaren_helpers import compose

        _JAREN.append(compose(Path(tempfile.mkdtemp(prefix="kg-jaren-")) / "data"))
    return _JAREN[0]


def run_case(args: list[str], workdir: Path) -> bytes:
    """The bytes a case produces: the file it writes (--out, --out-dir) or its stdout."""
    from typer.testing import CliRunner

    from kennisgraaf.cli.app import app

    out = workdir / "uit"
    outdir = workdir / "map"
    real = [a.replace("{out}", str(out)).replace("{dir}", str(outdir)) for a in args]
    real = [a.replace("{sources}", str(PLAN_TEXT)) for a in real]
    if any("{jaren}" in a for a in real):
        real = [a.replace("{jaren}", str(jaren_folder())) for a in real]
    if not any(a in {"--help", "-h"} for a in real) and args[0] not in {"validate", "scan"}:
        real += ["-q"] if args[0] not in {"query", "sparql"} or "--list" not in real else []
    result = CliRunner().invoke(app, real, env=ENV, catch_exceptions=False)
    if result.exit_code != 0:
        raise AssertionError(f"{args}: exit {result.exit_code}\n{result.output}")
    written = [p for p in workdir.rglob("*") if p.is_file()]
    if written:
        parts = []
        for path in sorted(written):
            parts.append(f"=== {path.relative_to(workdir).as_posix()}\n".encode())
            parts.append(path.read_bytes())
            path.unlink()
        return _portable(b"".join(parts))
    return _portable(result.stdout_bytes)


def _portable(data: bytes) -> bytes:
    """The output with the shipped data folder's location replaced by {data}: reports link
    plan texts by file:// URL, and a checkout, a worktree and an installed wheel differ there."""
    from kennisgraaf.sources import shipped_root

    root = shipped_root()
    return data.replace(root.as_uri().encode(), b"file://{data}").replace(str(root).encode(), b"{data}")


def refresh() -> None:
    import tempfile

    RECORDS.mkdir(parents=True, exist_ok=True)
    for name, args in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            data = run_case(args, Path(tmp))
        target = RECORDS / f"{name}.out"
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            print(f"bijgewerkt: {target.relative_to(HERE.parent)}")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    os.environ.update(ENV)
    refresh()
