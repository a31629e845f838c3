"""Golden files for the named queries: the manifest of cases, and how to refresh them.

Refresh (then review every changed file against the plan texts before committing):
    python tests/golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
QUERIES = HERE / "expected" / "queries"
PLANS = HERE / "expected" / "plans"
MANIFEST = QUERIES / "manifest.json"
#: expected outputs on the plan-years fixture (tests/fixtures/jaren/), checked by hand
EXPECTED_JAREN = HERE / "expected" / "jaren"
REFRESH = "python tests/golden.py"


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
            print(f"bijgewerkt: {target.relative_to(HERE.parent)}")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    refresh()
