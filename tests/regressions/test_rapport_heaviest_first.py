"""Regression: the rapport said "Per soort, de zwaarste eerst" but listed the kinds of finding
in a fixed order, so kinds with only low findings came before kinds with high ones (issue 15)."""

from __future__ import annotations

import re

from kennisgraaf.analysis import analyse
from kennisgraaf.analysis.findings import KINDS, SEVERITIES
from kennisgraaf.analysis.network import load_network
from kennisgraaf.reports.rapport import render


def test_kinds_in_the_rapport_come_heaviest_first(store):
    analysis_2026 = analyse(load_network(store))
    section = render(analysis_2026, "md").split("## Gaten en aandachtspunten", 1)[1].split("\n## ", 1)[0]
    titles = {title: kind for kind, title in KINDS.items()}
    shown = [titles[m] for m in re.findall(r"^### (.+?) \(\d+\)$", section, flags=re.M) if m in titles]
    assert len(shown) >= 3
    heaviest = [min(SEVERITIES.index(f.severity) for f in analysis_2026.findings if f.kind == k) for k in shown]
    assert heaviest == sorted(heaviest), list(zip(shown, heaviest, strict=True))
