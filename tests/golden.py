"""Golden files for the named queries: the manifest of cases, how to refresh them, and the record
of their hand check.

Refresh (then review every changed file against the plan texts before committing):
    python tests/golden.py
A refreshed file no longer matches its line in tests/expected/queries/CHECKED.tsv (its sha256):
check it by hand against the plan lines again and rewrite that line; tests/test_golden_records.py
fails until you do, so a golden file never changes without someone reading it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
QUERIES = HERE / "expected" / "queries"
PLANS = HERE / "expected" / "plans"
MANIFEST = QUERIES / "manifest.json"
#: expected outputs on the plan-years fixture (tests/fixtures/jaren/), checked by hand
EXPECTED_JAREN = HERE / "expected" / "jaren"
REFRESH = "python tests/golden.py"
#: one line per golden query file: what was checked by hand against which plan lines
RECORDS = QUERIES / "CHECKED.tsv"
#: the plan texts that the records cite (kn:bronRegel counts lines of these files)
SOURCES = HERE.parent / "graph" / "bronnen"
RECORD_COLUMNS = ["file", "sha256", "date", "rows_checked", "plan_lines", "verdict"]
_SPAN = re.compile(r"^(\d+)(?:-(\d+))?$")


@dataclass(frozen=True)
class Record:
    """One line of CHECKED.tsv: the hand check of one golden file, pinned to its content."""

    file: str
    sha256: str
    date: str
    rows_checked: str
    plan_lines: str
    verdict: str

    def cited_lines(self) -> list[tuple[str, int, int]]:
        """(source file relative to graph/bronnen, first line, last line) for every cited span;
        plan_lines reads 'path:12-15,20 path2:7'."""
        spans = []
        for ref in self.plan_lines.split():
            path, _, numbers = ref.rpartition(":")
            for part in numbers.split(","):
                match = _SPAN.match(part)
                if not path or not match:
                    raise ValueError(f"{self.file}: planregel '{ref}' is geen pad:regel[-regel]")
                first = int(match.group(1))
                spans.append((path, first, int(match.group(2) or first)))
        return spans


def records(path: Path = RECORDS) -> list[Record]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != RECORD_COLUMNS:
            raise ValueError(f"{path.name}: kolommen {reader.fieldnames}, verwacht {RECORD_COLUMNS}")
        return [Record(**row) for row in reader]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_ROWS = re.compile(r"^(\d+)/(\d+)\b")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def record_problems(recorded: list[Record], golden_files: list[Path], sources: Path = SOURCES) -> list[str]:
    """Everything that makes the record untrustworthy: a golden file without a line, changed since
    its check (sha256), a line for no golden file, a row count that is not the file's, a cited
    plan line that does not exist, or a verdict that is neither 'klopt' nor 'afwijking: ...'."""
    problems = []
    by_name: dict[str, list[Record]] = {}
    for record in recorded:
        by_name.setdefault(record.file, []).append(record)
    names = {path.name for path in golden_files}
    for path in golden_files:
        lines = by_name.get(path.name, [])
        if len(lines) != 1:
            problems.append(f"{path.name}: {len(lines)} regels in {RECORDS.name}, verwacht 1")
            continue
        record = lines[0]
        if record.sha256 != sha256_of(path):
            problems.append(f"{path.name}: gewijzigd na de controle (sha256); controleer opnieuw en werk de regel bij")
        data_rows = len(list(csv.reader(path.open(encoding="utf-8", newline="")))) - 1
        rows = _ROWS.match(record.rows_checked)
        if not rows or int(rows.group(2)) != data_rows or not 0 < int(rows.group(1)) <= data_rows:
            problems.append(f"{path.name}: rows_checked '{record.rows_checked}' past niet bij {data_rows} rijen")
    for name in sorted(set(by_name) - names):
        problems.append(f"{name}: regel in {RECORDS.name} voor een bestand dat geen gouden bestand is")
    line_counts: dict[str, int] = {}
    for record in recorded:
        if not _DATE.match(record.date):
            problems.append(f"{record.file}: datum '{record.date}' is geen JJJJ-MM-DD")
        if not (record.verdict.startswith("klopt") or record.verdict.startswith("afwijking: ")):
            problems.append(f"{record.file}: oordeel begint niet met 'klopt' of 'afwijking: '")
        try:
            spans = record.cited_lines()
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if not spans:
            problems.append(f"{record.file}: noemt geen planregels")
        for source, first, last in spans:
            if source not in line_counts:
                text = sources / source
                line_counts[source] = len(text.read_text(encoding="utf-8").splitlines()) if text.is_file() else 0
            if not 1 <= first <= last <= line_counts[source]:
                problems.append(f"{record.file}: {source}:{first}-{last} bestaat niet ({line_counts[source]} regels)")
    return problems


def cases() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def plan_expectations(slug: str) -> dict:
    """The hand-checked counts of one plan (tests/expected/plans/<slug>.json)."""
    return json.loads((PLANS / f"{slug}.json").read_text(encoding="utf-8"))


def case_file(case: dict) -> Path:
    return QUERIES / case["file"]


def render_case(store, catalogue, case: dict, jaar=None) -> str:
    """The case's result as CSV (of plan year `jaar`, default the latest); lists joined with
    '; ' are sorted, since SPARQL's GROUP_CONCAT promises no order."""
    from kennisgraaf.tables import render, sort_joined

    return render(sort_joined(catalogue.run(store, case["query"], case.get("params", {}), jaar=jaar)), "csv")


def refresh() -> None:
    from kennisgraaf.access import open_store
    from kennisgraaf.queries import Catalogue
    from kennisgraaf.sources import DataFolder

    store = open_store()
    catalogue = Catalogue.load(DataFolder.resolve(None).queries_dir)
    for case in cases():
        target = case_file(case)
        text = render_case(store, catalogue, case)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old != text:
            target.write_text(text, encoding="utf-8")
            print(f"bijgewerkt: {target.relative_to(HERE.parent)}; controleer met de hand en werk")
            print(f"  de regel in {RECORDS.relative_to(HERE.parent)} bij (sha256 {sha256_of(target)})")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    refresh()
