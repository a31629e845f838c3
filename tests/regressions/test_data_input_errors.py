"""Bad data ends in one Dutch line naming file:line (or node and property), never a traceback.

Each case used to end in a Python traceback (issue 10, "No tracebacks, anywhere"); each
runs through the real command, in a child process, on a copy of the tiny data folder.
"""

from __future__ import annotations

import pytest
from cli_helpers import PLAN, assert_one_clean_error, run

PRODUCT_LINE = "    kn:bronRegel 194 ;"
NODE = "product:et-2026-proef-waterstof"


def _break(root, old: str, new: str) -> None:
    plan = root / PLAN
    text = plan.read_text()
    assert old in text
    plan.write_text(text.replace(old, new, 1))


def _line_of(root, needle: str) -> int:
    return next(n for n, line in enumerate((root / PLAN).read_text().splitlines(), 1) if needle in line)


def test_ill_typed_integer_is_named_by_node_and_property(mini_data, tmp_path):
    _break(mini_data, PRODUCT_LINE, '    kn:bronRegel "abc"^^xsd:integer ;')
    result = run("build", "--data", mini_data, "--cache-dir", tmp_path / "c")
    assert_one_clean_error(
        result, 1, "kn:bronRegel", "abc", "xsd:integer", "Kennisopbouw waterstof (proef)", "proef.ttl"
    )


def test_ill_typed_decimal_logs_nothing_and_reports_the_value(mini_data, tmp_path):
    _break(mini_data, 'kn:budget "15000"^^xsd:decimal', 'kn:budget "abc"^^xsd:decimal')
    for command in ("build", "validate"):
        extra = ["--cache-dir", tmp_path / "c"] if command == "build" else []
        result = run(command, "--data", mini_data, *extra)
        assert_one_clean_error(result, 1, "kn:budget", "abc", "xsd:decimal")
        assert "Failed to convert" not in result.stderr


@pytest.mark.parametrize(
    "bad, why",
    [
        ("<https://w3id.org/kennisgraaf/id/x y>", "Invalid IRI code point ' '"),
        ("<https://w3id.org/kennisgraaf/id/x{y}>", "Invalid IRI code point '{'"),
    ],
)
def test_iri_with_a_forbidden_character_names_file_and_line(mini_data, tmp_path, bad, why):
    _break(mini_data, "    kn:onderwerp onderwerp:waterstof ;", f"    kn:onderwerp {bad} ;")
    line = _line_of(mini_data, bad)
    result = run("build", "--data", mini_data, "--cache-dir", tmp_path / "c")
    assert_one_clean_error(result, 2, f"{PLAN}:{line}:", why)


def test_over_long_language_tag_names_file_and_line(mini_data, tmp_path):
    _break(mini_data, '"Kennisopbouw waterstof (proef)"@nl', '"Kennisopbouw waterstof (proef)"@' + "x" * 300)
    line = _line_of(mini_data, "x" * 300)
    result = run("build", "--data", mini_data, "--cache-dir", tmp_path / "c")
    assert_one_clean_error(result, 2, f"{PLAN}:{line}:", "eight characters")


@pytest.mark.parametrize("deep", ["[ kn:x " * 20_000 + "kn:y" + " ]" * 20_000, "(" * 20_000 + ")" * 20_000])
def test_twenty_thousand_nested_brackets_parse_and_validate(mini_data, deep):
    plan = mini_data / PLAN
    plan.write_text(plan.read_text() + f"\n{NODE} kn:diep {deep} .\n")
    result = run("validate", "--data", mini_data)
    text = result.stdout + result.stderr
    assert result.returncode == 0, text[-2000:]  # Oxigraph's parser does not recurse: no crash, no error
    assert "Traceback" not in text and "0 fout(en)" in text, text[-2000:]


def test_bestandsnaam_outside_the_data_folder_is_refused_and_never_read(mini_data, tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("\n".join(["geheim"] * 500))
    registers = mini_data / "graph" / "registers" / "themas.ttl"
    text = registers.read_text()
    old = 'kn:bestandsnaam "2026/kennisplan-2026-energietransitie.txt"'
    assert old in text
    registers.write_text(text.replace(old, 'kn:bestandsnaam "../../../geheim.txt"'))
    result = run("build", "--data", mini_data, "--cache-dir", tmp_path / "c")
    assert_one_clean_error(result, 1, "kn:bestandsnaam", "buiten de datamap", "../../../geheim.txt")


@pytest.mark.parametrize(
    "query, needle",
    [
        ("SELECT ?item ?eigenschap ?waarde WHERE { ?item ?eigenschap ?waarde ", "SPARQL-fout"),
        (
            "SELECT ?item ?eigenschap ?waarde WHERE { SERVICE <http://127.0.0.1:9/> { ?item ?eigenschap ?waarde } }",
            "SERVICE",
        ),
        ("SELECT ?x WHERE { ?x a <https://w3id.org/kennisgraaf/def#Kennisproduct> }", "?item, ?eigenschap en ?waarde"),
    ],
)
def test_malformed_integrity_check_names_its_file(mini_data, tmp_path, data_root, query, needle):
    import shutil

    shutil.copytree(data_root / "queries", mini_data / "queries")
    (mini_data / "queries" / "checks" / "kapot-violation.rq").write_text(f"# Titel: kapot\n{query}\n")
    result = run("build", "--data", mini_data, "--cache-dir", tmp_path / "c")
    assert_one_clean_error(result, 2, "queries/checks/kapot-violation.rq", needle)
