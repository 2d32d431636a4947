"""What an actor registry keeps of each actor IRI, and where the merges decided so far lead.

Shared by ``kgraph.actors.registry`` (people) and ``kgraph.actors.organisation_merges``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kgraph.actors.person_names import name_words

#: Actor types that are a guess of the NER's, which a typed namesake overrides.
GENERIC_TYPES = frozenset({"Organization", "Territory"})


@dataclass(slots=True)
class ActorSummary:
    """What the build saw of one actor IRI."""

    iri: str
    label: str
    type: str
    names: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: int = 0
    fixed: bool = False
    countries: Counter[str] = field(default_factory=Counter)  # weak: the articles' main country
    role_countries: set[str] = field(default_factory=set)  # strong: countries of its offices

    def rank(self) -> tuple[bool, int, int, str]:
        # Higher is a better merge target; the IRI breaks ties so the choice is order-free.
        full = self.type == "Person" and len(name_words(self.label)) > 1
        return (self.fixed, int(full), self.mentions, self.iri)


def final_target(target: dict[str, str], iri: str) -> str:
    """Where an IRI ends up after the merges decided so far."""
    seen = set()
    while iri in target and iri not in seen:
        seen.add(iri)
        iri = target[iri]
    return iri
