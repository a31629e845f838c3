"""Issue 12: a screen of `overlap` or `gaps` on a cached build reads a kept screenful (the
summary and the first rows), not the whole result. At 1 M the overlaps are 2.7 million pairs:
unpickling and laying them out took minutes for a screen that shows 40 rows."""

from __future__ import annotations

import pytest

from kennisgraaf import api
from kennisgraaf.analysis import gaps as gaps_module
from kennisgraaf.analysis import overlap as overlap_module
from kennisgraaf.screen import ROW_LIMIT, render, screenful
from kennisgraaf.tables import Table

WIDTH = 100


def kept(cache, prefix):
    return sorted({p.resolve() for p in cache.glob(f"*/afgeleid/{prefix}-*")})


@pytest.mark.parametrize(
    ("ask", "kind", "module", "function"),
    [
        (lambda kg: kg.overlaps(), "overlap", overlap_module, "overlaps"),
        (lambda kg: kg.gaps(ernst="middel"), "gaten", gaps_module, "find_gaps"),
    ],
)
def test_a_warm_screen_reads_only_the_kept_screenful(mini_data, tmp_path, monkeypatch, ask, kind, module, function):
    cache = tmp_path / "c"
    first = ask(api.open(mini_data, cache))
    screen = first.render("table", alles=False, width=WIDTH)
    whole = first.render("table", alles=True, width=WIDTH)
    assert screen != whole or len(first.rows) <= ROW_LIMIT
    assert len(kept(cache, f"{kind}-scherm")) == 1
    for path in kept(cache, kind):  # the whole result goes: a screen must not need it
        if not path.name.startswith(f"{kind}-scherm"):
            path.unlink()
    monkeypatch.setattr(module, function, lambda *a, **k: pytest.fail("computed again"))
    again = ask(api.open(mini_data, cache))
    assert again.render("table", alles=False, width=WIDTH) == screen


def test_a_screenful_renders_as_the_whole_table_does():
    table = Table(["n", "tekst"], [[i, f"regel {i}"] for i in range(ROW_LIMIT * 3)], title="Veel rijen")
    head = screenful(table, ROW_LIMIT)
    assert len(head.rows) == ROW_LIMIT and head.row_count() == ROW_LIMIT * 3
    for width in (100, 30):  # side by side, and in blocks when the columns do not fit
        assert render(head, width=width, limit=ROW_LIMIT) == render(table, width=width, limit=ROW_LIMIT)
    assert f"{ROW_LIMIT} van {ROW_LIMIT * 3} rijen" in render(head, width=100, limit=ROW_LIMIT)


def test_a_warm_refusal_of_view_themas_reads_no_network(mini_data, tmp_path, monkeypatch):
    """Above 1,500 themes `view themas` refuses; at 1 M saying so again loaded the whole
    network (seconds) to count the themes. The count is kept beside the build."""
    from kennisgraaf.analysis import precomputed
    from kennisgraaf.views import themes
    from kennisgraaf.views.model import TooManyNodes

    cache = tmp_path / "c"
    monkeypatch.setattr(themes, "MAX_NODES", 1)
    with pytest.raises(TooManyNodes, match="thema's tonen; boven 1 knopen"):
        api.open(mini_data, cache).view("themas", out=tmp_path / "v.html")
    monkeypatch.setattr(precomputed, "load_network", lambda *a, **k: pytest.fail("network read again"))
    with pytest.raises(TooManyNodes, match="thema's tonen; boven 1 knopen"):
        api.open(mini_data, cache).view("themas", out=tmp_path / "v.html")
    assert not (tmp_path / "v.html").exists()


@pytest.mark.parametrize(
    "ask", [lambda kg: kg.overlaps(), lambda kg: kg.overlaps(thema="Waterkwaliteit"), lambda kg: kg.gaps()]
)
def test_the_screenful_made_from_the_first_items_is_the_screenful_of_the_whole_table(ask):
    """overlap and gaps make a screen's rows from their first items only (`_Parts.head`); the
    rows, the count and the notes must be those of the whole table's first rows."""
    result = ask(api.open())
    whole = result.tables(labels=True, wide=False)
    assert result._parts.head is not None
    assert result._parts.head(3) == [screenful(t, 3) for t in whole]
    assert result._parts.head(ROW_LIMIT) == [screenful(t, ROW_LIMIT) for t in whole]
