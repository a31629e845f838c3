"""The ontology is OWL 2 RL, checked by the OWL API's own profile checker.

The rule engine (kennisgraaf/rules.py) interprets the ontology's axioms as OWL 2 RL rules,
so a construct outside the profile would be a rule it silently cannot follow. The checker is
Debian's libowlapi-java (scripts/system-packages installs it and a JDK); a tiny Java program
(tests/owl/ProfileCheck.java) is compiled into a temporary folder. Not optional: a missing
JDK or OWL API fails these tests, it does not skip them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from kennisgraaf.sources import DataFolder

SOURCE = Path(__file__).parent / "owl" / "ProfileCheck.java"
OWLAPI_JARS = Path("/usr/share/java")
#: data values whose datatype OWL 2 lacks (the shapes require them; see ontology header)
OUTSIDE_DATATYPE_MAP = ("^^xsd:gYear)", "^^xsd:date)")


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    javac, java = shutil.which("javac"), shutil.which("java")
    assert javac and java, "geen JDK gevonden: draai scripts/system-packages"
    assert (OWLAPI_JARS / "owlapi-distribution.jar").is_file(), "geen libowlapi-java: draai scripts/system-packages"
    out = tmp_path_factory.mktemp("owlcheck")
    classpath = f"{OWLAPI_JARS}/*"
    subprocess.run([javac, "-cp", classpath, "-d", str(out), str(SOURCE)], check=True, capture_output=True)

    def check(*files: Path) -> dict[int, list[tuple[str, str]]]:
        done = subprocess.run(
            [java, "-cp", f"{classpath}:{out}", "ProfileCheck", *map(str, files)],
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
        found: dict[int, list[tuple[str, str]]] = {i: [] for i in range(len(files))}
        counts = {}
        for line in done.stdout.splitlines():
            index, kind, text = line.split("\t", 2)
            if kind == "COUNT":
                counts[int(index)] = int(text)
            else:
                found[int(index)].append((kind, text))
        assert sorted(counts) == list(range(len(files))), done.stdout + done.stderr
        assert all(counts[i] == len(found[i]) for i in counts)
        return found

    return check


def test_ontology_is_owl2_rl(checker, data_root):
    violations = checker(data_root / "ontology" / "kennisgraaf.ttl")[0]
    assert not violations, "\n".join(text for _, text in violations)


def test_ontology_with_the_data_is_owl2_rl_but_for_year_and_date_values(checker, data_root, tmp_path):
    """All sources merged into one document, as the reasoner sees them. What remains are the
    xsd:gYear and xsd:date values of kn:jaar, kn:budgetjaar and schema:startDate: data the
    shapes and queries rely on, outside OWL 2's datatype map (listed here so nothing else can
    slip in)."""
    store = ox.Store()
    for source in DataFolder.resolve(data_root).sources():
        store.load(path=str(source.path), format=ox.RdfFormat.TURTLE)
    merged = tmp_path / "alles.nt"
    merged.write_bytes(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
    violations = checker(merged)[0]
    other = [
        text
        for kind, text in violations
        if not (kind == "DataPropertyAssertion" and any(dt in text for dt in OUTSIDE_DATATYPE_MAP))
    ]
    assert not other, "\n".join(other)
    assert violations, "geen datumwaarden meer buiten OWL 2: haal de uitzondering hierboven weg"


def test_checker_finds_a_violation(checker, data_root, tmp_path):
    """The check can fail: an undeclared property and a gYear range are reported."""
    bad = tmp_path / "slecht.ttl"
    bad.write_text(
        (data_root / "ontology" / "kennisgraaf.ttl").read_text(encoding="utf-8")
        + "\nkn:jaar rdfs:range xsd:gYear .\nkn:nieuw rdfs:subPropertyOf kn:wet .\n",
        encoding="utf-8",
    )
    texts = " ".join(text for _, text in checker(bad)[0])
    assert "xsd:gYear" in texts and "#nieuw" in texts
