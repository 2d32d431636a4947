"""Shared fixtures of the test suite."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from kgraph.iris import actor_iri, topic_iri
from kgraph.model import Actor, Article, ArticleResult, Relation

if TYPE_CHECKING:
    from rdflib import Graph

# --- RDF fixtures (tests/test_rdf.py, tests/test_ontology.py) ------------------------------
# Hand-built extraction results, so the graph code is tested without spaCy.


def _person(label: str, *names: str) -> Actor:
    return Actor(id=actor_iri(label=label, type="Person"), label=label, type="Person", names=names)


RDF_TR = Actor(
    id=actor_iri(label="Türkiye", type="Country", iso_code="TR"),
    label="Türkiye",
    type="Country",
    names=("Türkiye", "Turkey", "Ankara"),
    iso_code="TR",
    wikidata="Q43",
)
RDF_RU = Actor(
    id=actor_iri(label="Russia", type="Country", iso_code="RU"),
    label="Russia",
    type="Country",
    names=("Russia", "Moscow"),
    iso_code="RU",
    wikidata="Q159",
)
RDF_ERDOGAN = _person("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "Erdoğan")
# The same actor as the second article names it: the shorter label must become an altLabel.
RDF_ERDOGAN_SHORT = Actor(id=RDF_ERDOGAN.id, label="Erdoğan", type="Person", names=("Erdoğan",))
RDF_KILICDAROGLU = _person("Kemal Kılıçdaroğlu", "Kılıçdaroğlu")
RDF_PESKOV = _person("Dmitry Peskov")  # only ever a speaker, never in ``actors``
RDF_CHP = Actor(
    id=actor_iri(label="Republican People's Party", type="PoliticalParty"),
    label="Republican People's Party",
    type="PoliticalParty",
    names=("CHP",),
)
# Quotes, angle brackets, a backslash and a newline: must survive every syntax.
RDF_AWKWARD = _person('Ali "the <Lion>" O\'Brien\\\nJr.', "Ali <b>", 'say "hi"')
RDF_TOPIC = Actor(
    id=topic_iri("interference in the elections"),
    label="interference in the elections",
    type="Topic",
)


@pytest.fixture
def rdf_results() -> list[ArticleResult]:
    """Two articles with a negated, a hypothetical, an attributed and symmetric relations."""
    first = Article(
        id="000_test",
        date=dt.date(2023, 5, 12),
        title='Erdoğan: "Russia is our friend"',
        text="...",
        source="seeds/000_test.txt",
    )
    second = Article(id="001_test", date=None, title="", text="...", source="seeds/001_test.txt")
    return [
        ArticleResult(
            article=first,
            actors=(RDF_TR, RDF_RU, RDF_ERDOGAN, RDF_KILICDAROGLU, RDF_CHP, RDF_TOPIC),
            mention_counts={
                RDF_TR.id: 3,
                RDF_RU.id: 2,
                RDF_ERDOGAN.id: 2,
                RDF_KILICDAROGLU.id: 1,
                RDF_CHP.id: 1,
            },
            relations=(
                Relation(
                    doc="000_test",
                    subject=RDF_TR,
                    relation="friends-with",
                    object=RDF_RU,
                    date=dt.date(2023, 5, 11),
                    attributed_to=RDF_PESKOV,
                    confidence=0.9,
                    evidence="Peskov said Türkiye and Russia are friends.",
                    span=(10, 55),
                    cue="friends",
                ),
                Relation(
                    doc="000_test",
                    subject=RDF_KILICDAROGLU,
                    relation="accuses",
                    object=RDF_RU,
                    date=dt.date(2023, 5, 11),
                    confidence=0.9,
                    evidence="Kılıçdaroğlu accused Russia of interference.",
                    span=(56, 100),
                    cue="accuse",
                ),
                Relation(
                    doc="000_test",
                    subject=RDF_ERDOGAN,
                    relation="meets",
                    object=RDF_KILICDAROGLU,
                    negated=True,
                    confidence=0.7,
                    evidence="Erdoğan did not meet Kılıçdaroğlu.",
                    span=(101, 135),
                    cue="meet",
                ),
                Relation(
                    doc="000_test",
                    subject=RDF_RU,
                    relation="denies",
                    object=RDF_TOPIC,
                    confidence=0.8,
                    evidence="Moscow denied any interference in the elections.",
                    span=(136, 184),
                    cue="deny",
                ),
                Relation(
                    doc="000_test",
                    subject=RDF_KILICDAROGLU,
                    relation="leader-of",
                    object=RDF_CHP,
                    confidence=1.0,
                    evidence="CHP leader Kılıçdaroğlu",
                    span=(185, 208),
                    cue="leader",
                ),
            ),
        ),
        ArticleResult(
            article=second,
            actors=(RDF_ERDOGAN_SHORT, RDF_RU, RDF_TR, RDF_AWKWARD),
            mention_counts={RDF_ERDOGAN.id: 1, RDF_RU.id: 1, RDF_TR.id: 1, RDF_AWKWARD.id: 1},
            relations=(
                # The reverse order of the symmetric relation above: still one direct triple.
                Relation(
                    doc="001_test",
                    subject=RDF_RU,
                    relation="friends-with",
                    object=RDF_TR,
                    confidence=0.6,
                    evidence="Russia and Türkiye remain friends.",
                    span=(0, 34),
                ),
                Relation(
                    doc="001_test",
                    subject=RDF_TR,
                    relation="supports",
                    object=RDF_RU,
                    hypothetical=True,
                    confidence=0.5,
                    evidence="Ankara could support Moscow.",
                    span=(35, 63),
                    cue="support",
                ),
                Relation(
                    doc="001_test",
                    subject=RDF_AWKWARD,
                    relation="criticizes",
                    object=RDF_ERDOGAN_SHORT,
                    confidence=0.75,
                    evidence='He said: "Erdoğan <is> wrong"\n— twice.',
                    span=(64, 100),
                    cue="criticize",
                ),
            ),
        ),
    ]


@pytest.fixture
def rdf_graph(rdf_results: list[ArticleResult]) -> Graph:
    """The in-memory graph built from ``rdf_results``."""
    from kgraph.rdf import build_graph

    return build_graph(rdf_results)


# --- the real English pipeline (tests marked ``model``) -----------------------------------


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The English pipeline with the actor ruler, loaded once per test run."""
    from kgraph.nlp import load_pipeline

    return load_pipeline()
