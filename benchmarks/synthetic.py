"""A synthetic kgraph graph of any size, with the shape of real ``kgraph build`` output.

The graph is made by feeding made-up ``ArticleResult`` objects to
``kgraph.rdf.build_graph``, so it has exactly the nodes and properties that a
real build writes (actors with labels and mention counts, articles, plain
relation triples and ``kg:RelationStatement`` nodes with their provenance) and
follows any change to that shape without edits here. Only the data is
invented: actors are drawn with a Zipf-like popularity, as in news, where a few
actors (here "Russia" first) appear in many articles.

Everything comes from one ``random.Random(seed)``, so the same arguments always
give the same graph.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from itertools import accumulate

from rdflib import Graph

from kgraph.iris import actor_iri
from kgraph.model import Actor, Article, ArticleResult, Relation
from kgraph.rdf import build_graph, new_graph
from kgraph.relation_types import RELATION_TYPES

#: The actor the ``relations-of-actor`` benchmark asks about; the most popular one.
POPULAR_ACTOR = "Russia"

# Roughly the mix of actor types a news build gives (persons dominate).
_ACTOR_TYPES = (
    ("Person", 50),
    ("Organization", 14),
    ("GovernmentBody", 12),
    ("PoliticalParty", 10),
    ("Country", 8),
    ("InternationalOrganization", 4),
    ("Alliance", 2),
)
_SYLLABLES = ("ka", "lo", "mi", "ra", "sen", "to", "vu", "dan", "el", "or", "bi", "zh", "an")
_FIRST_DAY = dt.date(2019, 1, 1)


def _name(rng: random.Random, words: int) -> str:
    """A pronounceable made-up name of ``words`` capitalised words."""
    parts = (
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(words)
    )
    return " ".join(part.capitalize() for part in parts)


def _actors(rng: random.Random, count: int) -> list[Actor]:
    """``count`` actors, the first of them ``POPULAR_ACTOR``, with unique IRIs."""
    actors = [
        Actor(
            id=actor_iri(label=POPULAR_ACTOR, type="Country", iso_code="RU"),
            label=POPULAR_ACTOR,
            type="Country",
            names=(POPULAR_ACTOR, "Russian Federation"),
            iso_code="RU",
            wikidata="Q159",
        )
    ]
    types = [name for name, _ in _ACTOR_TYPES]
    weights = [weight for _, weight in _ACTOR_TYPES]
    seen = {actors[0].id}
    while len(actors) < count:
        kind = rng.choices(types, weights)[0]
        label = f"{_name(rng, 2 if kind == 'Person' else 3)} {len(actors)}"
        # Country IRIs come from ISO codes; made-up countries get a made-up code "X<n>".
        iso = f"X{len(actors)}" if kind == "Country" else None
        actor_id = actor_iri(label=label, type=kind, iso_code=iso)
        if actor_id in seen:
            continue
        seen.add(actor_id)
        short = label.split()[-2]  # a surname-like short form, as resolution records it
        actors.append(
            Actor(id=actor_id, label=label, type=kind, names=(label, short), iso_code=iso)
        )
    return actors


def _relation(
    rng: random.Random, doc: str, actors: list[Actor], day: dt.date, offset: int
) -> Relation:
    """One made-up relation of article ``doc`` between two of ``actors``."""
    subject, obj = rng.sample(actors, 2)
    name = rng.choice(sorted(RELATION_TYPES))
    evidence = (
        f"{subject.label} {name.replace('-', ' ')} {obj.label}, officials said on "
        f"{day:%A}, according to a statement quoted by several news agencies."
    )
    speaker = rng.choice(actors) if rng.random() < 0.3 else None
    return Relation(
        doc=doc,
        subject=subject,
        relation=name,
        object=obj,
        date=day - dt.timedelta(days=rng.randint(0, 3)) if rng.random() < 0.9 else None,
        attributed_to=speaker,
        negated=rng.random() < 0.08,
        hypothetical=rng.random() < 0.06,
        confidence=rng.choice((0.5, 0.6, 0.7, 0.8, 0.9)),
        evidence=evidence,
        span=(offset, offset + len(evidence)),
        cue=name.split("-")[0],
    )


def _results(
    rng: random.Random, actors: list[Actor], graph: Graph, triples: int
) -> Iterator[ArticleResult]:
    """Made-up article results, until ``graph`` holds at least ``triples`` triples."""
    # Zipf-like popularity: actor k is drawn with weight 1/(k+1).
    cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(len(actors))))
    number = 0
    while len(graph) < triples:
        doc = f"syn-{number:07d}"
        day = _FIRST_DAY + dt.timedelta(days=rng.randint(0, 729))
        present = list(
            {
                a.id: a for a in rng.choices(actors, cum_weights=cumulative, k=rng.randint(3, 8))
            }.values()
        )
        if len(present) < 2:
            present.append(actors[(number % (len(actors) - 1)) + 1])
        article = Article(
            id=doc, date=day, title=_name(rng, 6), text="", source=f"synthetic.jsonl:{number + 1}"
        )
        relations = tuple(
            _relation(rng, doc, present, day, offset=200 * k) for k in range(rng.randint(3, 12))
        )
        counts = {actor.id: rng.randint(1, 6) for actor in present}
        yield ArticleResult(
            article=article, actors=tuple(present), mention_counts=counts, relations=relations
        )
        number += 1


def synthetic_graph(triples: int, *, seed: int = 20240601) -> Graph:
    """An in-memory rdflib graph of about ``triples`` triples (a little more, never less).

    Args:
        triples: how many triples to make; the actor pool grows with it (one actor per
            200 triples, at least 50), as a larger corpus names more actors.
        seed: the random seed; the same seed and size give the same graph.
    """
    rng = random.Random(seed)
    actors = _actors(rng, max(50, triples // 200))
    graph = new_graph()
    return build_graph(_results(rng, actors, graph, triples), graph=graph)
