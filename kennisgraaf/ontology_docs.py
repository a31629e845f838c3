"""The ontology's documentation page: pyLODE's OntPub over ontology/kennisgraaf.ttl, made fit to publish.

One page for `serve` (at /def/) and for the static site (def/index.html), so the two never
differ. pyLODE does the documenting; this module only fixes what a published page needs:

- anchors by local name (`#Kennisproduct`), so the canonical IRI `…/def#Kennisproduct`
  lands on its own entry (pyLODE would derive them from the English or Dutch label);
- Dutch text where the ontology has it (pyLODE shows whichever language it meets last);
- links to our own terms stay on the page (`#Thema`), not out to the IRI;
- nothing loaded from elsewhere: pyLODE inlines its style sheet and needs no script, so the
  page works offline and from file://. `style_hashes` gives the CSP hash for that one
  inline style block, so `serve` can keep its strict Content-Security-Policy.

pyLODE 3.4.1 cannot be imported from a wheel (its version module reads a pyproject.toml that
the wheel does not ship), hence the pin below 3.4 in pyproject.toml.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from functools import lru_cache
from pathlib import Path

from .namespaces import KN

ONTOLOGY_FILE = "kennisgraaf.ttl"
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_OWN_LINK = re.compile(r'href="' + re.escape(str(KN)) + r'([A-Za-z_][A-Za-z0-9_\-]*)"')


def render_html(folder: Path) -> str:
    """The documentation page of `folder/kennisgraaf.ttl` (`folder`: a data folder's ontology/)."""
    return render_turtle((Path(folder) / ONTOLOGY_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)  # pyLODE takes seconds; serve asks once per ontology text
def render_turtle(text: str) -> str:
    """The documentation page of an ontology given as Turtle text."""
    from rdflib import Graph

    graph = Graph().parse(data=text, format="turtle")
    return _publishable(_document(_dutch(graph)))


def style_hashes(html: str) -> list[str]:
    """CSP sources (`'sha256-…'`) for the page's inline style blocks, and nothing else inline."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in _STYLE.findall(html)
    ]


def local_name(iri: str) -> str:
    """The part after `#` (or the last `/`): the anchor of a term on the page."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def _dutch(graph):
    """The graph without the other-language twin of any literal that also has a Dutch version."""
    from rdflib import Graph, Literal

    def has_dutch(s, p) -> bool:
        return any(isinstance(o, Literal) and o.language == "nl" for o in graph.objects(s, p))

    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language and o.language != "nl" and has_dutch(s, p):
            continue
        out.add((s, p, o))
    return out


def _document(graph) -> str:
    if not logging.getLogger().handlers:
        # pyLODE logs through the root logger; without a handler, logging.info() would install one on stderr
        logging.getLogger().addHandler(logging.NullHandler())
    from pylode import OntPub  # type: ignore[import-untyped]
    from rdflib import URIRef

    doc = OntPub(graph)
    # fragment ids are pyLODE's `fids`, taken when present: ours by local name, before any label is used
    taken: set[str] = set()
    for subject in sorted({s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(KN)}):
        name = local_name(str(subject))
        if name and name not in taken:
            doc.fids[str(subject)] = name
            taken.add(name)
    return str(doc.make_html())


def _publishable(html: str) -> str:
    """Own terms linked on the page; the document marked as Dutch."""
    anchors = set(re.findall(r'id="([^"]+)"', html))
    html = _OWN_LINK.sub(lambda m: f'href="#{m.group(1)}"' if m.group(1) in anchors else m.group(0), html)
    return html.replace("<html>", '<html lang="nl">', 1)
