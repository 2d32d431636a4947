"""Definite descriptions: "the president", "the US president", "the party" → the actor meant.

News names an actor once and then describes it: "President Donald Trump said ...
The president added ...", "Kremlin spokesman Dmitry Peskov ... the Kremlin
spokesman said", "the Conservative Party ... the party said". A description is
resolved only when exactly one actor fits:

* a title ("president", "prime minister", "spokesman": ``data/titles.tsv``),
  with or without an organisation ("the US president", "the president of
  France", "the Kremlin spokesman"): a person the article named earlier with that
  title (and that organisation, when either gives one). Without an organisation
  in the description, a person whose title names another state than the
  article's main country does not fit;
* failing that, the holder of that role in the user's dictionary on the article's
  date, for the organisation the description names or the article's main country
  ("the president" in a 2019 article about the United States);
* a kind of organisation ("the party", "the ministry", "the alliance"): the one
  actor of that kind named earlier.

A description that is an apposition or predicate of a name ("Peskov, the
Kremlin spokesman", "Trump is the president") is left alone: the name is there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kgraph.actors.dictionary import ActorDictionary, DictionaryActor
from kgraph.model import Actor, Article
from kgraph.relations.lexicon import Lexicon

if TYPE_CHECKING:
    from kgraph.actors.resolve import ActorIndex

#: Words that say an office is no longer (or not yet) held.
FORMER = frozenset(
    {"former", "ex", "then", "late", "ousted", "deposed", "exiled", "outgoing", "incoming",
     "future", "next", "previous", "past", "acting", "interim"}
)  # fmt: skip
#: Nouns that describe an organisation: the actor types they fit, and a word its name must hold.
ORG_NOUNS: dict[str, tuple[frozenset[str], str | None]] = {
    "party": (frozenset({"PoliticalParty"}), None),
    "ministry": (frozenset({"GovernmentBody"}), "ministry"),
    "department": (frozenset({"GovernmentBody"}), "department"),
    "agency": (frozenset({"GovernmentBody", "InternationalOrganization", "Media"}), "agency"),
    "council": (frozenset({"GovernmentBody", "InternationalOrganization"}), "council"),
    "commission": (frozenset({"GovernmentBody", "InternationalOrganization"}), "commission"),
    "court": (frozenset({"GovernmentBody", "InternationalOrganization"}), "court"),
    "embassy": (frozenset({"GovernmentBody", "Organization"}), "embassy"),
    "committee": (frozenset({"GovernmentBody", "Organization"}), "committee"),
    "parliament": (frozenset({"GovernmentBody"}), "parliament"),
    "senate": (frozenset({"GovernmentBody"}), "senate"),
    "army": (frozenset({"GovernmentBody", "ArmedGroup"}), "army"),
    "police": (frozenset({"GovernmentBody", "Organization"}), "police"),
    "coalition": (frozenset({"Alliance", "ArmedGroup", "InternationalOrganization"}), "coalition"),
    "alliance": (frozenset({"Alliance"}), None),
    "bloc": (frozenset({"Alliance", "InternationalOrganization"}), None),
    "militia": (frozenset({"ArmedGroup"}), None),
    "company": (frozenset({"Company"}), None),
    "firm": (frozenset({"Company"}), None),
    "broadcaster": (frozenset({"Media"}), None),
    "newspaper": (frozenset({"Media"}), None),
}
_WINDOW = 6


def main_country(index: ActorIndex, *, at_least: int = 2, margin: float = 1.0) -> Actor | None:
    """The country an article is mostly about: named ``at_least`` times, more often than any
    other and at least ``margin`` times as often (by default: twice, and more than any other).

    A mention of a state's organ ("the House of Representatives", "the Kremlin") counts
    for the state: an article about a vote in Congress is about the United States even
    if it never names the country."""
    countries: dict[str, Actor] = {}
    counts: Counter[str] = Counter()
    for mention in index.mentions:
        country = index.country_of(mention.actor)
        if country is not None:
            countries.setdefault(country.id, country)
            counts[country.id] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < at_least:
        return None
    if len(ranked) > 1 and (ranked[0][1] <= ranked[1][1] or ranked[0][1] < margin * ranked[1][1]):
        return None
    return countries[ranked[0][0]]


def _title(words: list[str], lexicon: Lexicon) -> str | None:
    """The title the words make, hyphens and case aside ("Prime Minister" → "prime minister")."""
    return lexicon.titles_as_read.get(" ".join(words).replace("-", " ").lower())


def _longest_title(tokens: list[Token], lexicon: Lexicon) -> str | None:
    words = [t.lower_ for t in tokens if t.text not in ("(", ")", "-", "–")]
    for length in range(min(len(words), 4), 0, -1):
        for start in range(len(words) - length, -1, -1):  # nearest the name first
            title = _title(words[start : start + length], lexicon)
            if title is not None:
                return title
    return None


def _organisations(tokens: Iterable[Token], index: ActorIndex) -> set[str]:
    found = set()
    for token in tokens:
        actor = index._by_token.get(token.i)
        if actor is not None and actor.type not in ("Person", "Topic"):
            found.add(actor.id)
    return found


def _person_titles(
    doc: Doc, index: ActorIndex, lexicon: Lexicon
) -> dict[str, tuple[Actor, int, set[tuple[str, str | None]]]]:
    """Person id → (person, first mention offset, the (title, organisation id) it was given)."""
    people: dict[str, tuple[Actor, int, set[tuple[str, str | None]]]] = {}
    for mention in index.mentions:
        if mention.actor.type != "Person":
            continue
        entry = people.setdefault(mention.actor.id, (mention.actor, mention.start, set()))
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        phrases = [_left_window(span, index)]
        head = span.root
        person_tokens = {t.i for t in span}
        others = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            others.append(head.head)  # "the Kremlin spokesman, Dmitry Peskov"
        for other in others:
            phrases.append(
                [t for t in other.subtree if t.i not in person_tokens and t.i <= other.i]
            )
        for tokens in phrases:
            if any(t.lower_.rstrip("-") in FORMER for t in tokens):
                continue
            title = _longest_title(tokens, lexicon)
            if title is None:
                continue
            organisations = _organisations(tokens, index)
            if not organisations:
                entry[2].add((title, None))
            for organisation in organisations:
                entry[2].add((title, organisation))
    return people


def _left_window(span: Span, index: ActorIndex) -> list[Token]:
    tokens: list[Token] = []
    i = span.start - 1
    while i >= span.sent.start and len(tokens) < _WINDOW:
        token = span.doc[i]
        actor = index._by_token.get(i)
        if (actor is not None and actor.type == "Person") or token.pos_ in ("VERB", "AUX"):
            break
        if token.is_punct and token.text not in ("(", "-", "–"):
            break
        tokens.insert(0, token)
        i -= 1
    return tokens


def _dictionary_actor(actor: DictionaryActor) -> Actor:
    iso = actor.country if actor.type in ("Country", "Territory") else None
    return Actor(
        id=actor.iri,
        label=actor.label,
        type=actor.type,
        names=actor.names,
        iso_code=iso,
        wikidata=actor.wikidata,
    )


def describe(
    doc: Doc,
    index: ActorIndex,
    *,
    lexicon: Lexicon,
    article: Article | None = None,
    dictionary: ActorDictionary | None = None,
) -> dict[int, Actor]:
    """Token position of each resolvable description's head → the actor it refers to."""
    people: dict[str, tuple[Actor, int, set[tuple[str, str | None]]]] | None = None
    country = main_country(index)
    found: dict[int, Actor] = {}
    for token in _heads_after_the(doc):
        if token.i in index._by_token or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.left_edge.lower_ != "the":
            continue  # a description starts with "the" (checked fully below)
        if token.dep_ in ("compound", "appos", "attr", "conj") or any(
            c.dep_ in ("appos", "relcl", "acl") for c in token.children
        ):
            continue
        lefts = list(token.lefts)
        if not lefts or lefts[0].dep_ != "det" or lefts[0].lower_ != "the":
            continue
        words = list(doc[lefts[0].i + 1 : token.i + 1])
        if any(index._by_token.get(t.i, None) is not None and
               index._by_token[t.i].type == "Person" for t in words):  # fmt: skip
            continue
        if any(t.lower_.rstrip("-") in FORMER for t in words):
            continue
        organisations = _organisations(words, index)
        plain = [t for t in words if t.i not in index._by_token and t.text not in ("-", "–")]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                organisations |= _organisations(
                    [g for g in child.children if g.dep_ == "pobj"], index
                )
        if len(organisations) > 1:
            continue
        organisation = next(iter(organisations), None)
        title = _title([t.text for t in plain], lexicon)
        if title is not None:
            if people is None:
                people = _person_titles(doc, index, lexicon)
            actor = _person(
                token, title, organisation, people, country, lexicon, article, dictionary
            )
        elif len(plain) == 1 and organisation is None and token.lower_ in ORG_NOUNS:
            actor = described_organisation(token, index)
        else:
            actor = None
        if actor is not None:
            found[token.i] = actor
    return found


