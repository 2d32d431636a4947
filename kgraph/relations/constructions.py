"""Relations from set phrases: "at the request of", "claimed responsibility", "banned in".

Each rule reads one sentence for a fixed construction that states a relation no
cue word carries: "She did so at the request of Justin Trudeau" (Trudeau requests
it of her), "The Houthis claimed responsibility for the attacks" (they attacked),
"The PKK is a banned organisation in Turkey" (Türkiye coerces it). Each function
takes the extractor (``kgraph.relations.extract``) for the sentence's tokens, its
actor resolution and ``make``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kgraph.model import Actor, Relation
from kgraph.relations import syntax

if TYPE_CHECKING:
    from kgraph.relations.extract import _ArticleExtractor

_REQUEST_NOUNS = frozenset({"request", "behest", "urging", "invitation"})
_CLAIMING_VERBS = frozenset({"claim", "take", "accept", "admit"})
# What a group claims when it claims an act of armed violence.
_ATTACK_NOUNS = frozenset(
    {"attack", "bombing", "strike", "airstrike", "assault", "shooting", "killing", "explosion",
     "blast", "raid", "massacre", "ambush", "kidnapping", "hijacking", "beheading", "assassination"}
)  # fmt: skip
_BANNED = frozenset({"banned", "outlawed", "proscribed", "illegal", "prohibited"})


def on_request(extractor: _ArticleExtractor, sent: Span, inside_quote: bool) -> Iterator[Relation]:
    """ "She did so at the request of Justin Trudeau": Trudeau requested it of her."""
    for token in extractor.tokens:
        if token.lemma_.lower() not in _REQUEST_NOUNS or token.dep_ != "pobj":
            continue
        if token.head.lower_ not in ("at", "on", "upon"):
            continue
        verb = token.head.head
        for asker_token in syntax.prep_objects(token, "of"):
            asker, _ = extractor.actor(asker_token)
            for asked_token in syntax.clause_subjects(verb) if verb.pos_ in ("VERB", "AUX") else []:
                asked, factor = extractor.actor(asked_token)
                if asker is None or asked is None:
                    continue
                relation = extractor.make(
                    subject=asker, relation="requests", obj=asked, token=verb,
                    confidence=0.75 * factor, cue=token.lemma_, inside_quote=inside_quote,
                )  # fmt: skip
                if relation is not None:
                    yield relation


def claimed_attacks(
    extractor: _ArticleExtractor, sent: Span, inside_quote: bool
) -> Iterator[Relation]:
    """ "The Houthis claimed responsibility for the attacks": the claimant attacked.

    The target is the one the attack noun names ("attacks on Saudi Arabia"), else the
    state of the place it happened in ("the bombing in Tunis"), else the country the
    article is about, as event coders code a claimed attack.
    """
    for token in extractor.tokens:
        if token.dep_ != "dobj" or token.head.lemma_.lower() not in _CLAIMING_VERBS:
            continue
        verb = token.head
        if token.lemma_.lower() == "responsibility":
            attacks = syntax.prep_objects(token, "for") + syntax.prep_objects(verb, "for")
        elif verb.lemma_.lower() == "claim":
            attacks = syntax.conjuncts(token)  # "claimed the attack"
        else:
            continue
        for attack in attacks:
            if attack.lemma_.lower() not in _ATTACK_NOUNS:
                continue
            target = _attack_target(extractor, attack)
            if target is None:
                continue
            for claimant_token in syntax.clause_subjects(verb):
                claimant, factor = extractor.actor(claimant_token)
                if claimant is None:
                    continue
                relation = extractor.make(
                    subject=claimant, relation="attacks", obj=target, token=verb,
                    confidence=0.75 * factor, cue="claim responsibility",
                    inside_quote=inside_quote,
                )  # fmt: skip
                if relation is not None:
                    yield relation


def _attack_target(extractor: _ArticleExtractor, attack: Token) -> Actor | None:
    named = syntax.prep_objects(attack, "on") + syntax.prep_objects(attack, "against")
    for token in named:
        actor = extractor.index.actor_of_phrase(token)
        if actor is not None:
            return actor
    # "attacks on Saudi oil facilities", "the bombing in Tunis": the state of the place.
    for phrase in named + syntax.prep_objects(attack, "in"):
        for token in phrase.subtree:
            state = _state_of(extractor, extractor.index.actor_at(token))
            if state is not None:
                return state
    return extractor.main_country if not named else None


def _state_of(extractor: _ArticleExtractor, actor: Actor | None) -> Actor | None:
    if actor is not None and actor.type == "Territory":
        return actor
    return extractor.index.country_of(actor)


def banned_here(extractor: _ArticleExtractor, sent: Span) -> Iterator[Relation]:
    """ "The PKK is a banned organisation in Turkey": the state banning it coerces it."""
    for token in extractor.tokens:
        if token.dep_ != "attr" or token.head.lemma_ != "be":
            continue
        if not any(c.dep_ == "amod" and c.lower_ in _BANNED for c in token.children):
            continue
        places = syntax.prep_objects(token, "in") + syntax.prep_objects(token.head, "in")
        states = [a for p in places if (a := extractor.index.actor_at(p)) and a.type == "Country"]
        for banned_token in syntax.clause_subjects(token.head):
            banned, factor = extractor.actor(banned_token)
            for state in states if banned is not None else []:
                relation = extractor.make(
                    subject=state, relation="coerces", obj=banned, token=token,
                    confidence=0.75 * factor, cue="banned", inside_quote=False,
                )  # fmt: skip
                if relation is not None:
                    yield relation
