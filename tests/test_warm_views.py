"""A view's rendered page kept beside the build (views.kept_page): the second `view` reads
the page instead of building and rendering it, gives the same bytes, and a change to any
input of the page (the view, the theme, the styles) is never answered with an old page."""

from __future__ import annotations

import dataclasses

import pytest

import kennisgraaf.views as views
from kennisgraaf.access import ensure_build
from kennisgraaf.cache import DERIVED_DIR
from kennisgraaf.sources import DataFolder


@pytest.fixture()
def ctx_config(tmp_path):
    """A build of its own, so what is kept beside it is this test's alone."""
    build = ensure_build(None, tmp_path / "cache")
    folder = DataFolder.resolve(None)
    ctx = views.Context(build.entry.open(), folder.sources_texts_dir)
    return ctx, views.load_config(folder.visuals_dir), build.entry


def _pages(entry):
    return sorted((entry.folder / DERIVED_DIR).glob("weergave-*.pickle"))


def test_the_second_view_reads_the_kept_page(ctx_config, tmp_path, monkeypatch):
    ctx, config, entry = ctx_config
    first = views.write_view(ctx, config, "themas", tmp_path / "a.html")
    assert len(_pages(entry)) == 1

    def no_build(*args, **kwargs):
        raise AssertionError("the kept page should have been read")

    monkeypatch.setattr(views, "build_view", no_build)
    again = views.write_view(ctx, config, "themas", tmp_path / "b.html")
    assert again.path.read_bytes() == first.path.read_bytes()
    assert len(again.view.nodes) == len(first.view.nodes) and len(again.view.edges) == len(first.view.edges)
    entry.verify()  # a kept page does not make the build look damaged


def test_every_input_of_a_page_gets_its_own_page(ctx_config, tmp_path):
    ctx, config, entry = ctx_config
    themas = views.write_view(ctx, config, "themas", tmp_path / "a.html").path.read_text(encoding="utf-8")
    links = views.write_view(ctx, config, "themas", tmp_path / "b.html", None, "index.html")
    assert len(_pages(entry)) == 2 and links.path.read_text(encoding="utf-8") != themas
    other = dataclasses.replace(config, seed=config.seed + 1)
    views.write_view(ctx, other, "themas", tmp_path / "c.html")
    assert len(_pages(entry)) == 3
    theme = next(t for t in ctx.themes() if ctx.plans(t))
    views.write_view(ctx, config, "thema", tmp_path / "d.html", theme)
    assert len(_pages(entry)) == 4