def _heads_after_the(doc: Doc) -> list[Token]:
    """The heads of the article's "the" in text order: only they can head a description.
    Found from one array, since spaCy makes a Token object at every step over a Doc."""
    the = doc.vocab.strings.add("the")
    heads: dict[int, Token] = {}
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower == the:
            head = doc[i].head
            heads.setdefault(head.i, head)
    return [heads[i] for i in sorted(heads)]


def _person(
    token: Token,
    title: str,
    organisation: str | None,
    people: dict[str, tuple[Actor, int, set[tuple[str, str | None]]]],
    country: Actor | None,
    lexicon: Lexicon,
    article: Article | None,
    dictionary: ActorDictionary | None,
) -> Actor | None:
    before = [(actor, titles) for actor, start, titles in people.values() if start < token.idx]
    held = [(actor, {o for t, o in titles if t == title}) for actor, titles in before]
    held = [(actor, orgs) for actor, orgs in held if orgs]
    if organisation is not None:
        exact = [actor for actor, orgs in held if organisation in orgs]
        candidates = exact or [actor for actor, orgs in held if orgs == {None}]
    else:
        home = {None} | ({country.id} if country is not None else set())
        candidates = [actor for actor, orgs in held if orgs & home]
    if len(candidates) == 1:
        return candidates[0]
    if candidates or dictionary is None or article is None or article.date is None:
        return None
    target = organisation or (country.id if country is not None else None)
    if target is None:
        return None
    holders = dictionary.holders(lexicon.titles[title], target, article.date)
    return _dictionary_actor(holders[0]) if len(holders) == 1 else None


def described_organisation(token: Token, index: ActorIndex) -> Actor | None:
    """The one organisation named before the token that its kind word fits ("the committee")."""
    types, word = ORG_NOUNS[token.lower_]
    candidates = {
        m.actor.id: m.actor
        for m in index.mentions
        if m.end <= token.idx
        and m.actor.type in types
        and (word is None or word in m.actor.label.lower().split())
    }
    return next(iter(candidates.values())) if len(candidates) == 1 else None
