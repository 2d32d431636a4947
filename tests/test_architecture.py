"""The dependency direction of DESIGN.md, checked by walking each module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kgraph"

# Which third-party libraries each layer may import (at module level or inside functions).
STDLIB_ONLY = {
    "atomic",
    "errors",
    "model",
    "articles",
    "iris",
    "relation_types",
    "evaluate",
    "actors.gazetteer",
    "actors.registry",
    "actors.person_names",
    "actors.summaries",
    "actors.organisation_merges",
    "actors.dictionary",
}
NO_RDF = {"nlp", "pipeline", "actors.resolve", "actors.descriptions", "actors.spans",
          "actors.span_names", "actors.people", "actors.organisations", "relations.extract",
          "relations.syntax", "relations.roles", "relations.gender", "relations.lexicon",
          "relations.dates", "relations.speakers", "relations.cues", "relations.structure",
          "relations.speech_acts", "relations.constructions", "relations.titles",
          "relations.affiliations"}  # fmt: skip
NO_SPACY = {"vocabulary", "rdf", "store", "sparql", "network", "plot", "progress", "merge",
            "actor_list"}  # fmt: skip
HEAVY = {"spacy", "rdflib", "networkx", "matplotlib", "pyoxigraph", "oxrdflib", "click"}


def imported_roots(module: str) -> set[str]:
    path = PACKAGE / (module.replace(".", "/") + ".py")
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("module", sorted(STDLIB_ONLY))
def test_core_modules_use_only_the_standard_library(module: str) -> None:
    assert not imported_roots(module) & HEAVY


@pytest.mark.parametrize("module", sorted(NO_RDF))
def test_nlp_modules_never_import_rdflib_or_networkx(module: str) -> None:
    assert not imported_roots(module) & {
        "rdflib",
        "networkx",
        "matplotlib",
        "pyoxigraph",
        "oxrdflib",
    }


@pytest.mark.parametrize("module", sorted(NO_SPACY))
def test_graph_modules_never_import_spacy(module: str) -> None:
    assert "spacy" not in imported_roots(module)


def test_every_module_is_in_a_layer() -> None:
    modules = {
        str(p.relative_to(PACKAGE).with_suffix("")).replace("/", ".")
        for p in PACKAGE.rglob("*.py")
        if p.name != "__init__.py"
    }
    # build and distributed drive the whole pipeline (spaCy via kgraph.pipeline, inside functions).
    drivers = {"cli", "build", "distributed"}
    assert modules <= STDLIB_ONLY | NO_RDF | NO_SPACY | drivers, modules - (
        STDLIB_ONLY | NO_RDF | NO_SPACY | drivers
    )
