"""Shared fixtures: the real 2026 data built once per session, and a tiny data folder
(the real ontology and registers plus one small plan) for tests that break things."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kennisgraaf.access import ensure_build
from kennisgraaf.queries import Catalogue
from kennisgraaf.sources import DataFolder, shipped_root
from kennisgraaf.store import OxigraphStore

TESTS = Path(__file__).parent
EXPECTED = TESTS / "expected"
MINI = TESTS / "fixtures" / "mini"


# Tests that need a Debian package carry a marker, so a developer without it can deselect
# them (`pytest -m "not browser and not virtuoso and not owlapi"`); CI installs them all and
# runs everything.
_BROWSER_MODULES = {"test_views_browser.py"}
_VIRTUOSO_MODULES = {"test_virtuoso.py"}
_OWLAPI_MODULES = {"test_owl_profile.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.path.name
        if module in _BROWSER_MODULES or "chromium" in item.name:
            item.add_marker(pytest.mark.browser)
        if module in _VIRTUOSO_MODULES:
            item.add_marker(pytest.mark.virtuoso)
        if module in _OWLAPI_MODULES:
            item.add_marker(pytest.mark.owlapi)


@pytest.fixture(scope="session")
def data_root() -> Path:
    return shipped_root()


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def build_2026(data_root, cache_dir):
    return ensure_build(None, cache_dir)


@pytest.fixture(scope="session")
def store(build_2026) -> OxigraphStore:
    return OxigraphStore(build_2026.entry.graph_file)


@pytest.fixture
def mini_data(tmp_path, data_root) -> Path:
    """A writable data folder: the real ontology + theme/quarter registers + one tiny plan."""
    root = tmp_path / "data"
    shutil.copytree(data_root / "ontology", root / "ontology")
    (root / "graph" / "registers").mkdir(parents=True)
    for name in ("themas.ttl", "kwartalen.ttl"):
        shutil.copy(data_root / "graph" / "registers" / name, root / "graph" / "registers" / name)
    shutil.copytree(MINI / "graph" / "plans", root / "graph" / "plans")
    shutil.copytree(data_root / "graph" / "bronnen", root / "graph" / "bronnen")
    # the tiny plan defines its own topics and organisation; keep the real vocabularies
    # out so nothing else is needed
    return root


@pytest.fixture(scope="session")
def folder_2026(data_root) -> DataFolder:
    return DataFolder.resolve(None)


@pytest.fixture(scope="session")
def catalogue(folder_2026) -> Catalogue:
    """The named queries of the shipped data, read once."""
    return Catalogue.load(folder_2026.queries_dir)


# --------------------------------------------------------------------------- plan years
# The shipped data with the fictional plans of tests/fixtures/jaren/ (see jaren_helpers.py).


@pytest.fixture(scope="session")
def jaren_root(tmp_path_factory):
    """Shipped data + ZZS 2027 + Bodem 2026."""
    from jaren_helpers import compose

    return compose(tmp_path_factory.mktemp("jaren") / "data", bodem=True)


@pytest.fixture(scope="session")
def jaren27_root(tmp_path_factory):
    """Shipped data + ZZS 2027 only: every 2026 output must be as on the shipped data."""
    from jaren_helpers import compose

    return compose(tmp_path_factory.mktemp("jaren27") / "data", bodem=False)


def _jaren_store(root, cache_dir):
    return OxigraphStore(ensure_build(root, cache_dir).entry.graph_file)


@pytest.fixture(scope="session")
def jaren_store(jaren_root, cache_dir):
    return _jaren_store(jaren_root, cache_dir)


@pytest.fixture(scope="session")
def jaren27_store(jaren27_root, cache_dir):
    return _jaren_store(jaren27_root, cache_dir)


@pytest.fixture(scope="session")
def jaren27_network(jaren27_store, jaren27_root):
    from kennisgraaf.analysis.network import load_network

    return load_network(jaren27_store, DataFolder.resolve(jaren27_root).sources_texts_dir)


@pytest.fixture(scope="session")
def jaren_network(jaren_store, jaren_root):
    from kennisgraaf.analysis.network import load_network

    return load_network(jaren_store, DataFolder.resolve(jaren_root).sources_texts_dir)
