"""How bodies belong to states and people to bodies: part-of relations and memberships.

``part_of_relations`` places a government body in the state the gazetteer or its own
name gives it ("the Parliament of Iraq"), ``structure_relations`` and ``composition``
read part-of from the text ("UNESCO, an agency of the United Nations", "the SDF is
made up of YPG militia"). ``belongs_to`` and ``states_served`` sum up the roles the
article gives people, for the rules that must know whose side a speaker is on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kgraph.actors.gazetteer import load_gazetteer
from kgraph.actors.resolve import ActorIndex
from kgraph.model import Actor, Relation
from kgraph.relations import syntax
from kgraph.relations.affiliations import country_actor
from kgraph.relations.cues import reads_as_passive
from kgraph.relations.roles import Role

if TYPE_CHECKING:
    from kgraph.relations.extract import _ArticleExtractor

#: Verbs of what a whole is made of: "made up of", "composed of", "consists of".
_COMPOSED_OF = frozenset({"make", "compose", "comprise", "consist"})
#: Nouns that make their "of" object the whole a body belongs to ("an agency of the UN").
_PART_NOUNS = frozenset(
    {
        "agency", "arm", "branch", "wing", "organ", "unit", "division", "subsidiary", "affiliate",
        "force", "faction", "component", "body", "department", "office", "chapter",
    }
)  # fmt: skip
_STATE_OWNED = frozenset({"state-owned", "state-run", "government-owned", "state-controlled"})
#: Head nouns of the names of a state's organs ("Ministry of Foreign Affairs of Iraq").
_STATE_ORGANS = frozenset(
    {
        "parliament", "ministry", "department", "embassy", "consulate", "government", "cabinet",
        "assembly", "senate", "congress", "court", "police", "council", "office", "presidency",
        "commission",
    }
)  # fmt: skip
#: Words of a state's forces' names: a state title's holder who commands them leads the state
#: ("the Syrian Army, whose commander-in-chief is President Assad").
_STATE_FORCES = frozenset({"army", "navy"})


def part_of_relations(extractor: _ArticleExtractor, sent: Span) -> Iterator[Relation]:
    """A body and the state it belongs to, named in one sentence ("the Kremlin ... Russia")."""
    named = {
        m.actor.id: m for m in extractor.index.mentions_between(sent.start_char, sent.end_char)
    }
    for actor_id, mention in named.items():
        if actor_id in extractor.placed_bodies or mention.actor.type not in (
            "GovernmentBody",
            "Organization",  # what the NER makes of "the US Embassy", untyped
        ):
            continue  # a party or company of a country is not an organ of its state
        container, cue = extractor.index.part_of.get(actor_id), "gazetteer"
        if container is not None and container.id not in named:
            in_name = state_in_name(mention.text)
            if in_name is None or in_name.id != container.id:
                continue  # "the State Department" alone: the sentence does not place it
        if container is None:
            # "the Parliament of Iraq", "the US Embassy in London": the state in the name.
            container, cue = state_in_name(mention.actor.label), "name"
        if container is None:
            continue
        extractor.placed_bodies.add(actor_id)
        relation = extractor.make(
            subject=mention.actor, relation="part-of", obj=container, token=sent.root,
            confidence=0.8, cue=cue, inside_quote=False,
            negated=False, hypothetical=False, attribute=False,
        )  # fmt: skip
        if relation is not None:
            yield relation


def structure_relations(extractor: _ArticleExtractor, sent: Span) -> Iterator[Relation]:
    """Part-of stated in the text: "UNESCO, an agency of the United Nations", "YPG is the
    main fighting force of the SDF", "Saudi Arabia's state-owned Aramco"."""
    for token in extractor.tokens:
        part = extractor.index.actor_at(token)
        if part is None or part.type in ("Person", "Topic") or token.head.i == token.i:
            continue
        if extractor.index.actor_at(token.head) is part and token.head.i != token.i:
            continue  # only the head of the mention
        wholes: list[Token] = []
        phrases = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be":
            phrases += [c for c in token.head.children if c.dep_ == "attr"]
        for phrase in phrases:
            if phrase.lemma_.lower() in _PART_NOUNS:
                wholes += syntax.prep_objects(phrase, "of")
        if any(
            c.dep_ == "amod" and "".join(t.lower_ for t in c.subtree) in _STATE_OWNED
            for c in token.children
        ):
            wholes += [c for c in token.children if c.dep_ == "poss"]
        for whole_token in wholes:
            whole = extractor.index.actor_of_phrase(whole_token)
            if whole is None or whole.type in ("Person", "Topic"):
                continue
            relation = extractor.make(
                subject=part, relation="part-of", obj=whole, token=token, confidence=0.8,
                cue="part", inside_quote=False, attribute=False,
            )  # fmt: skip
            if relation is not None:
                yield relation


