"""Every golden query file carries the record of its hand check (tests/expected/queries/CHECKED.tsv):
the file cannot change without a fresh check, and a record cannot cite plan lines that are not there."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from golden import QUERIES, RECORDS, SOURCES, case_file, cases, record_problems, records


def golden_files(folder: Path = QUERIES) -> list[Path]:
    return sorted(folder.glob("*.csv"))


def test_every_manifest_case_is_a_golden_file_on_disk():
    assert sorted(case_file(case).name for case in cases()) == [path.name for path in golden_files()]


def test_every_golden_file_matches_its_hand_check_record():
    problems = record_problems(records(), golden_files())
    assert not problems, "\n".join(problems) + f"\nsee {RECORDS}"


@pytest.fixture
def copy(tmp_path):
    """A scratch copy of the golden files and their record, to show the check bites."""
    folder = tmp_path / "queries"
    shutil.copytree(QUERIES, folder)
    return folder


def test_a_changed_golden_file_without_a_new_record_is_caught(copy):
    target = copy / "regisseurs.csv"
    target.write_text(target.read_text(encoding="utf-8").replace("Luuk van Wel", "Luuk van Wal"), encoding="utf-8")
    problems = record_problems(records(copy / RECORDS.name), golden_files(copy))
    assert problems == ["regisseurs.csv: gewijzigd na de controle (sha256); controleer opnieuw en werk de regel bij"]


def test_a_golden_file_without_a_record_line_is_caught(copy):
    kept = [r for r in records(copy / RECORDS.name) if r.file != "bindende-producten.csv"]
    assert record_problems(kept, golden_files(copy)) == ["bindende-producten.csv: 0 regels in CHECKED.tsv, verwacht 1"]


def test_a_new_golden_file_without_a_record_line_is_caught(copy):
    (copy / "nieuw.csv").write_text("a\n1\n", encoding="utf-8")
    problems = record_problems(records(copy / RECORDS.name), golden_files(copy))
    assert problems == ["nieuw.csv: 0 regels in CHECKED.tsv, verwacht 1"]


def test_a_record_citing_a_plan_line_that_does_not_exist_is_caught():
    recorded = records()
    source = "2026/kennisplan-2026-waterkwaliteit.txt"
    length = len((SOURCES / source).read_text(encoding="utf-8").splitlines())
    first = recorded[0]
    recorded[0] = replace(first, plan_lines=f"{first.plan_lines} {source}:{length},{length + 1}")
    assert record_problems(recorded, golden_files()) == [
        f"{first.file}: {source}:{length + 1}-{length + 1} bestaat niet ({length} regels)"
    ]
    recorded[0] = replace(first, plan_lines="2026/geen-plan.txt:1")
    assert record_problems(recorded, golden_files()) == [
        f"{first.file}: 2026/geen-plan.txt:1-1 bestaat niet (0 regels)"
    ]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("rows_checked", "3/300 (made up)", "rows_checked '3/300 (made up)' past niet bij 7 rijen"),
        ("rows_checked", "8/7", "rows_checked '8/7' past niet bij 7 rijen"),
        ("verdict", "lijkt goed", "oordeel begint niet met 'klopt' of 'afwijking: '"),
        ("date", "2 december", "datum '2 december' is geen JJJJ-MM-DD"),
        ("plan_lines", "regel 12", "planregel 'regel' is geen pad:regel[-regel]"),
    ],
)
def test_a_record_line_that_says_too_little_or_too_much_is_caught(field, value, problem):
    recorded = records()
    index = next(i for i, r in enumerate(recorded) if r.file == "regisseurs.csv")  # 7 rows
    recorded[index] = replace(recorded[index], **{field: value})
    assert record_problems(recorded, golden_files()) == [f"regisseurs.csv: {problem}"]
