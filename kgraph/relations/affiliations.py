"""Parties, chambers and countries a word names: "Democratic", "Tory", "pro-Beijing".

The lexicon's affiliations map party and chamber words to the organisation each
means in one country; ``party_of_words`` picks the one of a country the words or
the article name, ``affiliation_actor`` gives it the article's own actor (or the
gazetteer's, or a new one), and ``country_actor`` builds a country's actor by ISO
code as actor resolution does. ``party_of_members`` lets "Democratic members of the
House" stand for their party.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kgraph.actors.gazetteer import GazetteerEntry, load_gazetteer
from kgraph.actors.registry import entry_iri
from kgraph.actors.resolve import ActorIndex
from kgraph.iris import actor_iri
from kgraph.model import Actor
from kgraph.relations.lexicon import Affiliation, Lexicon
from kgraph.relations.titles import organisations_in, singular

#: Nouns for the members of a party or bloc, which stand for it when acting as a group.
_MEMBER_NOUNS = frozenset(
    {"member", "lawmaker", "legislator", "representative", "senator", "mp", "politician"}
)


def party_of_words(
    tokens: Sequence[Token], index: ActorIndex, lexicon: Lexicon, countries: Sequence[Actor]
) -> Actor | None:
    """The party a party word among the tokens names ("Democratic", "pro-democracy"), if any."""
    named = [a for a in organisations_in(list(tokens), index, None) if a.iso_code]
    words = lowercase_words(sorted(tokens, key=lambda t: t.i))
    for length in (3, 2, 1):
        for start in range(len(words) - length + 1):
            phrase = " ".join(w for w, _ in words[start : start + length])
            candidates = [a for a in lexicon.affiliations.get(phrase, ()) if a.kind == "party"]
            affiliation = in_country(candidates, named, countries)
            if affiliation is not None:
                return affiliation_actor(affiliation, index)
    return None


def lowercase_words(
    tokens: Sequence[Token], title_words: set[str] | frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """Lowercase words and their positions, without hyphens and brackets ("pro beijing")."""
    return [
        (singular(t.lower_, title_words), t.i)
        for t in tokens
        if t.text not in ("(", ")", "-", "–", ",")
    ]


def country_actor(iso_code: str) -> Actor:
    """The actor of a country the gazetteer knows, by ISO 3166 code."""
    return _gazetteer_actor(load_gazetteer().by_key(iso_code))


def _gazetteer_actor(entry: GazetteerEntry) -> Actor:
    """The same actor resolution makes of a gazetteer entry: same IRI, Wikidata id, ISO code."""
    return Actor(
        id=entry_iri(entry),
        label=entry.label,
        type=entry.type,
        names=(entry.label,),
        iso_code=entry.iso_code if entry.type in ("Country", "Territory") else None,
        wikidata=entry.wikidata,
    )


def in_country(
    candidates: Sequence[Affiliation], named: Sequence[Actor], countries: Sequence[Actor]
) -> Affiliation | None:
    """The candidate of a country the phrase names, else of the article's most mentioned country."""
    for ranked in (named, countries):
        for country in ranked:
            for candidate in candidates:
                if candidate.country == country.iso_code:
                    return candidate
    return None


def affiliation_actor(affiliation: Affiliation, index: ActorIndex) -> Actor:
    """The article's own actor for a party or chamber when it names it, else a new one."""
    if affiliation.type == "Country":
        for actor in index.actors():
            if actor.iso_code == affiliation.country:
                return actor
        return country_actor(affiliation.country)
    wanted = affiliation.name.casefold()
    for actor in index.actors():
        if actor.type != "Person" and wanted in (n.casefold() for n in (actor.label, *actor.names)):
            return actor
    found = load_gazetteer().lookup(affiliation.name)
    if found is not None and found[0].part_of in (affiliation.country, None):
        return _gazetteer_actor(found[0])  # "Democratic Party": the gazetteer's, with Q29552
    return Actor(
        id=actor_iri(label=affiliation.name, type=affiliation.type),
        label=affiliation.name,
        type=affiliation.type,
        names=(affiliation.name,),
    )


def party_of_members(
    token: Token, index: ActorIndex, lexicon: Lexicon, countries: Sequence[Actor]
) -> Actor | None:
    """The party or camp a group of its members stands for ("Democratic members of the House",
    "lawmakers from the pro-democracy camp"), as a careful reader credits the party."""
    if token.lemma_.lower() not in _MEMBER_NOUNS:
        return None
    words = [c for c in token.children if c.dep_ in ("amod", "compound")]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    owner = index.actor_at(obj)
                    if owner is not None and owner.type in ("PoliticalParty", "Alliance"):
                        return owner
                    words += [t for t in obj.subtree if t.i <= obj.i]
    for word in words:
        owner = index.actor_at(word)
        if owner is not None and owner.type in ("PoliticalParty", "Alliance"):
            return owner
    return party_of_words(words, index, lexicon, countries)