def composition(extractor: _ArticleExtractor, sent: Span) -> Iterator[Relation]:
    """ "The SDF is largely made up of YPG militia": each named component is part of it."""
    for verb in extractor.tokens:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in _COMPOSED_OF:
            continue
        if lemma == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            continue
        passive = reads_as_passive(verb)
        if passive != (lemma != "consist"):
            continue  # "X consists of", "X is made up / composed / comprised of"
        wholes = syntax.passive_subjects(verb) if passive else syntax.clause_subjects(verb)
        for whole_token in wholes:
            whole = extractor.index.actor_of_phrase(whole_token)
            if whole is None or whole.type in ("Person", "Topic"):
                continue
            for part_token in syntax.prep_objects(verb, "of"):
                part = extractor.index.actor_at(part_token) or next(
                    (
                        actor
                        for c in part_token.children
                        if c.dep_ == "compound" and (actor := extractor.index.actor_at(c))
                    ),
                    None,
                )  # "YPG militia"
                if part is None or part.type in ("Person", "Topic"):
                    continue
                relation = extractor.make(
                    subject=part, relation="part-of", obj=whole, token=verb,
                    confidence=0.75, cue=lemma, inside_quote=False, attribute=False,
                )  # fmt: skip
                if relation is not None:
                    yield relation


def belongs_to(roles: Iterable[Role], index: ActorIndex) -> dict[str, set[str]]:
    """Person id → ids of the organisations the article gives the person a role in, and
    of their states."""
    belongs: dict[str, set[str]] = {}
    for role in roles:
        ids = belongs.setdefault(role.person.id, set())
        ids.add(role.organisation.id)
        state = index.country_of(role.organisation) or state_in_name(role.organisation.label)
        if state is not None:
            ids.add(state.id)
    return belongs


def states_served(roles: Iterable[Role], index: ActorIndex) -> dict[str, Actor]:
    """Person id → the one state whose organs the article names the person in."""
    states: dict[str, dict[str, Actor]] = {}
    for role in roles:
        if role.default or role.organisation.type != "GovernmentBody":
            continue
        state = index.country_of(role.organisation) or state_in_name(
            role.organisation.label, _STATE_ORGANS | _STATE_FORCES
        )
        if state is not None and state.type == "Country":
            states.setdefault(role.person.id, {})[state.id] = state
    return {person: next(iter(s.values())) for person, s in states.items() if len(s) == 1}


def country_named(token: Token) -> Actor | None:
    """The country a proper noun names, even inside a longer name the NER made of it."""
    return _country_called(token.text)


def state_in_name(label: str, organs: AbstractSet[str] = _STATE_ORGANS) -> Actor | None:
    """The state a government body's name contains, by name or demonym ("Iraqi Parliament")."""
    words = label.split()
    if not any(word.lower() in organs for word in words):
        return None  # "Saudi Press Agency": a state's name in it does not make it an organ
    for length in (3, 2, 1):
        for start in range(len(words) - length + 1):
            state = _country_called(" ".join(words[start : start + length]))
            if state is not None:
                return state
    return None


def _country_called(name: str) -> Actor | None:
    """The country a name or demonym is, not a capital standing for it."""
    found = load_gazetteer().lookup(name)
    if found is not None and found[0].type == "Country" and found[1] != "metonym":
        return country_actor(found[0].key)
    return None
