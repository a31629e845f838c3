"""Terminal tables that read at any width: no word, name or path ever split across lines."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kennisgraaf.cli import app
from kennisgraaf.screen import HINT, ROW_LIMIT, render
from kennisgraaf.tables import Table

runner = CliRunner()
BOX = "│┃┆┊╎║─━┏┓┗┛┡┩└┘├┤┬┴┼╇╈╋┳┻╭╮╯╰═"


def tokens(text: str) -> set[str]:
    """The words of an output, without box drawing and the ':' of a 'label: value' line; the
    '…' note (how many rows were shown) and the header rules are left out: they differ with
    the width."""
    words = set()
    for line in text.splitlines():
        if line.startswith("…") or line.strip() == HINT:
            continue
        for word in re.split(r"[\s" + BOX + "]+", line):
            word = word.rstrip(":")
            if word.strip("-"):  # a header rule is as long as its column: not a word
                words.add(word)
    return words


COMMANDS = [["stats"], ["query", "--list"], ["gaps"], ["overlap"], ["query", "regisseurs"]]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("width", [80, 200])
def test_no_token_is_split_across_lines(build_2026, cache_dir, args, width):
    """Every word printed at `width` columns is a word of the same output at 2,000 columns
    (where nothing wraps): a word broken in two would leave fragments that are not."""

    def run(columns):
        result = runner.invoke(app, [*args, "-q", "--cache-dir", str(cache_dir)], env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result.output
        return result.stdout

    narrow, wide = run(width), run(2000)
    assert max(len(line) for line in narrow.splitlines()) <= width
    broken = sorted(tokens(narrow) - tokens(wide))
    assert not broken, f"split at {width} columns: {broken[:10]}\n{narrow}"


def test_piped_output_is_plain_and_a_terminal_gets_a_box():
    table = Table(["thema", "aantal"], [["Bodem en ondergrond", 0], ["Waterkwaliteit", 12]], title="t")
    plain = render(table, width=80, terminal=False)
    assert not set(plain) & set(BOX) and "\x1b[" not in plain
    assert "Bodem en ondergrond" in plain
    assert set(render(table, width=80, terminal=True)) & set(BOX)


def test_a_table_too_wide_for_its_words_becomes_one_block_per_record():
    table = Table(
        ["bestand", "uitleg"],
        [
            [
                "kennisplan-2026-data-en-informatievoorziening.txt:349",
                "Bodem en ondergrond wordt genoemd door vijf thema's",
            ]
        ],
    )
    text = render(table, width=50)
    assert "bestand: kennisplan-2026-data-en-informatievoorziening.txt:349" in text
    assert "uitleg:" in text and "-----" not in text
    assert "kennisplan-2026-data-en-informatievoorziening.txt:349" in render(table, width=120)


def test_long_tables_stop_after_a_screenful_with_a_count_and_the_way_to_all():
    table = Table(["n"], [[i] for i in range(1000)])
    text = render(table, width=80, limit=ROW_LIMIT)
    assert len(text.splitlines()) < ROW_LIMIT + 10
    assert f"{ROW_LIMIT} van 1000 rijen" in text and "--alles" in text and "--format csv" in text
    assert len(render(table, width=80).splitlines()) > 1000


def test_dutch_numbers_for_people_and_plain_numbers_for_machines(build_2026, cache_dir):
    from kennisgraaf.tables import render as render_as

    table = Table(["thema", "score", "budget_eur"], [["Waterkwaliteit", 0.264, 176000]])
    assert "0,26" in render(table) and "€ 176.000" in render(table)
    assert "0,26" in render_as(table, "md") and "€ 176.000" in render_as(table, "md")
    assert "0.264,176000" in render_as(table, "csv") and '"budget_eur": 176000' in render_as(table, "json")
    result = runner.invoke(app, ["overlap", "-q", "--cache-dir", str(cache_dir)], env={"COLUMNS": "200"})
    assert "0,26" in result.stdout and "0.264" not in result.stdout


def test_gaps_summarise_first_heaviest_first_and_alles_shows_every_finding(build_2026, cache_dir):
    def run(*extra):
        result = runner.invoke(app, ["gaps", *extra, "-q", "--cache-dir", str(cache_dir)], env={"COLUMNS": "80"})
        assert result.exit_code == 0
        return result.stdout

    short, everything = run(), run("--alles")
    assert short.startswith("Samenvatting: 41 bevindingen")
    assert len(short.splitlines()) < 130 < len(everything.splitlines())
    assert everything.count("\nsoort:") + everything.startswith("soort:") == 41
    order = re.findall(r"^ernst:\s+(\w+)", everything, flags=re.M)
    assert order == sorted(order, key=["hoog", "middel", "laag"].index), "de zwaarste eerst"


def test_a_csv_screenful_ends_at_a_record_even_inside_a_quoted_line_break():
    from kennisgraaf.screen import csv_screenful
    from kennisgraaf.tables import render as render_as

    rows = [[f"titel {i}", "regel een\nregel twee" if i % 3 == 0 else "kort"] for i in range(100)]
    text = render_as(Table(["titel", "uitleg"], rows), "csv")
    cut, note = csv_screenful(text, limit=7)
    import csv
    import io

    assert list(csv.reader(io.StringIO(cut))) == [["titel", "uitleg"], *rows[:7]]
    assert note is not None and note.startswith("… 7 van 100 rijen getoond.") and HINT in note
    assert csv_screenful(text, limit=100) == (text, None)
