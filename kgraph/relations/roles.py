"""Role relations from titles: "Turkish President X", "X, the Kremlin spokesman", "X of Y".

A title before a name, in an apposition, or "of"-attached after the name
gives ``leader-of`` / ``member-of`` / ``spokesperson-for`` / ``candidate-for``
(by ``data/titles.tsv``) towards the actor that the title's words name.
A former office-holder ("former President X", "then-minister X") holds no office.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kgraph.actors.resolve import ActorIndex
from kgraph.model import Actor, Mention
from kgraph.relations.lexicon import Lexicon

#: Words that say the office is no longer held.
FORMER = frozenset({"former", "ex", "ex-", "then", "then-", "late", "ousted", "deposed", "exiled", "erstwhile"})
#: Words that make a sentence about an election, where "X of <party>" lists a candidate.
ELECTION_WORDS = frozenset({"ballot", "candidate", "candidates", "race", "election", "elections", "nominee", "primary", "runoff"})
_WINDOW = 7


@dataclass(frozen=True, slots=True)
class Role:
    """A role found for a person: ``(person, relation, organisation, confidence, cue)``."""

    person: Actor
    relation: str
    organisation: Actor
    confidence: float
    cue: str


def _find_title(words: list[str], lexicon: Lexicon) -> str | None:
    """The longest title that the last words of ``words`` spell."""
    for length in range(min(lexicon.longest_title, len(words)), 0, -1):
        candidate = " ".join(words[-length:])
        if candidate in lexicon.titles:
            return candidate
    return None


def _left_window(mention_start: int, sent: Span, index: ActorIndex) -> list[Token]:
    tokens: list[Token] = []
    i = mention_start - 1
    while i >= sent.start and len(tokens) < _WINDOW:
        token = sent.doc[i]
        actor = index.actor_at(token)
        if (actor is not None and actor.type == "Person") or token.pos_ in ("VERB", "AUX"):
            break
        if token.is_punct and token.text not in ("(", "-", "–"):
            break
        tokens.insert(0, token)
        i -= 1
    return tokens


def _organisations(tokens: list[Token], index: ActorIndex, person: Actor) -> list[Actor]:
    found: dict[str, Actor] = {}
    for token in tokens:
        actor = index.actor_at(token)
        if actor is not None and actor.type not in ("Person", "Topic") and actor.id != person.id:
            found.setdefault(actor.id, actor)
    return list(found.values())


def _of_objects(head: Token, index: ActorIndex) -> list[Actor]:
    actors = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    actor = index.actor_of_phrase(obj)
                    if actor is not None and actor.type != "Person":
                        actors.append(actor)
    return actors


def _title_words(tokens: list[Token]) -> list[str]:
    return [t.lower_ for t in tokens if t.text not in ("(", ")", "the", "The")]


def roles_in_sentence(sent: Span, index: ActorIndex, lexicon: Lexicon) -> Iterator[Role]:
    """Every role the sentence gives a person, by title, apposition or "X of Y"."""
    mentions: list[Mention] = [
        m for m in index.mentions if m.actor.type == "Person" and sent.start_char <= m.start < sent.end_char
    ]
    for mention in mentions:
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        person, head = mention.actor, span.root
        window = _left_window(span.start, sent, index)
        words = _title_words(window)
        former = any(w.rstrip("-") in FORMER or w.startswith("ex-") for w in words)
        title = _find_title(words, lexicon)
        if title and not former:
            organisations = _organisations(window, index, person) or _of_objects(head, index)
            for organisation in organisations:
                yield Role(person, lexicon.titles[title], organisation, 0.9, title)
        yield from _appositions(head, person, index, lexicon)
        if not title:
            yield from _of_party(head, person, sent, index)


def _appositions(head: Token, person: Actor, index: ActorIndex, lexicon: Lexicon) -> Iterator[Role]:
    for appos in (c for c in head.children if c.dep_ == "appos"):
        subtree = list(appos.subtree)
        words = [t.lower_ for t in subtree if t.i <= appos.i]
        if any(w in FORMER for w in words):
            continue
        title = _find_title(words, lexicon)
        if title is None:
            continue
        organisations = _organisations([t for t in subtree if t.i < appos.i], index, person)
        organisations += _of_objects(appos, index)
        for organisation in {a.id: a for a in organisations}.values():
            yield Role(person, lexicon.titles[title], organisation, 0.85, title)


def _of_party(head: Token, person: Actor, sent: Span, index: ActorIndex) -> Iterator[Role]:
    """ "X of the Y Party": a member, or a candidate when the sentence is about an election."""
    election = any(t.lower_ in ELECTION_WORDS for t in sent)
    for organisation in _of_objects(head, index):
        if organisation.type in ("PoliticalParty", "Alliance"):
            relation = "candidate-for" if election else "member-of"
            yield Role(person, relation, organisation, 0.7, "of")
